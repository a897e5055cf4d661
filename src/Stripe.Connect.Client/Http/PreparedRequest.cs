namespace Stripe.Connect.Client.Http;

/// <summary>
/// Everything fixed before the first attempt of one call: the URL, the body bytes, the caller's per-request options
/// (already validated) and the idempotency key, so that every retry sends exactly the same request. The client-wide
/// header values are not copied here; <see cref="CreateMessage"/> takes them from the pipeline's
/// <see cref="RequestDefaults"/>.
/// </summary>
internal sealed class PreparedRequest
{
    public required HttpMethod Method { get; init; }

    /// <summary>The path without the query, for logs and telemetry (ids are escaped, no secrets).</summary>
    public required string Path { get; init; }

    public required Uri Uri { get; init; }

    /// <summary>The form body of a POST (possibly empty); <see langword="null"/> for GET and DELETE.</summary>
    public byte[]? Body { get; init; }

    /// <summary>The caller's options for this call (immutable), or <see langword="null"/>.</summary>
    public RequestOptions? Options { get; init; }

    public string? IdempotencyKey { get; init; }

    /// <summary>Attempts made so far (incremented by each attempt).</summary>
    public int Attempts { get; set; }

    /// <summary>The connected account the call acts for: the caller's, else the client's, else none.</summary>
    /// <param name="defaults">The client-wide values.</param>
    /// <returns>The account id, or <see langword="null"/>.</returns>
    public string? StripeAccount(RequestDefaults defaults) => Options?.StripeAccount ?? defaults.StripeAccount;

    /// <summary>A new message for one attempt: same URL, headers and body bytes every time.</summary>
    /// <param name="defaults">The client-wide header values the caller's options did not override.</param>
    /// <returns>The message; the caller disposes it.</returns>
    public HttpRequestMessage CreateMessage(RequestDefaults defaults)
    {
        var message = new HttpRequestMessage(Method, Uri);
        var headers = message.Headers;
        headers.TryAddWithoutValidation("Authorization", Options?.ApiKey is { } apiKey ? "Bearer " + apiKey : defaults.Authorization);
        headers.TryAddWithoutValidation("Stripe-Version", Options?.ApiVersion ?? defaults.ApiVersion);
        headers.TryAddWithoutValidation("User-Agent", defaults.UserAgent);
        if (StripeAccount(defaults) is { } account)
        {
            headers.TryAddWithoutValidation("Stripe-Account", account);
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
