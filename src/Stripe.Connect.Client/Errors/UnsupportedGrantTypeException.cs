using System.Net;

namespace Stripe.Connect.Client;

/// <summary>OAuth error <c>unsupported_grant_type</c>: the grant type is neither <c>authorization_code</c> nor <c>refresh_token</c>.</summary>
public class UnsupportedGrantTypeException : OAuthException
{
    /// <summary>Creates the exception for an OAuth error response with code <c>unsupported_grant_type</c>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorDescription">The server's description, secrets redacted.</param>
    /// <param name="requestId">Stripe's request id.</param>
    /// <param name="rawBody">The body as received, secrets redacted.</param>
    public UnsupportedGrantTypeException(string message, HttpStatusCode? statusCode, string? errorDescription, string? requestId, string? rawBody)
        : base(message, statusCode, "unsupported_grant_type", errorDescription, requestId, rawBody)
    {
    }
}
