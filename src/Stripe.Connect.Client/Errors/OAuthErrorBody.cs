using System.Text.Json.Serialization;

namespace Stripe.Connect.Client;

/// <summary>The body of an OAuth error response: <c>{"error": "invalid_grant", "error_description": "..."}</c>.</summary>
internal sealed record OAuthErrorBody
{
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; init; }
}
