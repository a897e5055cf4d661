using Polly;

namespace Stripe.Connect.Client;

/// <summary>
/// Polly strategies of your own (a circuit breaker, hedging, a fallback, your own telemetry) added to the pipeline
/// every call of a <see cref="ConnectClient"/> runs through, on either side of the SDK's retry. Reach it through
/// <see cref="ConnectClientOptions.Resilience"/>.
/// </summary>
/// <remarks>
/// <para>
/// The pipeline of a client is, from the outside in: the strategies added with <see cref="AddAroundRetry"/>, the
/// SDK's retry, the strategies added with <see cref="AddPerAttempt"/>, the optional rate limiter, the per-attempt
/// time-out, then one HTTP attempt. It is built once, when the client is created, with the client's
/// <see cref="TimeProvider"/>; the delegates run then, once each, in the order they were added.
/// </para>
/// <para>
/// Strategies see the typed result of a call (a <see cref="StripeEntity"/> such as an <c>Account</c>) or its typed
/// failure: every failed attempt is a <see cref="StripeException"/> (<see cref="ApiConnectionException"/> when no
/// answer came: a connection failure or the attempt's time-out). The request, its body and its idempotency key are
/// fixed before the pipeline runs, so however often your strategies repeat an attempt, each one sends the same key.
/// A rejection by one of your strategies (an open circuit's <c>BrokenCircuitException</c>, for instance) reaches the
/// caller as an <see cref="ApiConnectionException"/> whose <see cref="Exception.InnerException"/> is that rejection.
/// </para>
/// </remarks>
public sealed class ConnectResilienceOptions
{
    private readonly List<Action<ResiliencePipelineBuilder<StripeEntity>>> _aroundRetry = [];
    private readonly List<Action<ResiliencePipelineBuilder<StripeEntity>>> _perAttempt = [];

    /// <summary>The delegates that add strategies around the SDK's retry, in the order they were added.</summary>
    internal IReadOnlyList<Action<ResiliencePipelineBuilder<StripeEntity>>> AroundRetry => _aroundRetry;

    /// <summary>The delegates that add strategies inside the SDK's retry, in the order they were added.</summary>
    internal IReadOnlyList<Action<ResiliencePipelineBuilder<StripeEntity>>> PerAttempt => _perAttempt;

    /// <summary>Whether no strategy was added on either side of the retry.</summary>
    internal bool IsEmpty => _aroundRetry.Count == 0 && _perAttempt.Count == 0;

    /// <summary>
    /// Adds strategies around the SDK's retry: they see each call once, with the outcome of the SDK's last attempt.
    /// The place for a circuit breaker that counts failed calls, a fallback, or a retry of your own on top.
    /// </summary>
    /// <param name="configure">Adds strategies to the builder, for example <c>builder.AddCircuitBreaker(...)</c>.</param>
    /// <returns>These options, for chaining.</returns>
    public ConnectResilienceOptions AddAroundRetry(Action<ResiliencePipelineBuilder<StripeEntity>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _aroundRetry.Add(configure);
        return this;
    }

    /// <summary>
    /// Adds strategies inside the SDK's retry: they see every attempt, before the rate limiter and the attempt's
    /// time-out. The place for a circuit breaker that counts failed attempts, hedging, or per-attempt telemetry.
    /// </summary>
    /// <param name="configure">Adds strategies to the builder.</param>
    /// <returns>These options, for chaining.</returns>
    public ConnectResilienceOptions AddPerAttempt(Action<ResiliencePipelineBuilder<StripeEntity>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _perAttempt.Add(configure);
        return this;
    }

    /// <summary>Copies the delegates of <paramref name="source"/> after these (the client's snapshot of its options).</summary>
    /// <param name="source">The options to copy.</param>
    internal void CopyFrom(ConnectResilienceOptions source)
    {
        _aroundRetry.AddRange(source._aroundRetry);
        _perAttempt.AddRange(source._perAttempt);
    }
}
