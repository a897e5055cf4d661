using System.Net;

namespace Stripe.Connect.Client;

/// <summary>OAuth error <c>invalid_request</c>: a parameter is missing or malformed (such as a grant without its <c>code</c>).</summary>
public class OAuthInvalidRequestException : OAuthException
{
    /// <summary>Creates the exception for an OAuth error response with code <c>invalid_request</c>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorDescription">The server's description, secrets redacted.</param>
    /// <param name="requestId">Stripe's request id.</param>
    /// <param name="rawBody">The body as received, secrets redacted.</param>
    public OAuthInvalidRequestException(string message, HttpStatusCode? statusCode, string? errorDescription, string? requestId, string? rawBody)
        : base(message, statusCode, "invalid_request", errorDescription, requestId, rawBody)
    {
    }
}
