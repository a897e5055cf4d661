using System.Buffers;
using System.Globalization;
using System.Text;

namespace Stripe.Connect.Client.Form;

// The characters: the key prefix of the open objects, percent-escaping and the pooled buffers.
internal sealed partial class FormWriter
{
    private void StartField(string key, ReadOnlySpan<char> suffix)
    {
        if (_length > 0)
        {
            Append('&');
        }

        if (_prefixLength > 0)
        {
            Append(_prefix.AsSpan(0, _prefixLength));
            Append('[');
            AppendEscaped(key);
            Append(']');
        }
        else
        {
            AppendEscaped(key);
        }

        Append(suffix);
        Append('=');
    }

    private void Push()
    {
        if (_depth == MaxDepth)
        {
            throw new InvalidOperationException($"Form parameters nest deeper than {MaxDepth} levels.");
        }

        _prefixStack[_depth++] = _prefixLength;
    }

    private void AppendKeySegment(string key)
    {
        if (_prefixLength == 0)
        {
            AppendPrefixEscaped(key);
        }
        else
        {
            AppendPrefix("[");
            AppendPrefixEscaped(key);
            AppendPrefix("]");
        }
    }

    private void AppendPrefixEscaped(string key)
    {
        // Keys generated from the API description are plain ASCII; only user keys (metadata) need escaping.
        var start = _length;
        AppendEscaped(key);
        AppendPrefix(_buffer.AsSpan(start, _length - start));
        _length = start;
    }

    private void AppendPrefix(ReadOnlySpan<char> text)
    {
        if (_prefixLength + text.Length > _prefix.Length)
        {
            var larger = ArrayPool<char>.Shared.Rent(Math.Max(_prefix.Length * 2, _prefixLength + text.Length));
            _prefix.AsSpan(0, _prefixLength).CopyTo(larger);
            ArrayPool<char>.Shared.Return(_prefix);
            _prefix = larger;
        }

        text.CopyTo(_prefix.AsSpan(_prefixLength));
        _prefixLength += text.Length;
    }

    private void Append(char c)
    {
        if (_length == _buffer.Length)
        {
            Grow(1);
        }

        _buffer[_length++] = c;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (_length + text.Length > _buffer.Length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_buffer.AsSpan(_length));
        _length += text.Length;
    }

    private void AppendEscaped(string value, bool keepBrackets = false)
    {
        // RFC 3986 unreserved characters pass through; everything else is percent-encoded as UTF-8.
        var span = value.AsSpan();
        Span<byte> utf8 = stackalloc byte[4];
        var i = 0;
        while (i < span.Length)
        {
            var c = span[i];
            if (IsUnreserved(c) || (keepBrackets && (c == '[' || c == ']')))
            {
                Append(c);
                i++;
                continue;
            }

            if (Rune.DecodeFromUtf16(span[i..], out var rune, out var consumed) != OperationStatus.Done)
            {
                rune = Rune.ReplacementChar;
            }

            var bytes = rune.EncodeToUtf8(utf8);
            for (var b = 0; b < bytes; b++)
            {
                Append('%');
                Append(HexUpper[utf8[b] >> 4]);
                Append(HexUpper[utf8[b] & 0xF]);
            }

            i += consumed;
        }
    }

    private static bool IsUnreserved(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' or '~';

    private static ReadOnlySpan<char> HexUpper => "0123456789ABCDEF";

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + needed));
        _buffer.AsSpan(0, _length).CopyTo(larger);
        _buffer.AsSpan(0, _length).Clear();
        ArrayPool<char>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
