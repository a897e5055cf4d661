namespace Stripe.Connect.Client.Http;

/// <summary>
/// What one attempt produced: a value, or an error response that the retry strategy inspects (status,
/// <c>Stripe-Should-Retry</c>, <c>Retry-After</c>) before deciding whether to try again.
/// </summary>
internal sealed class AttemptResult<T> : IAttemptResult
{
    private AttemptResult(T? value, StripeException? error, bool retryable, TimeSpan? retryAfter)
    {
        Value = value;
        Error = error;
        Retryable = retryable;
        RetryAfter = retryAfter;
    }

    public T? Value { get; }

    public StripeException? Error { get; }

    public bool Retryable { get; }

    public TimeSpan? RetryAfter { get; }

    public static AttemptResult<T> Success(T value) => new(value, null, false, null);

    public static AttemptResult<T> Failure(StripeException error, bool retryable, TimeSpan? retryAfter) => new(default, error, retryable, retryAfter);
}

/// <summary>The non-generic view the retry strategy uses.</summary>
internal interface IAttemptResult
{
    bool Retryable { get; }

    TimeSpan? RetryAfter { get; }
}
