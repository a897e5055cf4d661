using Microsoft.Extensions.Logging;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client.Http;

/// <summary>
/// The second room of a call: the Polly pipeline its attempts run through, one per client. From the outside in: the
/// caller's strategies around the retry (<see cref="ConnectResilienceOptions.AddAroundRetry"/>), the SDK's retry
/// (409/429/5xx and connection failures, <c>Stripe-Should-Retry</c> and <c>Retry-After</c> honoured, backoff with
/// jitter), the caller's per-attempt strategies (<see cref="ConnectResilienceOptions.AddPerAttempt"/>), the optional
/// rate limiter, the per-attempt time-out. Every attempt ends in a value or a typed <see cref="StripeException"/>,
/// whose <see cref="StripeException.Retryable"/> the retry reads.
/// <para>
/// Without a caller's strategy or a rate limiter, the pipeline only holds the SDK's retry and time-out, and a first
/// attempt that succeeds needs neither: it runs here directly, under the same time-out, and the pipeline is built
/// (lazily, once) only when an attempt fails in a way the retry takes. Building and entering Polly was about a
/// quarter of the JIT work of a process's first call (docs/benchmarks.md).
/// </para>
/// </summary>
internal sealed partial class ConnectResilience : IDisposable
{
    // Polly's own bounds for a time-out strategy: outside them, building the pipeline throws, and must still do so
    // when the client is created.
    private static readonly TimeSpan SmallestPollyTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LargestPollyTimeout = TimeSpan.FromDays(1);

    private readonly ConnectClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly PacedRateLimiter? _rateLimiter;
    private ResiliencePipeline<StripeEntity>? _pipeline;

    /// <param name="options">The client's validated settings, its <see cref="ConnectClientOptions.Resilience"/> included.</param>
    /// <param name="logger">Where retries are logged.</param>
    /// <param name="time">The clock of every delay, time-out and rate-limit period.</param>
    public ConnectResilience(ConnectClientOptions options, ILogger logger, TimeProvider time)
    {
        _options = options;
        _logger = logger;
        _time = time;
        if (options.MaxRequestsPerSecond is { } rate)
        {
            _rateLimiter = new PacedRateLimiter(rate, time);
        }

        RunsFirstAttemptDirectly = !options.HasResilienceStrategies && _rateLimiter is null;
        HasStrategies = !RunsFirstAttemptDirectly || options.MaxNetworkRetries > 0 || options.Timeout != Timeout.InfiniteTimeSpan;
        var buildable = options.Timeout == Timeout.InfiniteTimeSpan || (options.Timeout >= SmallestPollyTimeout && options.Timeout <= LargestPollyTimeout);
        if (!RunsFirstAttemptDirectly || !buildable)
        {
            // A caller's strategy runs its configuration now, and a time-out Polly refuses fails now, as they always did.
            _pipeline = Build();
        }
    }

    /// <summary>
    /// <see langword="true"/> when no caller's strategy and no rate limiter is configured: the first attempt runs
    /// without Polly, and a retry, when one is due, through the pipeline.
    /// </summary>
    public bool RunsFirstAttemptDirectly { get; }

    /// <summary><see langword="true"/> once the pipeline is built (at creation, or for the first retry).</summary>
    public bool IsPipelineBuilt => Volatile.Read(ref _pipeline) is not null;

    /// <summary>The pipeline; thread-safe, shared by every call of the client, built on first use.</summary>
    public ResiliencePipeline<StripeEntity> Pipeline
    {
        get
        {
            var pipeline = Volatile.Read(ref _pipeline);
            if (pipeline is null)
            {
                // Two racing first retries may both build one; only one is kept, and an unused pipeline holds nothing.
                Interlocked.CompareExchange(ref _pipeline, Build(), null);
                pipeline = _pipeline!;
            }

            return pipeline;
        }
    }

    // A pipeline with at least one strategy refuses to start a call whose token is already cancelled; an empty one runs it.
    private bool HasStrategies { get; }

    /// <summary>Runs every attempt of a call through the pipeline (a client with a caller's strategy or a rate limiter).</summary>
    /// <typeparam name="T">The type of the result.</typeparam>
    /// <param name="context">The call's pooled context: its token (caller and client lifetime), its attempt counter.</param>
    /// <param name="attempt">The third room.</param>
    /// <param name="request">The prepared call.</param>
    /// <param name="reader">How the body becomes the result.</param>
    /// <param name="callerToken">The caller's own token.</param>
    /// <returns>The result of the attempt that succeeded.</returns>
    public ValueTask<StripeEntity> ExecuteAsync<T>(ResilienceContext context, ConnectAttempt attempt, PreparedRequest request, ResponseReader<T> reader, CancellationToken callerToken)
        where T : StripeEntity =>
        Pipeline.ExecuteAsync(
            static (ctx, state) => state.Attempt.SendAsync(ctx, state.Request, state.Reader, state.CallerToken, ctx.CancellationToken),
            context,
            (Attempt: attempt, Request: request, Reader: reader, CallerToken: callerToken));

    public void Dispose() => _rateLimiter?.Dispose();

    private ResiliencePipeline<StripeEntity> Build()
    {
        var builder = new ResiliencePipelineBuilder<StripeEntity> { TimeProvider = _time };
        foreach (var configure in _options.Resilience.AroundRetry)
        {
            configure(builder);
        }

        if (_options.MaxNetworkRetries > 0)
        {
            builder.AddRetry(CreateRetry(_options, _logger));
        }

        foreach (var configure in _options.Resilience.PerAttempt)
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

        if (_options.Timeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(_options.Timeout);
        }

        return builder.Build();
    }

    private static RetryStrategyOptions<StripeEntity> CreateRetry(ConnectClientOptions options, ILogger logger) => new()
    {
        MaxRetryAttempts = options.MaxNetworkRetries,
        // The attempt decided (status, Stripe-Should-Retry, connection failure or time-out) and marked its error.
        // Anything else (the caller's cancellation, the client's disposal, a strategy's rejection) is not retried.
        ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Outcome.Exception)),
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
            if (args.Context.Properties.TryGetValue(CallContextKeys.Request, out var retried))
            {
                ConnectLog.Retrying(logger, retried.Method.Method, retried.Path, args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1);
            }

            return default;
        },
    };

    private static bool ShouldRetry(Exception? failure) => failure is StripeException { Retryable: true };

    /// <summary>
    /// What the pipeline's retry is given after a first attempt that ran directly: that attempt's failure, as its
    /// first outcome (nothing is sent again for it), then real attempts. The retry then counts, delays, logs and
    /// gives up exactly as if it had run the first attempt itself.
    /// </summary>
    private sealed class Replay<T>(Exception first, ConnectAttempt attempt, PreparedRequest request, ResponseReader<T> reader, CancellationToken callerToken)
        where T : StripeEntity
    {
        private Exception? _first = first;

        public ValueTask<StripeEntity> NextAsync(ResilienceContext context)
        {
            if (Interlocked.Exchange(ref _first, null) is { } failure)
            {
                // Faulted, not thrown again: the exception keeps the stack trace of the attempt that threw it.
                return ValueTask.FromException<StripeEntity>(failure);
            }

            return attempt.SendAsync(context, request, reader, callerToken, context.CancellationToken);
        }
    }
}
