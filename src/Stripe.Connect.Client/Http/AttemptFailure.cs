namespace Stripe.Connect.Client.Http;

/// <summary>
/// What an attempt returns instead of its value when Stripe answered with an error: the typed exception, and what
/// the retry strategy needs to decide (<c>Stripe-Should-Retry</c> and status, <c>Retry-After</c>). A successful
/// attempt returns the value itself, so a call that succeeds allocates no result wrapper.
/// </summary>
internal sealed class AttemptFailure(StripeException error, bool retryable, TimeSpan? retryAfter)
{
    public StripeException Error { get; } = error;

    public bool Retryable { get; } = retryable;

    public TimeSpan? RetryAfter { get; } = retryAfter;
}
