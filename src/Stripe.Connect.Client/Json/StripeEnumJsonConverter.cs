using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stripe.Connect.Client.Json;

/// <summary>
/// Reads and writes an extensible enum as its wire string. Known values are matched on the UTF-8 bytes
/// without allocating; any other string is kept, so a value the API adds later never fails a response.
/// </summary>
/// <typeparam name="T">The enum-like type.</typeparam>
internal sealed class StripeEnumJsonConverter<T> : JsonConverter<T>
    where T : struct, IStripeEnum<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");
        }

        if (!reader.ValueIsEscaped && !reader.HasValueSequence && T.TryFromKnownUtf8(reader.ValueSpan, out var known))
        {
            return known;
        }

        return T.FromWire(reader.GetString()!);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
