using System.Net;
using System.Net.Http.Headers;

namespace Stripe.Connect.Client;

/// <summary>
/// What the SDK learned from the HTTP response a result came from. Reach it through
/// <see cref="StripeEntity.StripeResponse"/> on any returned object, without another call.
/// </summary>
public sealed class StripeResponse
{
    internal StripeResponse(HttpStatusCode statusCode, HttpResponseHeaders headers, string? requestId, string? idempotencyKey, int attempts)
    {
        StatusCode = statusCode;
        Headers = headers;
        IdempotencyKey = idempotencyKey;
        Attempts = attempts;
        RequestId = requestId;
        IdempotentReplayed = string.Equals(HeaderValue(headers, "Idempotent-Replayed"), "true", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The HTTP status code of the response.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>Stripe's id for the request (<c>Request-Id</c> header); quote it when you contact Stripe support.</summary>
    public string? RequestId { get; }

    /// <summary>All response headers.</summary>
    public HttpResponseHeaders Headers { get; }

    /// <summary><see langword="true"/> when Stripe answered with the stored result of an earlier request with the same idempotency key.</summary>
    public bool IdempotentReplayed { get; }

    /// <summary>The idempotency key that was sent with the request (every POST has one), or <see langword="null"/> for GET and DELETE.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>How many attempts the call took, 1 when the first one succeeded.</summary>
    public int Attempts { get; }

    /// <inheritdoc />
    public override string ToString() => $"HTTP {(int)StatusCode}, request {RequestId ?? "(none)"}, attempts {Attempts}";

    /// <summary>The first value of a header, or <see langword="null"/>.</summary>
    /// <remarks>
    /// Runs on every call (request id, replay flag), so it reads the raw values through
    /// <see cref="HttpHeaders.NonValidated"/>: no parsing, no array, no LINQ enumerator.
    /// </remarks>
    internal static string? HeaderValue(HttpHeaders headers, string name)
    {
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            foreach (var value in values)
            {
                return value;
            }
        }

        return null;
    }
}
