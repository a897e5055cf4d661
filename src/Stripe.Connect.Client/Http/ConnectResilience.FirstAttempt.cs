using System.Text.Json.Serialization.Metadata;
using Polly;
using Polly.Timeout;

namespace Stripe.Connect.Client.Http;

/// <summary>The first attempt without Polly, for a client whose pipeline holds only the SDK's retry and time-out.</summary>
internal sealed partial class ConnectResilience
{
    private async ValueTask<StripeEntity> FirstAttemptThenRetryAsync<T>(ResilienceContext context, ConnectAttempt attempt, PreparedRequest request, JsonTypeInfo<T> typeInfo, CancellationToken callerToken)
        where T : StripeEntity
    {
        var token = context.CancellationToken;
        if (HasStrategies && token.IsCancellationRequested)
        {
            // What the pipeline does for a call that is cancelled before it starts: no attempt, no log line.
            throw new OperationCanceledException(token);
        }

        Exception first;
        try
        {
            return await TimedAttemptAsync(context, attempt, request, typeInfo, callerToken).ConfigureAwait(false);
        }
        catch (Exception e) when (_options.MaxNetworkRetries > 0 && ShouldRetry(e) && !token.IsCancellationRequested)
        {
            // Exactly the retry's own test after an attempt (it also stops once the call's token is cancelled).
            first = e;
        }

        return await Pipeline.ExecuteAsync(
            static (ctx, replay) => replay.NextAsync(ctx),
            context,
            new Replay<T>(first, attempt, request, typeInfo, callerToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// One attempt under the per-attempt time-out, as Polly's time-out strategy runs it: a token that the time-out
    /// or the call's own token cancels, and the same <see cref="TimeoutRejectedException"/> when only the time-out
    /// ended an attempt that gave up with an <see cref="OperationCanceledException"/>.
    /// </summary>
    private async ValueTask<StripeEntity> TimedAttemptAsync<T>(ResilienceContext context, ConnectAttempt attempt, PreparedRequest request, JsonTypeInfo<T> typeInfo, CancellationToken callerToken)
        where T : StripeEntity
    {
        var callToken = context.CancellationToken;
        var timeout = _options.Timeout;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await attempt.SendAsync(context, request, typeInfo, callerToken, callToken).ConfigureAwait(false);
        }

        var source = AttemptTimeoutSource.Rent(_time, timeout);
        var registration = callToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source);
        Exception? failure = null;
        StripeEntity? result = null;
        try
        {
            result = await attempt.SendAsync(context, request, typeInfo, callerToken, source.Token).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failure = e;
        }

        var timedOut = source.IsCancellationRequested;
        registration.Dispose();
        AttemptTimeoutSource.Return(_time, source);
        if (failure is null)
        {
            return result!;
        }

        if (timedOut && failure is OperationCanceledException cancelled && !callToken.IsCancellationRequested)
        {
            throw new TimeoutRejectedException($"The operation didn't complete within the allowed timeout of '{timeout}'.", timeout, cancelled);
        }

        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return null!;
    }
}
