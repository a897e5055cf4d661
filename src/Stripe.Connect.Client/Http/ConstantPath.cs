namespace Stripe.Connect.Client.Http;

/// <summary>
/// A request path without ids, such as <c>/v1/account_links</c>, declared once as a static field of the generated
/// service that calls it. It keeps the parsed <see cref="Uri"/> for the last base address it was resolved against,
/// so a call to a fixed path with no query parses no URL (about 250 bytes and a few hundred nanoseconds a call).
/// </summary>
/// <param name="value">The path, starting with <c>/v1/</c>.</param>
internal sealed class ConstantPath(string value)
{
    // Replaced whole (one reference write), so concurrent callers never see a base address with another's Uri.
    private Resolved? _last;

    /// <summary>The path.</summary>
    public string Value { get; } = value;

    /// <summary>The absolute URL of this path on <paramref name="baseUrl"/> (no trailing slash).</summary>
    /// <param name="baseUrl">The API base address of the calling client.</param>
    /// <returns>The parsed URL; the same instance while the base address stays the same.</returns>
    public Uri ResolveAgainst(string baseUrl)
    {
        var last = _last;
        if (last is not null && string.Equals(last.BaseUrl, baseUrl, StringComparison.Ordinal))
        {
            return last.Uri;
        }

        var uri = new Uri(baseUrl + Value, UriKind.Absolute);
        _last = new Resolved(baseUrl, uri);
        return uri;
    }

    private sealed record Resolved(string BaseUrl, Uri Uri);
}
