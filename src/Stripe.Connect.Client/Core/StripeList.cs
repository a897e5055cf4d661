using System.Text.Json.Serialization;

namespace Stripe.Connect.Client;

/// <summary>One page of a list the API returns (<c>"object": "list"</c>).</summary>
/// <typeparam name="T">The type of the listed objects.</typeparam>
public sealed record StripeList<T> : StripeEntity
    where T : class
{
    /// <summary>Always <c>list</c>.</summary>
    [JsonPropertyName("object")]
    public string Object { get; set => field = value ?? "list"; } = "list";

    /// <summary>The objects on this page, newest first.</summary>
    [JsonPropertyName("data")]
    public IReadOnlyList<T> Data { get; set => field = value ?? []; } = [];

    /// <summary><see langword="true"/> when more objects exist after this page.</summary>
    [JsonPropertyName("has_more")]
    public bool HasMore { get; set; }

    /// <summary>The API path this list was read from.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }
}
