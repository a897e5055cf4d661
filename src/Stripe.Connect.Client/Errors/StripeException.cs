using System.Net;

namespace Stripe.Connect.Client;

/// <summary>
/// The base of every error the SDK raises for a call that reached Stripe, or tried to. Catch it to handle all
/// API errors; catch a subclass to handle one kind. Messages never contain the API key.
/// </summary>
public class StripeException : Exception
{
    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public StripeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public StripeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for an error response.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="error">The error object from the body, when the body was Stripe JSON.</param>
    /// <param name="requestId">Stripe's request id.</param>
    /// <param name="rawBody">The body as received (possibly cut short).</param>
    public StripeException(string message, HttpStatusCode? statusCode, StripeError? error, string? requestId, string? rawBody)
        : base(message)
    {
        HttpStatusCode = statusCode;
        StripeError = error;
        RequestId = requestId;
        RawBody = rawBody;
    }

    /// <summary>The HTTP status of the response, or <see langword="null"/> when no response arrived.</summary>
    public HttpStatusCode? HttpStatusCode { get; }

    /// <summary>Stripe's id for the request, when a response arrived.</summary>
    public string? RequestId { get; }

    /// <summary>The error object Stripe returned, or <see langword="null"/> when the body was not Stripe JSON.</summary>
    public StripeError? StripeError { get; }

    /// <summary>The response body as received (at most 64 KB, secrets redacted), for diagnosis.</summary>
    public string? RawBody { get; }

    /// <summary>
    /// The usual description (type, message, inner exceptions, stack), with secrets redacted: an inner transport
    /// exception may quote what a server sent, such as an invalid header line.
    /// </summary>
    /// <returns>The description, safe to log.</returns>
    public override string ToString() => SecretRedactor.Redact(base.ToString());

    /// <summary>Set by the attempt that raised this: whether the SDK's retry may try again.</summary>
    internal bool Retryable { get; set; }

    /// <summary>Set by the attempt that raised this: the server's <c>Retry-After</c>, when it sent one.</summary>
    internal TimeSpan? RetryAfter { get; set; }
}
