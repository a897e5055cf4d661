using System.Net;

namespace Stripe.Connect.Client;

/// <summary>
/// A v2 error of type <c>verification_not_initiated</c>: the operation needs a verification that was not started; <see cref="VerificationStatus"/> gives its state.
/// </summary>
public class VerificationNotInitiatedException : StripeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message (already redacted).</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The parsed error, redacted.</param>
    /// <param name="requestId">The <c>Request-Id</c>, if any.</param>
    /// <param name="rawBody">The body, redacted.</param>
    public VerificationNotInitiatedException(string message, HttpStatusCode? statusCode, StripeError? error, string? requestId, string? rawBody)
        : base(message, statusCode, error, requestId, rawBody)
    {
    }

    /// <summary>The state of the verification (the error's <c>verification_status</c>, such as <c>verification_failed</c>), or <see langword="null"/>.</summary>
    public string? VerificationStatus => StripeError?.VerificationStatus;
}
