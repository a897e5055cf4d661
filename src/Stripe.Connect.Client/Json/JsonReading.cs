using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Stripe.Connect.Client.Json;

/// <summary>The small steps the generated record readers (<c>Generated/*JsonConverter.cs</c>) share.</summary>
internal static class JsonReading
{
    // The checks below run once per object and the name once per member: each keeps only the test inline and leaves
    // building the message (or the copy) to a method of its own, so the JIT inlines them into every generated reader.

    /// <summary>Fails unless the reader stands on the start of an object.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="type">The record's name, for the message.</param>
    public static void ExpectObject(ref Utf8JsonReader reader, string type)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw NotAnObject(type, reader.TokenType);
        }
    }

    /// <summary>Fails unless the reader stands on the end of the object.</summary>
    /// <param name="reader">The reader.</param>
    public static void ExpectEndObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw NotAMemberOrTheEnd(reader.TokenType);
        }
    }

    /// <summary>The unescaped UTF-8 bytes of the property name the reader stands on, without copying in the usual case.</summary>
    /// <param name="reader">The reader, on a property name.</param>
    /// <returns>The name's bytes.</returns>
    public static ReadOnlySpan<byte> Name(ref Utf8JsonReader reader) =>
        !reader.HasValueSequence && !reader.ValueIsEscaped ? reader.ValueSpan : UnescapedName(ref reader);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ReadOnlySpan<byte> UnescapedName(ref Utf8JsonReader reader)
    {
        var buffer = new byte[reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length];
        return buffer.AsSpan(0, reader.CopyString(buffer));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JsonException NotAnObject(string type, JsonTokenType found) => new($"Expected an object for {type}, found {found}.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static JsonException NotAMemberOrTheEnd(JsonTokenType found) =>
        new($"Expected a property name or the end of the object, found {found}.");

    /// <summary>Moves to the next member of the object.</summary>
    /// <param name="reader">The reader, on the start of the object or on the last token of the previous member's value.</param>
    /// <returns><see langword="true"/> on a property name; <see langword="false"/> on anything else (checked by <see cref="ExpectEndObject"/>).</returns>
    public static bool NextMember(ref Utf8JsonReader reader)
    {
        // A reader over a partial buffer stops instead of throwing; the object is then incomplete.
        if (!reader.Read())
        {
            throw new JsonException("The JSON object is incomplete.");
        }

        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Moves from a property name to its value.</summary>
    /// <param name="reader">The reader, on a property name.</param>
    public static void Value(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON object is incomplete.");
        }
    }

    /// <summary>
    /// The string the reader stands on, or <paramref name="known"/> itself when the value is that text (escaped or
    /// not): a record's fixed <c>object</c> name is then read without allocating a string.
    /// </summary>
    /// <param name="reader">The reader, on a string (or another token, which fails as <see cref="Utf8JsonReader.GetString"/> does).</param>
    /// <param name="knownUtf8">The expected value as UTF-8.</param>
    /// <param name="known">The same value as a (literal, interned) string.</param>
    /// <returns>The value.</returns>
    public static string? StringOr(ref Utf8JsonReader reader, ReadOnlySpan<byte> knownUtf8, string known) =>
        reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(knownUtf8) ? known : reader.GetString();

    /// <summary>Skips the value of an unknown property (the API adds fields; they must never fail a response).</summary>
    /// <param name="reader">The reader, on the value.</param>
    public static void Skip(ref Utf8JsonReader reader)
    {
        if (!reader.TrySkip())
        {
            throw new JsonException("The JSON value of an unknown property is incomplete.");
        }
    }
}

/// <summary>The metadata of <typeparamref name="T"/> in the options the reader was given, looked up once per options.</summary>
/// <typeparam name="T">A list, map or page type the generated readers leave to System.Text.Json.</typeparam>
internal static class JsonInfo<T>
{
    private static JsonTypeInfo<T>? _last;

    /// <summary>The metadata of <typeparamref name="T"/> in <paramref name="options"/>.</summary>
    /// <param name="options">The options of the current read or write.</param>
    /// <returns>The metadata.</returns>
    public static JsonTypeInfo<T> Get(JsonSerializerOptions options)
    {
        var info = _last;
        if (info is null || !ReferenceEquals(info.Options, options))
        {
            info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
            _last = info;
        }

        return info;
    }
}
