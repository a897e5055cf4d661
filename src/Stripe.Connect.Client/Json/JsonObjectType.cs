using System.Text.Json;

namespace Stripe.Connect.Client.Json;

/// <summary>
/// Finds the <c>object</c> field of the JSON object a reader stands on, wherever it is among the properties,
/// without moving the caller's reader. Polymorphic converters use it to pick the concrete type.
/// </summary>
internal static class JsonObjectType
{
    /// <summary>Returns the value of the top-level <c>object</c> property, or <see langword="null"/> when absent.</summary>
    /// <param name="reader">A reader positioned on <see cref="JsonTokenType.StartObject"/>; it is copied, not moved.</param>
    /// <returns>The object type, such as <c>bank_account</c>.</returns>
    public static string? Peek(Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var depth = reader.CurrentDepth;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth)
            {
                return null;
            }

            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == depth + 1)
            {
                var isObject = reader.ValueTextEquals("object"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isObject && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }
        }

        return null;
    }
}
