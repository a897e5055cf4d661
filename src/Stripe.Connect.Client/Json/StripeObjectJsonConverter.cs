using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stripe.Connect.Client.Json;

/// <summary>Reads any JSON object into a <see cref="StripeObject"/> and writes its JSON back unchanged.</summary>
internal sealed class StripeObjectJsonConverter : JsonConverter<StripeObject>
{
    public override StripeObject? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        // StripeObject's constructor throws ArgumentException for a non-object; a malformed body must only ever
        // raise JsonException (which the pipeline turns into ApiException).
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for a Stripe object, found {reader.TokenType}.");
        }

        using var document = JsonDocument.ParseValue(ref reader);
        return new StripeObject(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, StripeObject value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.Json.WriteTo(writer);
    }
}
