using System.Buffers;
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
    /// <remarks>
    /// The pairs are copied into a pooled array and sorted by key, then by position, so the last of a repeated key
    /// is the one written; nothing is allocated once the pool is warm (a sorted dictionary allocated its nodes and an
    /// enumerator stack per body, docs/benchmarks.md). The array is cleared before it goes back, as values may be personal data.
    /// </remarks>
    /// <param name="writer">The writer, positioned where the object goes.</param>
    /// <param name="metadata">The pairs.</param>
    /// <exception cref="ArgumentException">A key is empty.</exception>
    public static void WriteMetadata(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, string?>> metadata)
    {
        var pairs = ArrayPool<MetadataPair>.Shared.Rent(metadata is IReadOnlyCollection<KeyValuePair<string, string?>> known ? Math.Max(known.Count, 1) : 8);
        var count = 0;
        try
        {
            if (metadata is Dictionary<string, string?> dictionary)
            {
                // The struct enumerator: no boxed enumerator for the common case.
                foreach (var pair in dictionary)
                {
                    Add(ref pairs, ref count, pair);
                }
            }
            else
            {
                foreach (var pair in metadata)
                {
                    Add(ref pairs, ref count, pair);
                }
            }

            var sorted = pairs.AsSpan(0, count);
            foreach (var pair in sorted)
            {
                if (string.IsNullOrEmpty(pair.Key))
                {
                    throw new ArgumentException("A metadata key must not be empty.", nameof(metadata));
                }
            }

            sorted.Sort(static (a, b) => a.Key == b.Key ? a.Position.CompareTo(b.Position) : string.CompareOrdinal(a.Key, b.Key));
            writer.WriteStartObject();
            for (var i = 0; i < sorted.Length; i++)
            {
                if (i + 1 < sorted.Length && string.Equals(sorted[i + 1].Key, sorted[i].Key, StringComparison.Ordinal))
                {
                    continue; // a later value of the same key wins
                }

                if (sorted[i].Value is { } value)
                {
                    writer.WriteString(sorted[i].Key, value);
                }
                else
                {
                    writer.WriteNull(sorted[i].Key);
                }
            }

            writer.WriteEndObject();
        }
        finally
        {
            ArrayPool<MetadataPair>.Shared.Return(pairs, clearArray: true);
        }
    }

    private static void Add(ref MetadataPair[] pairs, ref int count, KeyValuePair<string, string?> pair)
    {
        if (count == pairs.Length)
        {
            var larger = ArrayPool<MetadataPair>.Shared.Rent(pairs.Length * 2);
            pairs.AsSpan(0, count).CopyTo(larger);
            ArrayPool<MetadataPair>.Shared.Return(pairs, clearArray: true);
            pairs = larger;
        }

        pairs[count] = new MetadataPair(pair.Key, pair.Value, count);
        count++;
    }

    /// <summary>One pair and where it came in the caller's sequence (the tie-breaker for repeated keys).</summary>
    private readonly record struct MetadataPair(string Key, string? Value, int Position);
}
