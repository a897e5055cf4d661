using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stripe.Connect.Client;

/// <summary>The payload of a <see cref="StripeEvent"/>: the object it is about and what changed.</summary>
public sealed record StripeEventData
{
    /// <summary>
    /// The object as it was when the event happened, read into this SDK's record for its type: an
    /// <see cref="Account"/> for <c>account.updated</c>, a <see cref="Capability"/>, <see cref="Person"/>,
    /// <see cref="BankAccount"/> or <see cref="Card"/>, <see cref="ApplicationFee"/>, <see cref="Transfer"/>...; a
    /// deleted record (such as <see cref="DeletedPerson"/>) for <c>*.deleted</c> events; and a
    /// <see cref="StripeObject"/> for any type this SDK has no record for. Use pattern matching:
    /// <c>if (evt.Data.Object is Account account) { ... }</c>.
    /// </summary>
    [JsonPropertyName("object")]
    [JsonConverter(typeof(EventObjectJsonConverter))]
    public required StripeEntity Object { get; init; }

    /// <summary>
    /// For <c>*.updated</c> events, the previous values of the fields that changed, as the JSON object Stripe sent
    /// (only the changed fields, with their old values); <see langword="null"/> for other events.
    /// </summary>
    [JsonPropertyName("previous_attributes")]
    public JsonElement? PreviousAttributes { get; init; }

    /// <summary>Compares the object and the previous values (by their JSON text).</summary>
    /// <param name="other">The data to compare with.</param>
    /// <returns><see langword="true"/> when both hold equal objects and the same previous values.</returns>
    public bool Equals(StripeEventData? other) =>
        other is not null && Equals(Object, other.Object)
        && string.Equals(PreviousAttributes?.GetRawText(), other.PreviousAttributes?.GetRawText(), StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => Object?.GetHashCode() ?? 0;
}
