using System.Net;

namespace Stripe.Connect.Client;

/// <summary>The API key was missing, wrong or revoked (HTTP 401).</summary>
public class AuthenticationException : StripeException
{
    /// <summary>Creates the exception for an error response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The error object from the body.</param>
    /// <param name="requestId">Stripe's request id.</param>
    /// <param name="rawBody">The body as received.</param>
    public AuthenticationException(string message, HttpStatusCode? statusCode, StripeError? error, string? requestId, string? rawBody)
        : base(message, statusCode, error, requestId, rawBody)
    {
    }
}
