using Microsoft.Extensions.Logging;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;

namespace Stripe.Connect.Client.Http;

/// <summary>
/// The second room of a call: the Polly pipeline its attempts run through, built once per client. From the outside
/// in: the caller's strategies around the retry (<see cref="ConnectResilienceOptions.AddAroundRetry"/>), the SDK's
/// retry (409/429/5xx and connection failures, <c>Stripe-Should-Retry</c> and <c>Retry-After</c> honoured, backoff
/// with jitter), the caller's per-attempt strategies (<see cref="ConnectResilienceOptions.AddPerAttempt"/>), the
/// optional rate limiter, the per-attempt time-out. Every attempt ends in a value or a typed
/// <see cref="StripeException"/>, whose <see cref="StripeException.Retryable"/> the retry reads.
/// </summary>
internal sealed class ConnectResilience : IDisposable
{
    /// <summary>The call's request, for the retry's log line (the attempts get it from their state).</summary>
    public static readonly ResiliencePropertyKey<PreparedRequest> RequestKey = new("Stripe.Connect.Client.Request");

    private readonly PacedRateLimiter? _rateLimiter;

    /// <param name="options">The client's validated settings, its <see cref="ConnectClientOptions.Resilience"/> included.</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <param name="time">The clock of every delay, time-out and rate-limit period.</param>
    public ConnectResilience(ConnectClientOptions options, ILogger logger, TimeProvider time)
    {
        if (options.MaxRequestsPerSecond is { } rate)
        {
            _rateLimiter = new PacedRateLimiter(rate, time);
        }

        var builder = new ResiliencePipelineBuilder<StripeEntity> { TimeProvider = time };
        foreach (var configure in options.Resilience.AroundRetry)
        {
            configure(builder);
        }

        if (options.MaxNetworkRetries > 0)
        {
            builder.AddRetry(CreateRetry(options, logger));
        }

        foreach (var configure in options.Resilience.PerAttempt)
        {
            configure(builder);
        }

        if (_rateLimiter is { } limiter)
        {
            builder.AddRateLimiter(new RateLimiterStrategyOptions
            {
                RateLimiter = args => limiter.AcquireAsync(args.Context.CancellationToken),
            });
        }

        if (options.Timeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.Timeout);
        }

        Pipeline = builder.Build();
    }

    /// <summary>The pipeline; thread-safe, shared by every call of the client.</summary>
    public ResiliencePipeline<StripeEntity> Pipeline { get; }

    public void Dispose() => _rateLimiter?.Dispose();

    private static RetryStrategyOptions<StripeEntity> CreateRetry(ConnectClientOptions options, ILogger logger) => new()
    {
        MaxRetryAttempts = options.MaxNetworkRetries,
        // The attempt decided (status, Stripe-Should-Retry, connection failure or time-out) and marked its error.
        // Anything else (the caller's cancellation, the client's disposal, a strategy's rejection) is not retried.
        ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Exception is StripeException { Retryable: true }),
        DelayGenerator = args =>
        {
            var delay = args.Outcome.Exception is StripeException { RetryAfter: { } retryAfter }
                ? retryAfter
                : RetryRules.Backoff(args.AttemptNumber, options.InitialRetryDelay, options.MaxRetryDelay, Random.Shared.NextDouble());
            return ValueTask.FromResult<TimeSpan?>(delay);
        },
        OnRetry = args =>
        {
            ConnectTelemetry.Retries.Add(1);
            if (args.Context.Properties.TryGetValue(RequestKey, out var retried))
            {
                ConnectLog.Retrying(logger, retried.Method.Method, retried.Path, args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1);
            }

            return default;
        },
    };
}
