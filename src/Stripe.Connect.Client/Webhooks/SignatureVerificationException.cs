namespace Stripe.Connect.Client;

/// <summary>
/// A webhook request was refused: its <c>Stripe-Signature</c> header is missing or wrong, its timestamp is outside
/// the tolerance, or the verified payload is not a usable event. <see cref="Reason"/> tells which check failed.
/// Answer such a request with HTTP 400. Messages never contain a webhook secret.
/// </summary>
public sealed class SignatureVerificationException : StripeException
{
    /// <summary>Creates an exception for a failed check.</summary>
    /// <param name="reason">The check that failed.</param>
    /// <param name="message">What went wrong; it must not contain a secret.</param>
    /// <param name="timestamp">The header's timestamp, when it could be read.</param>
    /// <param name="innerException">The cause, such as a <see cref="System.Text.Json.JsonException"/>.</param>
    public SignatureVerificationException(SignatureVerificationFailure reason, string message, DateTimeOffset? timestamp = null, Exception? innerException = null)
        : base(SecretRedactor.Redact(message), innerException)
    {
        Reason = reason;
        Timestamp = timestamp;
    }

    /// <summary>The check that failed.</summary>
    public SignatureVerificationFailure Reason { get; }

    /// <summary>The time in the header's <c>t=</c> item (when Stripe signed the request), when it could be read.</summary>
    public DateTimeOffset? Timestamp { get; }
}
