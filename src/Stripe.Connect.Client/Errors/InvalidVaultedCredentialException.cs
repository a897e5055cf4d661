using System.Net;

namespace Stripe.Connect.Client;

/// <summary>
/// A v2 error of type <c>invalid_vaulted_credential</c>: a stored credential cannot be used; <see cref="InvalidParam"/> names the detail at fault.
/// </summary>
public class InvalidVaultedCredentialException : StripeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message (already redacted).</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The parsed error, redacted.</param>
    /// <param name="requestId">The <c>Request-Id</c>, if any.</param>
    /// <param name="rawBody">The body, redacted.</param>
    public InvalidVaultedCredentialException(string message, HttpStatusCode? statusCode, StripeError? error, string? requestId, string? rawBody)
        : base(message, statusCode, error, requestId, rawBody)
    {
    }

    /// <summary>Which detail was refused (the error's <c>invalid_param</c>, such as <c>routing_number</c>), or <see langword="null"/>.</summary>
    public string? InvalidParam => StripeError?.InvalidParam;
}
