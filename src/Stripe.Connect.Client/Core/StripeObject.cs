using System.Text.Json;
using System.Text.Json.Serialization;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client;

/// <summary>
/// An API object this SDK has no typed record for: an object outside Connect that a field points to (a charge,
/// a balance transaction...) or an object of a type this version does not know. Its <see cref="Id"/>,
/// <see cref="Object"/> name and whole <see cref="Json"/> stay readable.
/// </summary>
[JsonConverter(typeof(StripeObjectJsonConverter))]
public sealed record StripeObject : StripeEntity, IHasId
{
    /// <summary>Creates an object from its JSON.</summary>
    /// <param name="json">A JSON object; it is cloned, so the caller may dispose its document.</param>
    public StripeObject(JsonElement json)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("A Stripe object must be a JSON object.", nameof(json));
        }

        Json = json.Clone();
        Id = json.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : string.Empty;
        Object = json.TryGetProperty("object", out var obj) && obj.ValueKind == JsonValueKind.String ? obj.GetString()! : string.Empty;
    }

    /// <summary>The object's id, or the empty string when it has none.</summary>
    public string Id { get; }

    /// <summary>The object's type name (its <c>object</c> field), such as <c>charge</c>.</summary>
    public string Object { get; }

    /// <summary>The whole object as the API sent it.</summary>
    public JsonElement Json { get; }

    /// <inheritdoc />
    public bool Equals(StripeObject? other) =>
        other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal) && string.Equals(Object, other.Object, StringComparison.Ordinal)
        && string.Equals(Json.GetRawText(), other.Json.GetRawText(), StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Object);

    /// <inheritdoc />
    public override string ToString() => $"{Object} {Id}";
}
