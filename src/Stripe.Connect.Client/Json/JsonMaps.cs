using System.Collections.ObjectModel;
using System.Text.Json;

namespace Stripe.Connect.Client.Json;

/// <summary>
/// Reads the JSON objects used as maps (<c>metadata</c>, <c>supported_bank_account_currencies</c>) for the generated
/// record readers in a plain loop, instead of an entry point and a dictionary converter of System.Text.Json per map.
/// </summary>
/// <remarks>
/// As with System.Text.Json's dictionary converters, keys are unescaped, a repeated key keeps its last value and a
/// <c>null</c> value is kept as <see langword="null"/>; any other mismatch is a <see cref="JsonException"/>.
/// </remarks>
internal static class JsonMaps
{
    /// <summary>Reads an object of string values.</summary>
    /// <param name="reader">The reader, on the start of the object; left on its end.</param>
    /// <returns>The map (the shared empty map for <c>{}</c>, the models' own default).</returns>
    public static IReadOnlyDictionary<string, string> ReadStrings(ref Utf8JsonReader reader)
    {
        JsonReading.ExpectObject(ref reader, "a map");
        if (!JsonReading.NextMember(ref reader))
        {
            // `{}` is the usual metadata.
            return ReadOnlyDictionary<string, string>.Empty;
        }

        var map = new Dictionary<string, string>();
        do
        {
            var key = reader.GetString()!;
            JsonReading.Value(ref reader);
            map[key] = reader.TokenType switch
            {
                JsonTokenType.String => reader.GetString()!,
                JsonTokenType.Null => null!,
                _ => throw new JsonException($"Expected a string value in a map of strings, found {reader.TokenType}."),
            };
        }
        while (JsonReading.NextMember(ref reader));

        return map;
    }

    /// <summary>Reads an object whose values are arrays of strings.</summary>
    /// <param name="reader">The reader, on the start of the object; left on its end.</param>
    /// <returns>The map (the shared empty map for <c>{}</c>, the models' own default).</returns>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadStringLists(ref Utf8JsonReader reader)
    {
        JsonReading.ExpectObject(ref reader, "a map");
        if (!JsonReading.NextMember(ref reader))
        {
            return ReadOnlyDictionary<string, IReadOnlyList<string>>.Empty;
        }

        var map = new Dictionary<string, IReadOnlyList<string>>();
        do
        {
            var key = reader.GetString()!;
            JsonReading.Value(ref reader);
            map[key] = reader.TokenType == JsonTokenType.Null ? null! : JsonLists.ReadStrings(ref reader);
        }
        while (JsonReading.NextMember(ref reader));

        return map;
    }
}
