using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Stripe.Connect.Client.Json;

/// <summary>
/// Reads an expandable field: a JSON string becomes an id-only <see cref="Expandable{T}"/>, a JSON object
/// becomes the expanded object. Writes the id when not expanded and the object when it is.
/// </summary>
/// <typeparam name="T">The type of the object the field points to.</typeparam>
internal sealed class ExpandableJsonConverter<T> : JsonConverter<Expandable<T>>
    where T : class, IHasId
{
    /// <inheritdoc />
    public override Expandable<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                var id = reader.GetString();
                return string.IsNullOrEmpty(id) ? null : new Expandable<T>(id);
            case JsonTokenType.StartObject:
                var value = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
                return value is null ? null : new Expandable<T>(value);
            default:
                throw new JsonException($"Expected an id or an object for an expandable {typeof(T).Name}, found {reader.TokenType}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Expandable<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(options);
        if (value.Value is { } expanded)
        {
            JsonSerializer.Serialize(writer, expanded, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
        }
        else
        {
            writer.WriteStringValue(value.Id);
        }
    }
}
