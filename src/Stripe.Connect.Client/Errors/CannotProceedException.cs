using System.Net;

namespace Stripe.Connect.Client;

/// <summary>
/// A v2 error of type <c>cannot_proceed</c>: the operation cannot go ahead in the object's current state; <see cref="Reason"/> says why.
/// </summary>
public class CannotProceedException : StripeException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message (already redacted).</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The parsed error, redacted.</param>
    /// <param name="requestId">The <c>Request-Id</c>, if any.</param>
    /// <param name="rawBody">The body, redacted.</param>
    public CannotProceedException(string message, HttpStatusCode? statusCode, StripeError? error, string? requestId, string? rawBody)
        : base(message, statusCode, error, requestId, rawBody)
    {
    }

    /// <summary>Why the operation cannot proceed (the error's <c>reason</c>), or <see langword="null"/>.</summary>
    public string? Reason => StripeError?.Reason;
}
