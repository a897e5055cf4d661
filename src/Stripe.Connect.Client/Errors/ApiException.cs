using System.Net;

namespace Stripe.Connect.Client;

/// <summary>Stripe failed to handle the request (HTTP 5xx, <c>api_error</c>), or sent a response the SDK could not read, after the SDK's retries.</summary>
public class ApiException : StripeException
{
    /// <summary>Creates the exception for an error response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The error object from the body.</param>
    /// <param name="requestId">Stripe's request id.</param>
    /// <param name="rawBody">The body as received.</param>
    public ApiException(string message, HttpStatusCode? statusCode, StripeError? error, string? requestId, string? rawBody)
        : base(message, statusCode, error, requestId, rawBody)
    {
    }
}
