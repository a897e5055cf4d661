using System.Net;

namespace Stripe.Connect.Client;

/// <summary>The API key may not do this, for example a restricted key without the permission, or an account the platform does not control (HTTP 403).</summary>
public class PermissionException : StripeException
{
    /// <summary>Creates the exception for an error response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The error object from the body.</param>
    /// <param name="requestId">Stripe's request id.</param>
    /// <param name="rawBody">The body as received.</param>
    public PermissionException(string message, HttpStatusCode? statusCode, StripeError? error, string? requestId, string? rawBody)
        : base(message, statusCode, error, requestId, rawBody)
    {
    }
}
