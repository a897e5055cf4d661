using System.Net;

namespace Stripe.Connect.Client;

/// <summary>
/// A v2 error of type <c>controlled_by_alternate_resource</c>: the field or object is managed through another resource and cannot be changed here.
/// </summary>
public class ControlledByAlternateResourceException : StripeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message (already redacted).</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The parsed error, redacted.</param>
    /// <param name="requestId">The <c>Request-Id</c>, if any.</param>
    /// <param name="rawBody">The body, redacted.</param>
    public ControlledByAlternateResourceException(string message, HttpStatusCode? statusCode, StripeError? error, string? requestId, string? rawBody)
        : base(message, statusCode, error, requestId, rawBody)
    {
    }
}
