namespace Stripe.Connect.Client;

/// <summary>Which check of a webhook request failed; see <see cref="SignatureVerificationException.Reason"/>.</summary>
public enum SignatureVerificationFailure
{
    /// <summary>The <c>Stripe-Signature</c> header is absent or empty.</summary>
    MissingHeader = 1,

    /// <summary>
    /// The header cannot be read: too long, an item without <c>=</c>, no timestamp (<c>t=</c>), a timestamp that is
    /// not a Unix time in seconds, or more than one timestamp.
    /// </summary>
    MalformedHeader,

    /// <summary>The header has no <c>v1</c> signature (other schemes such as <c>v0</c> are ignored).</summary>
    NoV1Signature,

    /// <summary>
    /// No <c>v1</c> signature matches the payload under any configured secret: a wrong or old secret, a tampered
    /// body, or a body that was changed (parsed and serialized again, re-encoded, trimmed) before verification.
    /// </summary>
    SignatureMismatch,

    /// <summary>The signature is valid but its timestamp is older than the tolerance allows (a possible replay).</summary>
    TimestampTooOld,

    /// <summary>The signature is valid but its timestamp lies further in the future than the tolerance allows.</summary>
    TimestampInFuture,

    /// <summary>The signed payload is not a JSON event object.</summary>
    InvalidPayload,

    /// <summary>The event was rendered with another API version than the one required.</summary>
    ApiVersionMismatch,
}
