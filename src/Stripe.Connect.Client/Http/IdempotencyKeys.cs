using System.Security.Cryptography;

namespace Stripe.Connect.Client.Http;

/// <summary>
/// Makes the idempotency keys of POSTs the caller gave no key for: random version 4 UUIDs from the operating
/// system's cryptographic generator, the same kind <see cref="Guid.NewGuid"/> makes.
/// </summary>
/// <remarks>
/// <see cref="Guid.NewGuid"/> asks the kernel for 16 random bytes on every call (one system call, about half a
/// microsecond here, a sixth of a whole <c>AccountLinks.CreateAsync</c>). This takes the bytes from a per-thread
/// batch of 1 KB, refilled from <see cref="RandomNumberGenerator"/> every 64 keys: same quality, one system call
/// per 64 keys. Each batch's bytes are used once and cleared as they are taken.
/// </remarks>
internal static class IdempotencyKeys
{
    private const int KeyBytes = 16;
    private const int BatchBytes = 64 * KeyBytes;

    [ThreadStatic]
    private static byte[]? _batch;

    [ThreadStatic]
    private static int _next;

    /// <summary>A new key in the 36-character UUID form, such as <c>3f0c8a52-6a1e-4f7b-9d2c-5b8e7a1c0d94</c>.</summary>
    /// <returns>The key.</returns>
    public static string New()
    {
        var batch = _batch;
        var next = _next;
        if (batch is null || next == BatchBytes)
        {
            batch ??= _batch = new byte[BatchBytes];
            RandomNumberGenerator.Fill(batch);
            next = 0;
        }

        Span<byte> bytes = stackalloc byte[KeyBytes];
        var taken = batch.AsSpan(next, KeyBytes);
        taken.CopyTo(bytes);
        taken.Clear();
        _next = next + KeyBytes;

        // The version (4, random) and variant (RFC 9562) bits, where Guid's little-endian layout keeps them.
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
