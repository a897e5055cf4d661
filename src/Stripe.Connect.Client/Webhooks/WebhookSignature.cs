using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Stripe.Connect.Client;

/// <summary>
/// Checks a <c>Stripe-Signature</c> header (<c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;[,v1=...][,v0=...]</c>)
/// against the exact payload bytes: HMAC-SHA256 of <c>"{t}.{payload}"</c> keyed with the endpoint secret, compared
/// in constant time, then the timestamp against the tolerance.
/// </summary>
internal static class WebhookSignature
{
    /// <summary>Longer headers are refused before any work; a real one is about 150 characters per secret.</summary>
    public const int MaxHeaderLength = 4096;

    private const int MacSize = 32;
    private const int MaxStackSecrets = 8;

    // The longest "{t}." the header can ask for: 20 digits of a long and the dot.
    private const int MaxTimestampPrefix = 21;

    // 9999-12-31T23:59:59Z, the last second DateTimeOffset can hold.
    private const long MaxUnixSeconds = 253402300799;

    /// <summary>Turns the secrets into HMAC keys (their UTF-8 bytes, as Stripe uses them), checking each is present.</summary>
    public static byte[][] ToKeys(IEnumerable<string> secrets, string paramName)
    {
        ArgumentNullException.ThrowIfNull(secrets, paramName);
        var keys = new List<byte[]>();
        foreach (var secret in secrets)
        {
            keys.Add(Key(secret, paramName));
        }

        if (keys.Count == 0)
        {
            throw new ArgumentException("At least one webhook secret is required.", paramName);
        }

        return [.. keys];
    }

    /// <summary>The HMAC key of one secret (no list or sequence for the common case).</summary>
    public static byte[][] ToKey(string? secret, string paramName) => [Key(secret, paramName)];

    private static byte[] Key(string? secret, string paramName)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw new ArgumentException("A webhook secret is null or empty; give the endpoint's signing secret (it starts with whsec).", paramName);
        }

        return Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>Checks that a tolerance is positive or <see cref="Timeout.InfiniteTimeSpan"/>.</summary>
    public static void CheckTolerance(TimeSpan tolerance, string paramName)
    {
        if (tolerance <= TimeSpan.Zero && tolerance != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(paramName, tolerance, "The tolerance must be positive, or Timeout.InfiniteTimeSpan to skip the timestamp check.");
        }
    }

    /// <summary>Verifies the header against the payload; returns the signing time or throws.</summary>
    /// <exception cref="SignatureVerificationException">A check failed.</exception>
    public static DateTimeOffset Verify(ReadOnlySpan<byte> payload, string? header, byte[][] keys, TimeSpan tolerance, TimeProvider timeProvider)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            throw new SignatureVerificationException(SignatureVerificationFailure.MissingHeader, "The Stripe-Signature header is missing or empty.");
        }

        if (header.Length > MaxHeaderLength)
        {
            throw new SignatureVerificationException(
                SignatureVerificationFailure.MalformedHeader,
                $"The Stripe-Signature header is {header.Length} characters long; more than {MaxHeaderLength} is refused.");
        }

        // First pass: the timestamp, and whether there is any v1 signature at all.
        long? timestamp = null;
        var v1Count = 0;
        var rest = header.AsSpan();
        while (NextItem(ref rest, out var key, out var value))
        {
            if (key.IsEmpty)
            {
                throw new SignatureVerificationException(SignatureVerificationFailure.MalformedHeader, "The Stripe-Signature header has an item that is not key=value.");
            }

            if (key is "t")
            {
                if (timestamp is not null)
                {
                    throw new SignatureVerificationException(SignatureVerificationFailure.MalformedHeader, "The Stripe-Signature header has more than one timestamp (t=).");
                }

                if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > MaxUnixSeconds)
                {
                    throw new SignatureVerificationException(SignatureVerificationFailure.MalformedHeader, "The timestamp (t=) of the Stripe-Signature header is not a Unix time in seconds.");
                }

                timestamp = seconds;
            }
            else if (key is "v1")
            {
                v1Count++;
            }
        }

        if (timestamp is not { } t)
        {
            throw new SignatureVerificationException(SignatureVerificationFailure.MalformedHeader, "The Stripe-Signature header has no timestamp (t=).");
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(t);
        if (v1Count == 0)
        {
            throw new SignatureVerificationException(
                SignatureVerificationFailure.NoV1Signature, "The Stripe-Signature header has no v1 signature; other schemes are not accepted.", signedAt);
        }

        var macs = keys.Length <= MaxStackSecrets ? stackalloc byte[MaxStackSecrets * MacSize] : new byte[keys.Length * MacSize];
        ExpectedSignatures(t, payload, keys, macs);

        // Second pass: any v1 signature that equals any expected one, compared in constant time.
        var matched = false;
        Span<byte> candidate = stackalloc byte[MacSize];
        rest = header.AsSpan();
        while (!matched && NextItem(ref rest, out var key, out var value))
        {
            if (key is not "v1" || !TryDecodeHex(value, candidate))
            {
                continue;
            }

            for (var i = 0; i < keys.Length && !matched; i++)
            {
                matched = CryptographicOperations.FixedTimeEquals(candidate, macs.Slice(i * MacSize, MacSize));
            }
        }

        if (!matched)
        {
            throw new SignatureVerificationException(
                SignatureVerificationFailure.SignatureMismatch,
                $"No v1 signature of the Stripe-Signature header matches the payload under the {keys.Length} configured secret(s). " +
                "Check that the secret is this endpoint's signing secret, and that the payload is the raw request body, byte for byte " +
                "(not JSON that was parsed and serialized again).",
                signedAt);
        }

        if (tolerance != Timeout.InfiniteTimeSpan)
        {
            var now = timeProvider.GetUtcNow();
            var age = TimeSpan.FromSeconds(now.ToUnixTimeSeconds() - t);
            if (age > tolerance)
            {
                throw new SignatureVerificationException(
                    SignatureVerificationFailure.TimestampTooOld,
                    $"The Stripe-Signature timestamp {signedAt:O} is {age.TotalSeconds:0} s old, more than the tolerance of {tolerance.TotalSeconds:0} s (now {now:O}).",
                    signedAt);
            }

            if (-age > tolerance)
            {
                throw new SignatureVerificationException(
                    SignatureVerificationFailure.TimestampInFuture,
                    $"The Stripe-Signature timestamp {signedAt:O} is {-age.TotalSeconds:0} s in the future, more than the tolerance of {tolerance.TotalSeconds:0} s (now {now:O}); check the server clock.",
                    signedAt);
            }
        }

        return signedAt;
    }

    /// <summary>
    /// The expected signature under each secret, HMAC-SHA256 of <c>"{t}." + payload</c>. The signed text is laid out once
    /// in a pooled buffer so each secret costs one one-shot HMAC: an <see cref="IncrementalHash"/> per secret allocated
    /// a native context and its managed wrapper on every call (docs/benchmarks.md). The buffer is cleared before it
    /// goes back, as a snapshot event's payload may hold personal data.
    /// </summary>
    private static void ExpectedSignatures(long t, ReadOnlySpan<byte> payload, byte[][] keys, Span<byte> macs)
    {
        var signed = ArrayPool<byte>.Shared.Rent(MaxTimestampPrefix + payload.Length);
        var used = 0;
        try
        {
            t.TryFormat(signed, out var written, default, CultureInfo.InvariantCulture);
            signed[written++] = (byte)'.';
            used = written + payload.Length;
            payload.CopyTo(signed.AsSpan(written));
            var message = signed.AsSpan(0, used);
            for (var i = 0; i < keys.Length; i++)
            {
                HMACSHA256.HashData(keys[i], message, macs.Slice(i * MacSize, MacSize));
            }
        }
        finally
        {
            PayloadBuffers.ReturnCleared(signed, used);
        }
    }

    /// <summary>Reads the next comma-separated <c>key=value</c> item; an item without <c>=</c> yields an empty key.</summary>
    private static bool NextItem(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> key, out ReadOnlySpan<char> value)
    {
        while (!rest.IsEmpty)
        {
            var comma = rest.IndexOf(',');
            var item = (comma < 0 ? rest : rest[..comma]).Trim();
            rest = comma < 0 ? [] : rest[(comma + 1)..];
            if (item.IsEmpty)
            {
                continue;
            }

            var equals = item.IndexOf('=');
            key = equals <= 0 ? [] : item[..equals].Trim();
            value = equals <= 0 ? [] : item[(equals + 1)..].Trim();
            return true;
        }

        key = [];
        value = [];
        return false;
    }

    private static bool TryDecodeHex(ReadOnlySpan<char> hex, Span<byte> destination)
    {
        if (hex.Length != destination.Length * 2)
        {
            return false;
        }

        for (var i = 0; i < destination.Length; i++)
        {
            var high = HexValue(hex[2 * i]);
            var low = HexValue(hex[(2 * i) + 1]);
            if ((high | low) < 0)
            {
                return false;
            }

            destination[i] = (byte)((high << 4) | low);
        }

        return true;
    }

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
