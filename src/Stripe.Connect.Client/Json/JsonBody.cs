using System.Text.Json;

namespace Stripe.Connect.Client.Json;

/// <summary>Helpers of the generated v2 body writers.</summary>
internal static class JsonBody
{
    /// <summary>Refuses a body whose required member was not given (<c>required</c> is only a compile-time promise).</summary>
    /// <param name="name">The JSON name of the member.</param>
    /// <param name="present">Whether it was given.</param>
    /// <exception cref="ArgumentException">It was not; nothing was sent.</exception>
    public static void Require(string name, bool present)
    {
        if (!present)
        {
            throw new ArgumentException($"The parameter '{name}' is required.", name);
        }
    }

    /// <summary>
    /// Writes v2 metadata: each pair as a string member, a <see langword="null"/> value as JSON <c>null</c> (which removes
    /// that key). Keys are written once, the last value of a repeated key winning, in ordinal order.
    /// </summary>
    /// <param name="writer">The writer, positioned where the object goes.</param>
    /// <param name="metadata">The pairs.</param>
    /// <exception cref="ArgumentException">A key is empty.</exception>
    public static void WriteMetadata(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, string?>> metadata)
    {
        var pairs = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in metadata)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentException("A metadata key must not be empty.", nameof(metadata));
            }

            pairs[key] = value;
        }

        writer.WriteStartObject();
        foreach (var (key, value) in pairs)
        {
            if (value is null)
            {
                writer.WriteNull(key);
            }
            else
            {
                writer.WriteString(key, value);
            }
        }

        writer.WriteEndObject();
    }
}
