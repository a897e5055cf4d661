using System.Net;

namespace Stripe.Connect.Client;

/// <summary>Too many requests (HTTP 429), still refused after the SDK's retries.</summary>
public class RateLimitException : StripeException
{
    /// <summary>Creates the exception for an error response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The error object from the body.</param>
    /// <param name="requestId">Stripe's request id.</param>
    /// <param name="rawBody">The body as received.</param>
    public RateLimitException(string message, HttpStatusCode? statusCode, StripeError? error, string? requestId, string? rawBody)
        : base(message, statusCode, error, requestId, rawBody)
    {
    }
}
