using System.Net;

namespace Stripe.Connect.Client;

/// <summary>OAuth error <c>invalid_scope</c>: the requested scope is not one the platform may ask for (<c>read_only</c> or <c>read_write</c>).</summary>
public class InvalidScopeException : OAuthException
{
    /// <summary>Creates the exception for an OAuth error response with code <c>invalid_scope</c>.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="errorDescription">The server's description, secrets redacted.</param>
    /// <param name="requestId">Stripe's request id.</param>
    /// <param name="rawBody">The body as received, secrets redacted.</param>
    public InvalidScopeException(string message, HttpStatusCode? statusCode, string? errorDescription, string? requestId, string? rawBody)
        : base(message, statusCode, "invalid_scope", errorDescription, requestId, rawBody)
    {
    }
}
