namespace Stripe.Connect.Client.Testing;

/// <summary>A request the in-memory API received, kept so tests can check what a client sent (retries, keys, headers).</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path without the query string, for example <c>/v1/transfers</c>.</param>
/// <param name="Query">The query string without the leading <c>?</c>; empty when there is none.</param>
/// <param name="Body">The form body as sent; empty for GET and DELETE.</param>
/// <param name="StripeAccount">The <c>Stripe-Account</c> header, if sent.</param>
/// <param name="IdempotencyKey">The <c>Idempotency-Key</c> header, if sent.</param>
/// <param name="StatusCode">The status answered, or null when an injected fault dropped the connection.</param>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string Query,
    string Body,
    string? StripeAccount,
    string? IdempotencyKey,
    int? StatusCode);
