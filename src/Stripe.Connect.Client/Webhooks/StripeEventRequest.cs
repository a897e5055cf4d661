using System.Text.Json.Serialization;

namespace Stripe.Connect.Client;

/// <summary>The API request that caused an event.</summary>
public sealed record StripeEventRequest
{
    /// <summary>The request's identifier (<c>req_...</c>), or <see langword="null"/> when the change came from the Dashboard or from Stripe itself.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>The <c>Idempotency-Key</c> the request was sent with, if any.</summary>
    [JsonPropertyName("idempotency_key")]
    public string? IdempotencyKey { get; init; }
}
