using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stripe.Connect.Client.Json;

/// <summary>
/// Reads a <see cref="StripeList{T}"/> page embedded in a record (<c>external_accounts</c>, <c>refunds</c>,
/// <c>reversals</c>) for the generated record readers, with the items read by their own converter.
/// </summary>
/// <remarks>
/// It sets what System.Text.Json's metadata path sets (<c>object</c>, <c>data</c>, <c>has_more</c>, <c>url</c>), with
/// the same null handling (<c>null</c> for <c>object</c> or <c>data</c> keeps the default, <c>has_more</c> must be a
/// boolean), and skips members it does not know.
/// </remarks>
internal static class JsonPages
{
    /// <summary>Reads one page.</summary>
    /// <typeparam name="T">The type of the listed objects.</typeparam>
    /// <param name="reader">The reader, on the start of the page object; left on its end.</param>
    /// <param name="item">The items' converter, called directly (no options lookup).</param>
    /// <param name="options">The options of the current read, passed on to <paramref name="item"/>.</param>
    /// <returns>The page.</returns>
    public static StripeList<T> Read<T>(ref Utf8JsonReader reader, JsonConverter<T> item, JsonSerializerOptions options)
        where T : class
    {
        JsonReading.ExpectObject(ref reader, "StripeList");
        var page = new StripeList<T>();
        while (JsonReading.NextMember(ref reader))
        {
            var name = JsonReading.Name(ref reader);
            JsonReading.Value(ref reader);
            switch (name.Length)
            {
                case 3 when name.SequenceEqual("url"u8):
                    page.Url = reader.TokenType == JsonTokenType.Null ? null : String(ref reader, "url");
                    continue;
                case 4 when name.SequenceEqual("data"u8):
                    page.Data = reader.TokenType == JsonTokenType.Null ? null! : JsonLists.ReadList(ref reader, item, options);
                    continue;
                case 6 when name.SequenceEqual("object"u8):
                    // The API always says "list": keep the literal instead of a new string per page.
                    page.Object = reader.TokenType == JsonTokenType.Null ? null!
                        : reader.TokenType == JsonTokenType.String ? JsonReading.StringOr(ref reader, "list"u8, "list")!
                        : String(ref reader, "object");
                    continue;
                case 8 when name.SequenceEqual("has_more"u8):
                    page.HasMore = reader.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        _ => throw new JsonException($"Expected a boolean for has_more, found {reader.TokenType}."),
                    };
                    continue;
            }

            JsonReading.Skip(ref reader);
        }

        JsonReading.ExpectEndObject(ref reader);
        return page;
    }

    private static string String(ref Utf8JsonReader reader, string member) => reader.TokenType == JsonTokenType.String
        ? reader.GetString()!
        : throw new JsonException($"Expected a string for {member}, found {reader.TokenType}.");
}
