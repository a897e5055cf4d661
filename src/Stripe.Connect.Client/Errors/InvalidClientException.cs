using System.Net;

namespace Stripe.Connect.Client;

/// <summary>OAuth error <c>invalid_client</c>: the client id is unknown, or the API key does not belong to the platform that owns it.</summary>
public class InvalidClientException : OAuthException
{
    /// <summary>Creates the exception for an OAuth error response with code <c>invalid_client</c>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorDescription">The server's description, secrets redacted.</param>
    /// <param name="requestId">Stripe's request id.</param>
    /// <param name="rawBody">The body as received, secrets redacted.</param>
    public InvalidClientException(string message, HttpStatusCode? statusCode, string? errorDescription, string? requestId, string? rawBody)
        : base(message, statusCode, "invalid_client", errorDescription, requestId, rawBody)
    {
    }
}
