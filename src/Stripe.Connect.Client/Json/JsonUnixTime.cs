using System.Text.Json;

namespace Stripe.Connect.Client.Json;

/// <summary>
/// Unix timestamps (whole seconds since the epoch) for the generated record readers and writers, without a converter
/// instance: a <c>JsonConverter&lt;DateTimeOffset&gt;</c> is System.Text.Json's generic code over a type from outside
/// this assembly, which its ReadyToRun image cannot carry, so its constructor and helpers went to the JIT on the
/// first call; these methods are precompiled with the assembly.
/// </summary>
internal static class JsonUnixTime
{
    private const long MinSeconds = -62_135_596_800;
    private const long MaxSeconds = 253_402_300_799;

    /// <summary>Reads the number the reader stands on as a Unix time.</summary>
    /// <param name="reader">The reader, on a number token.</param>
    /// <returns>The instant, at offset zero.</returns>
    public static DateTimeOffset Read(ref Utf8JsonReader reader)
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

    /// <summary>Writes the instant as whole Unix seconds.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The instant.</param>
    public static void Write(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteNumberValue(value.ToUnixTimeSeconds());
}
