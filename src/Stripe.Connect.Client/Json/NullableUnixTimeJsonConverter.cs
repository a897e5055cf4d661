using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stripe.Connect.Client.Json;

/// <summary>Reads and writes a nullable <see cref="DateTimeOffset"/> as Unix seconds, or <c>null</c>.</summary>
internal sealed class NullableUnixTimeJsonConverter : JsonConverter<DateTimeOffset?>
{
    /// <inheritdoc />
    public override bool HandleNull => true;

    /// <inheritdoc />
    public override DateTimeOffset? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? null : JsonUnixTime.Read(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v)
        {
            JsonUnixTime.Write(writer, v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
