using System.Buffers;

namespace Stripe.Connect.Client;

/// <summary>
/// How the webhook code gives back the pooled buffers that held a payload: the UTF-8 copy of a string, the stream
/// reader's buffers and the signed text. The shared pool hands a buffer to the next renter anywhere in the process,
/// and an event's payload may hold personal data, so each is cleared first.
/// </summary>
internal static class PayloadBuffers
{
    /// <summary>Clears what was written (the pool's array may be twice the payload's size) and returns the buffer.</summary>
    /// <param name="buffer">A buffer rented from <see cref="ArrayPool{T}.Shared"/>.</param>
    /// <param name="written">How many bytes from its start hold payload.</param>
    public static void ReturnCleared(byte[] buffer, int written)
    {
        buffer.AsSpan(0, written).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
