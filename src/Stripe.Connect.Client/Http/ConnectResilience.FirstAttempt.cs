using Polly;
using Polly.Timeout;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client.Http;

/// <summary>The first attempt without Polly, for a client whose pipeline holds only the SDK's retry and time-out.</summary>
internal sealed partial class ConnectResilience
{
    /// <summary>
    /// What the pipeline does for a call whose token is cancelled before it starts, when it holds any strategy:
    /// it refuses it, with no attempt and no log line. (An empty pipeline runs the attempt.)
    /// </summary>
    /// <param name="token">The call's token (the caller's, linked with the client's lifetime).</param>
    public void ThrowIfCancelledBeforeStart(CancellationToken token)
    {
        if (HasStrategies && token.IsCancellationRequested)
        {
            throw new OperationCanceledException(token);
        }
    }

    /// <summary>Exactly the retry's own test after an attempt: retryable, retries left, the call's token not cancelled.</summary>
    /// <param name="failure">What the first attempt threw.</param>
    /// <param name="token">The call's token.</param>
    /// <returns><see langword="true"/> when the pipeline's retry would try again.</returns>
    public bool RetriesAfter(Exception failure, CancellationToken token) =>
        _options.MaxNetworkRetries > 0 && ShouldRetry(failure) && !token.IsCancellationRequested;

    /// <summary>The retries after a direct first attempt, through the pipeline (built now if it was not).</summary>
    /// <typeparam name="T">The type of the result.</typeparam>
    /// <param name="context">The call's context, its counter already at 1.</param>
    /// <param name="first">The first attempt's failure, the retry's first outcome.</param>
    /// <param name="attempt">The third room.</param>
    /// <param name="request">The prepared call.</param>
    /// <param name="reader">How the body becomes the result.</param>
    /// <param name="callerToken">The caller's own token.</param>
    /// <returns>The result of the attempt that succeeded.</returns>
    public ValueTask<StripeEntity> RetryAsync<T>(ResilienceContext context, Exception first, ConnectAttempt attempt, PreparedRequest request, ResponseReader<T> reader, CancellationToken callerToken)
        where T : StripeEntity =>
        Pipeline.ExecuteAsync(
            static (ctx, replay) => replay.NextAsync(ctx),
            context,
            new Replay<T>(first, attempt, request, reader, callerToken));

    /// <summary>
    /// The first attempt of a call, without Polly, under the per-attempt time-out as Polly's time-out strategy runs
    /// it: a token that the time-out or the call's own token cancels, and the same <see cref="TimeoutRejectedException"/>
    /// when only the time-out ended an attempt that gave up with an <see cref="OperationCanceledException"/>.
    /// </summary>
    /// <typeparam name="T">The type of the result.</typeparam>
    /// <param name="attempt">The third room.</param>
    /// <param name="request">The prepared call.</param>
    /// <param name="reader">How the body becomes the result.</param>
    /// <param name="callerToken">The caller's own token.</param>
    /// <param name="callToken">The call's token (the caller's, linked with the client's lifetime).</param>
    /// <returns>The result.</returns>
    public async ValueTask<StripeEntity> FirstAttemptAsync<T>(ConnectAttempt attempt, PreparedRequest request, ResponseReader<T> reader, CancellationToken callerToken, CancellationToken callToken)
        where T : StripeEntity
    {
        var timeout = _options.Timeout;
        if (timeout == Timeout.InfiniteTimeSpan)
        {
            return await attempt.SendAsync(null, request, reader, callerToken, callToken).ConfigureAwait(false);
        }

        var source = AttemptTimeoutSource.Rent(_time, timeout);
        var registration = callToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), source);
        Exception? failure = null;
        StripeEntity? result = null;
        try
        {
            result = await attempt.SendAsync(null, request, reader, callerToken, source.Token).ConfigureAwait(false);
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
            throw TimedOut(timeout, cancelled);
        }

        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return null!;
    }

    // Polly's exception, as its time-out strategy would throw it, made in a method of its own: named in the method
    // above, the precompiled code would load Polly.Core on every client's first call, not only when an attempt times out.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static TimeoutRejectedException TimedOut(TimeSpan timeout, OperationCanceledException cancelled) =>
        new($"The operation didn't complete within the allowed timeout of '{timeout}'.", timeout, cancelled);
}
