using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stripe.Connect.Client.Json;

/// <summary>Reads any JSON value into a <see cref="StripeRawResponse"/> and writes it back unchanged.</summary>
internal sealed class StripeRawResponseJsonConverter : JsonConverter<StripeRawResponse>
{
    public override StripeRawResponse Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new StripeRawResponse(document.RootElement);
    }

    public override void Write(Utf8JsonWriter writer, StripeRawResponse value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        value.Json.WriteTo(writer);
    }
}
