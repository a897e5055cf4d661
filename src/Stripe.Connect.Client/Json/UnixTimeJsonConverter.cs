using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stripe.Connect.Client.Json;

/// <summary>Reads and writes a <see cref="DateTimeOffset"/> as whole seconds since the Unix epoch, as the API does, through <see cref="JsonUnixTime"/>, for System.Text.Json's own paths.</summary>
internal sealed class UnixTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonUnixTime.Read(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        JsonUnixTime.Write(writer, value);
    }
}
