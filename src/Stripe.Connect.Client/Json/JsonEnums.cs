using System.Text.Json;

namespace Stripe.Connect.Client.Json;

/// <summary>
/// Reads and writes an extensible enum's wire string for the generated record readers and writers, without a
/// <see cref="StripeEnumJsonConverter{T}"/> instance per enum type.
/// </summary>
/// <remarks>
/// Why not the converter: a <c>JsonConverter&lt;T&gt;</c> over one of this package's structs is System.Text.Json's
/// generic code instantiated over our type, which a ReadyToRun image cannot carry, so every enum a first call meets
/// sent its converter's constructor and helpers to the JIT. These methods belong to this assembly, so their
/// instantiations over its structs are precompiled with it.
/// </remarks>
internal static class JsonEnums
{
    /// <summary>Reads the string the reader stands on: known values are matched on the UTF-8 bytes without allocating; any other string is kept.</summary>
    /// <typeparam name="T">The enum-like type.</typeparam>
    /// <param name="reader">The reader, on a string token.</param>
    /// <returns>The value.</returns>
    public static T Read<T>(ref Utf8JsonReader reader)
        where T : struct, IStripeEnum<T>
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

    /// <summary>Writes the value's wire string.</summary>
    /// <typeparam name="T">The enum-like type.</typeparam>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    public static void Write<T>(Utf8JsonWriter writer, T value)
        where T : struct, IStripeEnum<T> =>
        writer.WriteStringValue(value.Value);
}
