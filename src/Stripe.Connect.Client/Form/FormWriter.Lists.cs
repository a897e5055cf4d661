using System.Buffers;
using System.Globalization;
using System.Text;

namespace Stripe.Connect.Client.Form;

// Lists, maps and metadata: many pairs under one key.
internal sealed partial class FormWriter
{
    /// <summary>Writes a list of strings as <c>key[]=a&amp;key[]=b</c>.</summary>
    public void AddList(string key, IReadOnlyList<string>? values) => WriteList(key, values, indexed: false);

    /// <summary>Writes a list of integers as <c>key[]=1&amp;key[]=2</c>.</summary>
    public void AddList(string key, IReadOnlyList<long>? values) => WriteList(key, values, indexed: false);

    /// <summary>Writes a list of enum-like values as <c>key[]=a&amp;key[]=b</c>.</summary>
    public void AddList<TEnum>(string key, IReadOnlyList<TEnum>? values)
        where TEnum : struct, IStripeEnum<TEnum> => WriteList(key, values, indexed: false);

    /// <summary>Writes a list as v2 queries spell it, <c>key[0]=a&amp;key[1]=b</c> (brackets unescaped).</summary>
    public void AddIndexedList(string key, IReadOnlyList<string>? values) => WriteList(key, values, indexed: true);

    /// <summary>Writes a list of integers as <c>key[0]=1&amp;key[1]=2</c>.</summary>
    public void AddIndexedList(string key, IReadOnlyList<long>? values) => WriteList(key, values, indexed: true);

    /// <summary>Writes a list of enum-like values as <c>key[0]=a&amp;key[1]=b</c>.</summary>
    public void AddIndexedList<TEnum>(string key, IReadOnlyList<TEnum>? values)
        where TEnum : struct, IStripeEnum<TEnum> => WriteList(key, values, indexed: true);

    /// <summary>Writes a string dictionary (metadata) as <c>key[name]=value</c>, names in ordinal order.</summary>
    public void AddMap(string key, IReadOnlyDictionary<string, string>? map)
    {
        if (map is null)
        {
            return;
        }

        if (map.Count == 0)
        {
            return;
        }

        var names = ArrayPool<string>.Shared.Rent(map.Count);
        try
        {
            var count = 0;
            foreach (var pair in map)
            {
                names[count++] = pair.Key;
            }

            Array.Sort(names, 0, count, StringComparer.Ordinal);
            BeginObject(key);
            for (var i = 0; i < count; i++)
            {
                Add(names[i], map[names[i]] ?? string.Empty);
            }

            EndObject();
        }
        finally
        {
            ArrayPool<string>.Shared.Return(names, clearArray: true);
        }
    }

    /// <summary>
    /// Writes request metadata as <c>key[name]=value</c>, names in ordinal order (a repeated name keeps its last value),
    /// or <c>key=</c> for <see cref="StripeMetadata.Clear"/> where the API allows clearing.
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="StripeMetadata.Clear"/> on a request that cannot clear metadata.</exception>
    public void AddMetadata(string key, IEnumerable<KeyValuePair<string, string>>? metadata, bool clearable)
    {
        if (metadata is null)
        {
            return;
        }

        if (StripeMetadata.IsClear(metadata))
        {
            if (!clearable)
            {
                var name = _prefixLength == 0 ? key : string.Concat(_prefix.AsSpan(0, _prefixLength), "[", key, "]");
#pragma warning disable CA2208 // Named after the service methods' 'request' argument, where the value came from.
                throw new ArgumentException($"The request parameter '{name}' cannot be cleared on this request; leave it null instead.", "request");
#pragma warning restore CA2208
            }

            AddEmpty(key);
            return;
        }

        if (metadata is IReadOnlyDictionary<string, string> map)
        {
            AddMap(key, map);
            return;
        }

        // Any other sequence (a collection expression, a list of pairs): the last value of a repeated key wins, as in a dictionary.
        var pairs = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in metadata)
        {
            ArgumentNullException.ThrowIfNull(name, nameof(metadata));
            pairs[name] = value;
        }

        if (pairs.Count == 0)
        {
            return;
        }

        BeginObject(key);
        foreach (var (name, value) in pairs)
        {
            Add(name, value ?? string.Empty);
        }

        EndObject();
    }

    // One loop per element type for both list spellings: v1's key[]=a, v2's key[0]=a.
    private void WriteList(string key, IReadOnlyList<string>? values, bool indexed)
    {
        if (values is null)
        {
            return;
        }

        Span<char> index = stackalloc char[24];
        for (var i = 0; i < values.Count; i++)
        {
            StartField(key, indexed ? Index(index, i) : "[]");
            AppendEscaped(values[i]);
        }
    }

    private void WriteList(string key, IReadOnlyList<long>? values, bool indexed)
    {
        if (values is null)
        {
            return;
        }

        Span<char> index = stackalloc char[24];
        Span<char> text = stackalloc char[20];
        for (var i = 0; i < values.Count; i++)
        {
            StartField(key, indexed ? Index(index, i) : "[]");
            values[i].TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
            Append(text[..written]);
        }
    }

    private void WriteList<TEnum>(string key, IReadOnlyList<TEnum>? values, bool indexed)
        where TEnum : struct, IStripeEnum<TEnum>
    {
        if (values is null)
        {
            return;
        }

        Span<char> index = stackalloc char[24];
        for (var i = 0; i < values.Count; i++)
        {
            StartField(key, indexed ? Index(index, i) : "[]");
            AppendEscaped(values[i].Value);
        }
    }

    private static ReadOnlySpan<char> Index(Span<char> buffer, int i)
    {
        buffer[0] = '[';
        i.TryFormat(buffer[1..], out var written, default, CultureInfo.InvariantCulture);
        buffer[written + 1] = ']';
        return buffer[..(written + 2)];
    }
}
