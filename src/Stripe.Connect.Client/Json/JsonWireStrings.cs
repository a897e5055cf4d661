using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace Stripe.Connect.Client.Json;

/// <summary>
/// Numbers the API sends as JSON strings so no precision is lost (v2's <c>decimal_string</c> and <c>int64_string</c>,
/// v1's <c>*_decimal</c> fields): read from and written to their UTF-8 digits, without an intermediate string.
/// </summary>
internal static class JsonWireStrings
{
    public static decimal ReadDecimal(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetDecimal();
        }

        var text = Text(ref reader, "decimal");
        return Utf8Parser.TryParse(text, out decimal value, out var consumed) && consumed == text.Length
            ? value
            : throw new JsonException("A decimal string was expected.");
    }

    public static long ReadInt64(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return reader.GetInt64();
        }

        var text = Text(ref reader, "64-bit integer");
        return Utf8Parser.TryParse(text, out long value, out var consumed) && consumed == text.Length
            ? value
            : throw new JsonException("A 64-bit integer string was expected.");
    }

    public static void WriteDecimal(Utf8JsonWriter writer, decimal value)
    {
        Span<byte> utf8 = stackalloc byte[64];
        Utf8Formatter.TryFormat(value, utf8, out var written);
        writer.WriteStringValue(utf8[..written]);
    }

    /// <summary>
    /// A v2 timestamp in the API's RFC 3339 form: UTC with a <c>Z</c>, milliseconds (<c>2026-10-29T14:02:11.517Z</c>), or
    /// every tick when the value is finer than a millisecond.
    /// </summary>
    public static void WriteDateTime(Utf8JsonWriter writer, DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        var format = utc.Ticks % TimeSpan.TicksPerMillisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
        Span<char> text = stackalloc char[32];
        utc.TryFormat(text, out var written, format, System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    public static void WriteInt64(Utf8JsonWriter writer, long value)
    {
        Span<byte> utf8 = stackalloc byte[24];
        Utf8Formatter.TryFormat(value, utf8, out var written);
        writer.WriteStringValue(utf8[..written]);
    }

    private static ReadOnlySpan<byte> Text(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A {what} string was expected, found {reader.TokenType}.");
        }

        return reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
    }
}
