namespace Stripe.Connect.Client.Http;

/// <summary>
/// One call, fixed before its first attempt by <see cref="RequestPreparer"/>: the URL, the body bytes and every
/// header value (the caller's overrides already applied to the client's defaults), including the idempotency key.
/// Immutable and self-contained: every attempt, whoever repeats it (the SDK's retry or a strategy of the caller's),
/// builds the same message from it. It never prints its values (the <c>Authorization</c> value holds the key).
/// </summary>
internal sealed class PreparedRequest
{
    public required HttpMethod Method { get; init; }

    /// <summary>The path without the query, for logs and telemetry (ids are escaped, no secrets).</summary>
    public required string Path { get; init; }

    public required Uri Uri { get; init; }

    /// <summary>The form body of a POST (possibly empty); <see langword="null"/> for GET and DELETE.</summary>
    public byte[]? Body { get; init; }

    /// <summary>The <c>Authorization</c> value (<c>Bearer sk_...</c>).</summary>
    public required string Authorization { get; init; }

    /// <summary>The <c>Stripe-Version</c> value.</summary>
    public required string ApiVersion { get; init; }

    /// <summary>The connected account the call acts for (<c>Stripe-Account</c>), or <see langword="null"/> for the platform.</summary>
    public string? StripeAccount { get; init; }

    /// <summary>The <c>Stripe-Context</c> value (the account, or chain of accounts, a call acts in), or <see langword="null"/>.</summary>
    public string? StripeContext { get; init; }

    /// <summary>The body's <c>Content-Type</c>: the form type (v1) unless set, <c>application/json</c> for v2.</summary>
    public string ContentType { get; init; } = "application/x-www-form-urlencoded";

    /// <summary>The <c>Idempotency-Key</c> of a POST (and of a v2 DELETE); <see langword="null"/> otherwise.</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The <c>User-Agent</c> value.</summary>
    public required string UserAgent { get; init; }

    /// <summary>A new message for one attempt: same URL, headers and body bytes every time.</summary>
    /// <returns>The message; the caller disposes it.</returns>
    public HttpRequestMessage CreateMessage()
    {
        var message = new HttpRequestMessage(Method, Uri);
        var headers = message.Headers;
        headers.TryAddWithoutValidation("Authorization", Authorization);
        headers.TryAddWithoutValidation("Stripe-Version", ApiVersion);
        headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (StripeAccount is not null)
        {
            headers.TryAddWithoutValidation("Stripe-Account", StripeAccount);
        }

        if (StripeContext is not null)
        {
            headers.TryAddWithoutValidation("Stripe-Context", StripeContext);
        }

        if (IdempotencyKey is not null)
        {
            headers.TryAddWithoutValidation("Idempotency-Key", IdempotencyKey);
        }

        if (Body is not null)
        {
            // Every POST declares its content type (the form's, or JSON for v2), even with no parameters.
            var content = new ByteArrayContent(Body);
            content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            message.Content = content;
        }

        return message;
    }

    /// <summary>Names the call only: the header values hold the key.</summary>
    /// <returns>The method and path.</returns>
    public override string ToString() => $"{Method.Method} {Path}";
}
