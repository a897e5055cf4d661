using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stripe.Connect.Client;

/// <summary>
/// Reads an event's <c>data.object</c> into the SDK's record for its <c>object</c> type (found wherever the field
/// stands among the properties), or into a <see cref="StripeObject"/> for other types. Source-generated metadata
/// only: no reflection.
/// </summary>
internal sealed class EventObjectJsonConverter : JsonConverter<StripeEntity>
{
    public override StripeEntity? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"An event's data.object must be a JSON object, found {reader.TokenType}.");
        }

        var (objectType, deleted) = PeekTypeAndDeleted(reader);
        var typeInfo = objectType is null ? null : EventObjectTypes.Find(objectType, deleted);
        if (typeInfo is null)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            return new StripeObject(document.RootElement);
        }

        return JsonSerializer.Deserialize(ref reader, typeInfo) as StripeEntity
            ?? throw new JsonException($"The event's data.object of type '{objectType}' could not be read.");
    }

    public override void Write(Utf8JsonWriter writer, StripeEntity value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value is StripeObject generic)
        {
            generic.Json.WriteTo(writer);
            return;
        }

        var typeInfo = ConnectJsonContext.Default.GetTypeInfo(value.GetType())
            ?? throw new NotSupportedException($"{value.GetType().Name} has no JSON metadata in ConnectJsonContext.");
        JsonSerializer.Serialize(writer, value, typeInfo);
    }

    /// <summary>Finds the top-level <c>object</c> and <c>deleted</c> fields without moving the caller's reader.</summary>
    private static (string? ObjectType, bool Deleted) PeekTypeAndDeleted(Utf8JsonReader reader)
    {
        string? objectType = null;
        var deleted = false;
        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                break;
            }

            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != depth + 1)
            {
                continue;
            }

            var isObject = reader.ValueTextEquals("object"u8);
            var isDeleted = !isObject && reader.ValueTextEquals("deleted"u8);
            if (!reader.Read())
            {
                break;
            }

            if (isObject && reader.TokenType == JsonTokenType.String)
            {
                objectType = reader.GetString();
            }
            else if (isDeleted)
            {
                deleted = reader.TokenType == JsonTokenType.True;
            }
            else
            {
                reader.Skip();
            }
        }

        return (objectType, deleted);
    }
}
