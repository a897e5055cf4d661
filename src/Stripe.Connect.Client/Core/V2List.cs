using System.Text.Json.Serialization;

namespace Stripe.Connect.Client;

/// <summary>
/// One page of a v2 list: its objects and the URLs of the pages around it. Unlike a v1 <see cref="StripeList{T}"/> there
/// is no cursor to pass: the service's <c>ListAutoPagingAsync</c> follows <see cref="NextPageUrl"/>.
/// </summary>
/// <typeparam name="T">The type of the listed objects.</typeparam>
public sealed record V2List<T> : StripeEntity
    where T : class
{
    /// <summary>The objects on this page, in the API's order.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<T> Data { get; set => field = value ?? []; } = [];

    /// <summary>The path and query of the next page (such as <c>/v2/core/accounts?page=...</c>), or <see langword="null"/> on the last page.</summary>
    [JsonPropertyName("next_page_url")]
    public string? NextPageUrl { get; set; }

    /// <summary>The path and query of the previous page, or <see langword="null"/> on the first page.</summary>
    [JsonPropertyName("previous_page_url")]
    public string? PreviousPageUrl { get; set; }

    /// <summary>A page URL the SDK may follow: a path on the API host under the list's own path, never another host.</summary>
    /// <param name="url">The URL the page gave.</param>
    /// <param name="listPath">The path of the list.</param>
    /// <returns>The URL, as a path with its query.</returns>
    /// <exception cref="StripeException">The URL points elsewhere; following it could send the key to another host.</exception>
    internal static string CheckedPageUrl(string url, string listPath)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? url : url[..query];
        if (!url.StartsWith('/') || url.StartsWith("//", StringComparison.Ordinal) || url.Contains('\\', StringComparison.Ordinal) || !string.Equals(path, listPath, StringComparison.Ordinal))
        {
            throw new ApiConnectionException("The list page's next_page_url is not a path of the same list; the SDK does not follow it.", null);
        }

        return url;
    }
}
