using Stripe.Connect.Client;

namespace PlatformWeb;

/// <summary>Reads a webhook's body as the exact bytes received: signatures are over those bytes, never re-serialized JSON.</summary>
public static class RawBody
{
    /// <summary>The body, or <see langword="null"/> when it is larger than any event Stripe sends.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > StripeWebhookVerifier.MaxPayloadBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
