namespace Stripe.Connect.Client;

/// <summary>
/// No usable response arrived: the connection failed, was reset or every attempt timed out, after the SDK's
/// retries. For a POST, the request may still have reached Stripe; retrying with the same idempotency key
/// (<see cref="IdempotencyKey"/>) is safe.
/// </summary>
public class ApiConnectionException : StripeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The last failure.</param>
    /// <param name="idempotencyKey">The idempotency key the request used, if any.</param>
    public ApiConnectionException(string message, Exception? innerException, string? idempotencyKey = null)
        : base(message, innerException)
    {
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The idempotency key the request was sent with; reuse it to retry a POST safely.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>
    /// Set when one attempt raised this (inside the pipeline): what went wrong, such as "the connection failed", so
    /// that the call's final exception can say it after counting the attempts.
    /// </summary>
    internal string? AttemptFailure { get; init; }
}
