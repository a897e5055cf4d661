using System.Net;

namespace Stripe.Connect.Client;

/// <summary>OAuth error <c>unsupported_response_type</c>: the authorize request asked for a response type other than <c>code</c>.</summary>
public class UnsupportedResponseTypeException : OAuthException
{
    /// <summary>Creates the exception for an OAuth error response with code <c>unsupported_response_type</c>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorDescription">The server's description, secrets redacted.</param>
    /// <param name="requestId">Stripe's request id.</param>
    /// <param name="rawBody">The body as received, secrets redacted.</param>
    public UnsupportedResponseTypeException(string message, HttpStatusCode? statusCode, string? errorDescription, string? requestId, string? rawBody)
        : base(message, statusCode, "unsupported_response_type", errorDescription, requestId, rawBody)
    {
    }
}
