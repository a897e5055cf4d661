using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stripe.Connect.Client.Json;

/// <summary>
/// Reads and writes a list whose items are expandable (each an id or, when expanded, the object), such as
/// <c>default_account_tax_ids</c>. Each item is handled as <see cref="ExpandableJsonConverter{T}"/> does.
/// </summary>
/// <typeparam name="T">The type of the objects the items point to.</typeparam>
internal sealed class ExpandableListJsonConverter<T> : JsonConverter<IReadOnlyList<Expandable<T>>>
    where T : class, IHasId
{
    private static readonly ExpandableJsonConverter<T> Item = new();

    /// <inheritdoc />
    public override IReadOnlyList<Expandable<T>>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected a list of expandable {typeof(T).Name} values, found {reader.TokenType}.");
        }

        var list = new List<Expandable<T>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (Item.Read(ref reader, typeof(Expandable<T>), options) is { } item)
            {
                list.Add(item);
            }
        }

        return list;
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<Expandable<T>> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        for (var i = 0; i < value.Count; i++)
        {
            Item.Write(writer, value[i], options);
        }

        writer.WriteEndArray();
    }
}
