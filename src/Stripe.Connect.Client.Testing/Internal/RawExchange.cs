namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>The parts of an HTTP request the fake reads.</summary>
internal sealed record RawRequest(
    string Method,
    string Path,
    string Query,
    string Body,
    string? Authorization,
    string? StripeAccount,
    string? IdempotencyKey,
    string? StripeVersion,
    string? StripeContext = null);

/// <summary>A response before it becomes an <see cref="HttpResponseMessage"/>.</summary>
internal sealed record RawResponse(int StatusCode, string Body, IReadOnlyList<KeyValuePair<string, string>> Headers);
