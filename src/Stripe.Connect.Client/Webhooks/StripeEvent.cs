using System.Text.Json.Serialization;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client;

/// <summary>
/// A notification Stripe sent to a webhook endpoint: something happened on the platform or on one of its connected
/// accounts. Get one from <see cref="StripeWebhook.ConstructEvent(string, string?, string)"/>, which checks the
/// signature first. The object the event is about is in <see cref="Data"/>.
/// </summary>
public sealed record StripeEvent : StripeEntity, IHasId
{
    /// <summary>The event's identifier (<c>evt_...</c>). Stripe may deliver an event more than once; use it to skip duplicates.</summary>
    [JsonPropertyName("id")]
    public required string Id { get; init; }

    /// <summary>The object's type: <c>event</c>.</summary>
    [JsonPropertyName("object")]
    public string Object { get; init; } = "event";

    /// <summary>What happened, such as <see cref="StripeEventType.AccountUpdated"/>.</summary>
    [JsonPropertyName("type")]
    public required StripeEventType Type { get; init; }

    /// <summary>The API version <see cref="Data"/> was rendered with: the endpoint's version, or the account's default.</summary>
    [JsonPropertyName("api_version")]
    public string? ApiVersion { get; init; }

    /// <summary>When the event happened.</summary>
    [JsonPropertyName("created")]
    [JsonConverter(typeof(UnixTimeJsonConverter))]
    public DateTimeOffset Created { get; init; }

    /// <summary><see langword="true"/> for an event in live mode, <see langword="false"/> in test mode.</summary>
    [JsonPropertyName("livemode")]
    public bool Livemode { get; init; }

    /// <summary>
    /// The connected account (<c>acct_...</c>) the event happened on, for events a Connect endpoint receives;
    /// <see langword="null"/> for events on the platform's own account.
    /// </summary>
    [JsonPropertyName("account")]
    public string? Account { get; init; }

    /// <summary>How many endpoints had not yet acknowledged this event when it was sent.</summary>
    [JsonPropertyName("pending_webhooks")]
    public long PendingWebhooks { get; init; }

    /// <summary>The API request that caused the event, or <see langword="null"/> when Stripe caused it on its own.</summary>
    [JsonPropertyName("request")]
    public StripeEventRequest? Request { get; init; }

    /// <summary>An authentication context Stripe adds to some events; <see langword="null"/> for most.</summary>
    [JsonPropertyName("context")]
    public string? Context { get; init; }

    /// <summary>The object the event is about and, for <c>*.updated</c> events, the values that changed.</summary>
    [JsonPropertyName("data")]
    public required StripeEventData Data { get; init; }

    /// <summary>Describes the event briefly (id, type, account), without its object.</summary>
    /// <returns>A short description, such as <c>event evt_123 account.updated on acct_123</c>.</returns>
    public override string ToString() =>
        Account is null ? $"event {Id} {Type}" : $"event {Id} {Type} on {Account}";
}
