using System.Net;

namespace Stripe.Connect.Client;

/// <summary>OAuth error <c>invalid_grant</c>: the authorization code or refresh token is unknown, already used, expired or belongs to another platform. Send the user through the authorize page again.</summary>
public class InvalidGrantException : OAuthException
{
    /// <summary>Creates the exception for an OAuth error response with code <c>invalid_grant</c>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorDescription">The server's description, secrets redacted.</param>
    /// <param name="requestId">Stripe's request id.</param>
    /// <param name="rawBody">The body as received, secrets redacted.</param>
    public InvalidGrantException(string message, HttpStatusCode? statusCode, string? errorDescription, string? requestId, string? rawBody)
        : base(message, statusCode, "invalid_grant", errorDescription, requestId, rawBody)
    {
    }
}
