using System.Text.Json.Serialization;

namespace Stripe.Connect.Client;

/// <summary>The body of an error response: <c>{"error": {...}}</c>.</summary>
internal sealed record StripeErrorEnvelope
{
    [JsonPropertyName("error")]
    public StripeError? Error { get; init; }
}
