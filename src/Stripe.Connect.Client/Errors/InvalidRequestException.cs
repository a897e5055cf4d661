using System.Net;

namespace Stripe.Connect.Client;

/// <summary>The request was refused as invalid (HTTP 400 or 404): a missing or wrong parameter, or an id that does not exist. <see cref="StripeException.StripeError"/> names the parameter.</summary>
public class InvalidRequestException : StripeException
{
    /// <summary>Creates the exception for an error response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The error object from the body.</param>
    /// <param name="requestId">Stripe's request id.</param>
    /// <param name="rawBody">The body as received.</param>
    public InvalidRequestException(string message, HttpStatusCode? statusCode, StripeError? error, string? requestId, string? rawBody)
        : base(message, statusCode, error, requestId, rawBody)
    {
    }
}
