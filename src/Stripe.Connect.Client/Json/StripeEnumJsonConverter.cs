using System.Text.Json;
using System.Text.Json.Serialization;

namespace Stripe.Connect.Client.Json;

/// <summary>
/// Reads and writes an extensible enum as its wire string through <see cref="JsonEnums"/>, for System.Text.Json's
/// own paths (the enum types' <c>[JsonConverter]</c>, list items); known values are matched on the UTF-8 bytes
/// without allocating; any other string is kept, so a value the API adds later never fails a response.
/// </summary>
/// <typeparam name="T">The enum-like type.</typeparam>
internal sealed class StripeEnumJsonConverter<T> : JsonConverter<T>
    where T : struct, IStripeEnum<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => JsonEnums.Read<T>(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        JsonEnums.Write(writer, value);
    }
}
