using System.Net;

namespace Stripe.Connect.Client;

/// <summary>
/// A v2 error of type <c>fx_quote_needs_refresh</c>: the foreign exchange quote expired or changed; get a new one and try again.
/// </summary>
public class FxQuoteNeedsRefreshException : StripeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message (already redacted).</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The parsed error, redacted.</param>
    /// <param name="requestId">The <c>Request-Id</c>, if any.</param>
    /// <param name="rawBody">The body, redacted.</param>
    public FxQuoteNeedsRefreshException(string message, HttpStatusCode? statusCode, StripeError? error, string? requestId, string? rawBody)
        : base(message, statusCode, error, requestId, rawBody)
    {
    }
}
