namespace Stripe.Connect.Client.Http;

/// <summary>
/// Raised inside an attempt when a success body's length differs from its <c>Content-Length</c> (possible through a
/// handler that does not enforce it); the attempt turns it into a typed failure. Never reaches the caller.
/// </summary>
/// <param name="received">The bytes received.</param>
/// <param name="declared">The bytes the header declared.</param>
internal sealed class BodyLengthMismatchException(long received, long declared)
    : Exception($"The body has {received} bytes; its Content-Length declared {declared}.")
{
    public long Received { get; } = received;

    public long Declared { get; } = declared;
}
