using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stripe.Connect.Client.Json;

/// <summary>Reads and writes a <see cref="DateTimeOffset"/> as whole seconds since the Unix epoch, as the API does.</summary>
internal sealed class UnixTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seconds))
        {
            // FromUnixTimeSeconds throws ArgumentOutOfRangeException outside years 1-9999; a malformed body must
            // only ever raise JsonException (which the pipeline turns into ApiException).
            if (seconds is < MinSeconds or > MaxSeconds)
            {
                throw new JsonException($"The Unix timestamp {seconds} is outside the years 1 to 9999.");
            }

            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        throw new JsonException($"Expected a Unix timestamp in seconds, found {reader.TokenType}.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(value.ToUnixTimeSeconds());
    }
}
