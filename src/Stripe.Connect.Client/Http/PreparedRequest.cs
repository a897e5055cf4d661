namespace Stripe.Connect.Client.Http;

/// <summary>
/// Everything fixed before the first attempt of one call: the URL, the body bytes and the header values,
/// including the idempotency key, so that every retry sends exactly the same request.
/// </summary>
internal sealed class PreparedRequest
{
    public required HttpMethod Method { get; init; }

    /// <summary>The path without the query, for logs and telemetry (ids are escaped, no secrets).</summary>
    public required string Path { get; init; }

    public required Uri Uri { get; init; }

    /// <summary>The form body of a POST (possibly empty); <see langword="null"/> for GET and DELETE.</summary>
    public byte[]? Body { get; init; }

    public required string Authorization { get; init; }

    public required string ApiVersion { get; init; }

    public string? StripeAccount { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>Attempts made so far (incremented by each attempt).</summary>
    public int Attempts { get; set; }

    public HttpRequestMessage CreateMessage(string userAgent)
    {
        var message = new HttpRequestMessage(Method, Uri);
        var headers = message.Headers;
        headers.TryAddWithoutValidation("Authorization", Authorization);
        headers.TryAddWithoutValidation("Stripe-Version", ApiVersion);
        headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (StripeAccount is not null)
        {
            headers.TryAddWithoutValidation("Stripe-Account", StripeAccount);
        }

        if (IdempotencyKey is not null)
        {
            headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        }

        if (Body is not null)
        {
            // Every POST declares the form content type, even with no parameters.
            var content = new ByteArrayContent(Body);
            content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
            message.Content = content;
        }

        return message;
    }
}
