namespace Stripe.Connect.Client.Testing.Internal.Hosted;

/// <summary>What the hosted pages answer one browser request with: a page or a redirect.</summary>
/// <param name="StatusCode">The HTTP status (200, 303 or 302, 404, 422).</param>
/// <param name="Html">The page, or null for a redirect.</param>
/// <param name="Location">The redirect target, or null for a page.</param>
internal sealed record HostedPageResult(int StatusCode, string? Html, string? Location)
{
    public static HostedPageResult Page(string html, int statusCode = 200) => new(statusCode, html, null);

    public static HostedPageResult Redirect(string location, int statusCode = 302) => new(statusCode, null, location);
}
