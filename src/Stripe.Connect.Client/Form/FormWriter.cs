using System.Buffers;
using System.Globalization;
using System.Text;

namespace Stripe.Connect.Client.Form;

/// <summary>
/// Writes request parameters in the form encoding Stripe reads: nested objects as <c>a[b][c]=v</c>, lists of
/// objects as <c>items[0][price]=v</c>, lists of strings as <c>expand[]=v</c>, dictionaries as
/// <c>metadata[key]=v</c>. Fields are written in call order (generated code calls in declaration order), so the
/// output is deterministic. The text lives in pooled buffers until <see cref="Dispose"/>. This file holds the state,
/// the objects and the single values; <c>FormWriter.Lists.cs</c> the lists, maps and metadata;
/// <c>FormWriter.Text.cs</c> the keys, escaping and buffers.
/// </summary>
internal sealed partial class FormWriter : IDisposable
{
    private const int MaxDepth = 32;

    // A writer grown past this is not kept for the next call; its buffers go back to the pool.
    private const int MaxCachedChars = 4096;

    // One idle writer per thread: encoding is synchronous, so a call takes it and gives it back before returning.
    [ThreadStatic]
    private static FormWriter? _cachedWriter;

    private char[] _buffer;
    private int _length;
    private char[] _prefix;
    private int _prefixLength;
    // Rented like the buffers: a POST then allocates nothing but its body bytes.
    private int[] _prefixStack;
    private int _depth;

    /// <summary>A new writer; prefer <see cref="Rent"/>, which reuses this thread's idle writer.</summary>
    /// <param name="initialCapacity">The initial size of the text buffer, in characters.</param>
    public FormWriter(int initialCapacity = 256)
    {
        _buffer = ArrayPool<char>.Shared.Rent(initialCapacity);
        _prefix = ArrayPool<char>.Shared.Rent(64);
        _prefixStack = ArrayPool<int>.Shared.Rent(MaxDepth);
    }

    /// <summary>This thread's idle writer, or a new one; <see cref="Dispose"/> gives it back.</summary>
    /// <returns>An empty writer.</returns>
    public static FormWriter Rent()
    {
        var writer = _cachedWriter;
        if (writer is null)
        {
            return new FormWriter();
        }

        _cachedWriter = null;
        return writer;
    }

    /// <summary>The encoded text written so far.</summary>
    public ReadOnlySpan<char> Written => _buffer.AsSpan(0, _length);

    /// <summary>How many characters were written.</summary>
    public int Length => _length;

    /// <summary>Opens a nested object: the following keys are written as <c>key[...]</c>.</summary>
    public void BeginObject(string key)
    {
        Push();
        AppendKeySegment(key);
    }

    /// <summary>Opens the item at <paramref name="index"/> of a list of objects: keys become <c>key[index][...]</c>.</summary>
    public void BeginListItem(string key, int index)
    {
        Push();
        AppendKeySegment(key);
        Span<char> digits = stackalloc char[11];
        index.TryFormat(digits, out var written, default, CultureInfo.InvariantCulture);
        AppendPrefix("[");
        AppendPrefix(digits[..written]);
        AppendPrefix("]");
    }

    /// <summary>Closes the object or list item opened last.</summary>
    public void EndObject()
    {
        if (_depth == 0)
        {
            throw new InvalidOperationException("EndObject called without a matching BeginObject.");
        }

        _prefixLength = _prefixStack[--_depth];
    }

    /// <summary>Writes a string; <see langword="null"/> is not sent and the empty string is sent as <c>key=</c>.</summary>
    public void Add(string key, string? value)
    {
        if (value is null)
        {
            return;
        }

        StartField(key, suffix: default);
        AppendEscaped(value);
    }

    public void Add(string key, long? value)
    {
        if (value is { } v)
        {
            Span<char> text = stackalloc char[20];
            v.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
            AddFormatted(key, text[..written]);
        }
    }

    public void Add(string key, int? value) => Add(key, (long?)value);

    public void Add(string key, decimal? value)
    {
        if (value is { } v)
        {
            Span<char> text = stackalloc char[32];
            v.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
            AddFormatted(key, text[..written]);
        }
    }

    public void Add(string key, double? value)
    {
        if (value is { } v)
        {
            Span<char> text = stackalloc char[32];
            v.TryFormat(text, out var written, "R", CultureInfo.InvariantCulture);
            AddFormatted(key, text[..written]);
        }
    }

    public void Add(string key, bool? value)
    {
        if (value is { } v)
        {
            AddFormatted(key, v ? "true" : "false");
        }
    }

    /// <summary>Writes a timestamp as whole seconds since the Unix epoch.</summary>
    public void Add(string key, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            Add(key, v.ToUnixTimeSeconds());
        }
    }

    /// <summary>Writes an enum-like value as its wire string.</summary>
    public void Add<TEnum>(string key, TEnum? value)
        where TEnum : struct, IStripeEnum<TEnum>
    {
        if (value is { } v)
        {
            Add(key, v.Value);
        }
    }

    /// <summary>Writes a required enum-like value as its wire string.</summary>
    public void Add<TEnum>(string key, TEnum value)
        where TEnum : struct, IStripeEnum<TEnum> => Add(key, value.Value);

    /// <summary>
    /// Refuses a request whose required parameter is missing (<c>required</c> members can still be set to
    /// <see langword="null"/>), naming the parameter with its full bracket path, before anything is sent.
    /// </summary>
    public void Require(string key, bool present)
    {
        if (!present)
        {
            var name = _prefixLength == 0 ? key : string.Concat(_prefix.AsSpan(0, _prefixLength), "[", key, "]");
            // Named after the service methods' 'request' argument, where the missing value came from.
#pragma warning disable CA2208
            throw new ArgumentException($"The request parameter '{name}' is required.", "request");
#pragma warning restore CA2208
        }
    }

    /// <summary>Writes the empty string (<c>key=</c>), which clears an emptyable field on the server.</summary>
    public void AddEmpty(string key) => StartField(key, suffix: default);

    /// <summary>Writes a pair whose key is already in bracket form (<c>metadata[a]</c>), as given to the raw request API.</summary>
    public void AddRaw(string key, string value)
    {
        if (_length > 0)
        {
            Append('&');
        }

        AppendEscaped(key, keepBrackets: true);
        Append('=');
        AppendEscaped(value);
    }

    /// <summary>Appends text that is already encoded (used when a page cursor is added to an encoded query).</summary>
    public void AppendEncoded(ReadOnlySpan<char> encoded)
    {
        if (encoded.IsEmpty)
        {
            return;
        }

        if (_length > 0)
        {
            Append('&');
        }

        Append(encoded);
    }

    /// <summary>The encoded text as a string.</summary>
    public override string ToString() => new(_buffer, 0, _length);

    /// <summary>The encoded text as UTF-8 bytes (it is pure ASCII, so one byte a character).</summary>
    public byte[] ToUtf8Bytes()
    {
        if (_length == 0)
        {
            return [];
        }

        var bytes = new byte[_length];
        Encoding.ASCII.GetBytes(_buffer.AsSpan(0, _length), bytes);
        return bytes;
    }

    public void Dispose()
    {
        if (ReferenceEquals(_cachedWriter, this))
        {
            return;
        }

        // Form bodies carry personal data (names, dates of birth, bank details): cleared before the buffer is reused
        // or handed to the next renter.
        _buffer.AsSpan(0, _length).Clear();
        _length = 0;
        _prefixLength = 0;
        _depth = 0;
        if (_cachedWriter is null && _buffer.Length is > 0 and <= MaxCachedChars)
        {
            _cachedWriter = this;
            return;
        }

        var buffer = _buffer;
        var prefix = _prefix;
        var stack = _prefixStack;
        _buffer = [];
        _prefix = [];
        _prefixStack = [];
        if (buffer.Length > 0)
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        if (prefix.Length > 0)
        {
            ArrayPool<char>.Shared.Return(prefix);
        }

        if (stack.Length > 0)
        {
            ArrayPool<int>.Shared.Return(stack);
        }
    }

    private void AddFormatted(string key, ReadOnlySpan<char> asciiValue)
    {
        StartField(key, suffix: default);
        Append(asciiValue);
    }

}
