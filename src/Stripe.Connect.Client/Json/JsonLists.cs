using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stripe.Connect.Client.Json;

/// <summary>
/// Reads the JSON arrays of the generated record readers (<c>Generated/*JsonConverter.cs</c>) in a plain loop.
/// Going through <see cref="JsonSerializer"/> instead cost an entry point, a read stack and a collection converter
/// for every list, most of which hold zero to five items; that was the largest part of reading an account.
/// </summary>
/// <remarks>
/// Null items are kept as System.Text.Json's collection converters keep them: <c>null</c> in a list of strings or
/// records is a <see langword="null"/> item, while a list of numbers or enums rejects it. Every other mismatch is a
/// <see cref="JsonException"/>.
/// </remarks>
internal static class JsonLists
{
    /// <summary>Reads an array of strings.</summary>
    /// <param name="reader">The reader, on the start of the array; left on its end.</param>
    /// <returns>The strings (the shared empty array for <c>[]</c>).</returns>
    public static IReadOnlyList<string> ReadStrings(ref Utf8JsonReader reader)
    {
        ExpectArray(ref reader, "strings");
        var items = new ListBuilder<string>();
        while (NextItem(ref reader))
        {
            items.Add(reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.Null => null!,
                _ => throw new JsonException($"Expected a string in a list of strings, found {reader.TokenType}."),
            });
        }

        return items.ToList();
    }

    /// <summary>Reads an array of whole numbers.</summary>
    /// <param name="reader">The reader, on the start of the array; left on its end.</param>
    /// <returns>The numbers (the shared empty array for <c>[]</c>).</returns>
    public static IReadOnlyList<long> ReadLongs(ref Utf8JsonReader reader)
    {
        ExpectArray(ref reader, "numbers");
        var items = new ListBuilder<long>();
        while (NextItem(ref reader))
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var item))
            {
                throw new JsonException($"Expected a whole number in a list of numbers, found {reader.TokenType}.");
            }

            items.Add(item);
        }

        return items.ToList();
    }

    /// <summary>Reads an array of extensible enums through <see cref="JsonEnums"/> (no converter instance; see there why).</summary>
    /// <typeparam name="T">The enum-like type.</typeparam>
    /// <param name="reader">The reader, on the start of the array; left on its end.</param>
    /// <returns>The values (the shared empty array for <c>[]</c>).</returns>
    public static IReadOnlyList<T> ReadEnums<T>(ref Utf8JsonReader reader)
        where T : struct, IStripeEnum<T>
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw NotAList(reader.TokenType, typeof(T).Name);
        }

        var items = new ListBuilder<T>();
        while (NextItem(ref reader))
        {
            items.Add(JsonEnums.Read<T>(ref reader));
        }

        return items.ToList();
    }

    /// <summary>Reads an array whose items another converter reads: records and unions.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="reader">The reader, on the start of the array; left on its end.</param>
    /// <param name="item">The items' converter, called directly (no options lookup).</param>
    /// <param name="options">The options of the current read, passed on to <paramref name="item"/>.</param>
    /// <returns>The items (the shared empty array for <c>[]</c>).</returns>
    public static IReadOnlyList<T> ReadList<T>(ref Utf8JsonReader reader, JsonConverter<T> item, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw NotAList(reader.TokenType, typeof(T).Name);
        }

        var items = new ListBuilder<T>();
        while (NextItem(ref reader))
        {
            // As in System.Text.Json: a reference type's converter never sees a null item (it becomes null), a value
            // type's does (the enum converters reject it).
            items.Add(default(T) is null && reader.TokenType == JsonTokenType.Null ? default! : item.Read(ref reader, typeof(T), options)!);
        }

        return items.ToList();
    }

    /// <summary>Fails unless the reader stands on the start of an array.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="what">What the array holds, for the message.</param>
    internal static void ExpectArray(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw NotAList(reader.TokenType, what);
        }
    }

    private static JsonException NotAList(JsonTokenType found, string what) => new($"Expected a list of {what}, found {found}.");

    /// <summary>Moves to the next item of the array.</summary>
    /// <param name="reader">The reader, on the start of the array or on the last token of the previous item.</param>
    /// <returns><see langword="false"/> on the end of the array.</returns>
    internal static bool NextItem(ref Utf8JsonReader reader)
    {
        // A reader over a partial buffer stops instead of throwing; the array is then incomplete.
        if (!reader.Read())
        {
            throw new JsonException("The JSON list is incomplete.");
        }

        return reader.TokenType != JsonTokenType.EndArray;
    }
}
