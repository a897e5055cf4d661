using System.Net;

namespace Stripe.Connect.Client;

/// <summary>
/// connect.stripe.com refused an OAuth call (<see cref="OAuthService.CreateTokenAsync"/>,
/// <see cref="OAuthService.DeauthorizeAsync"/>). OAuth errors have their own shape, <c>{"error": "invalid_grant",
/// "error_description": "..."}</c>: <see cref="Error"/> is the code and <see cref="ErrorDescription"/> the text. Each
/// known code has a subclass (<see cref="InvalidGrantException"/>, <see cref="InvalidClientException"/>...); an unknown
/// one is this type.
/// </summary>
public class OAuthException : StripeException
{
    /// <summary>Creates the exception for an OAuth error response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The OAuth error code, such as <c>invalid_grant</c>.</param>
    /// <param name="errorDescription">The server's description, secrets redacted.</param>
    /// <param name="requestId">Stripe's request id.</param>
    /// <param name="rawBody">The body as received, secrets redacted.</param>
    public OAuthException(string message, HttpStatusCode? statusCode, string error, string? errorDescription, string? requestId, string? rawBody)
        : base(message, statusCode, null, requestId, rawBody)
    {
        Error = error;
        ErrorDescription = errorDescription;
    }

    /// <summary>The OAuth error code: <c>invalid_grant</c>, <c>invalid_client</c>, <c>invalid_request</c>, <c>invalid_scope</c>, <c>unsupported_grant_type</c>, <c>unsupported_response_type</c> or a newer one.</summary>
    public string Error { get; }

    /// <summary>The server's human-readable description of the error, or <see langword="null"/> when it sent none.</summary>
    public string? ErrorDescription { get; }
}
