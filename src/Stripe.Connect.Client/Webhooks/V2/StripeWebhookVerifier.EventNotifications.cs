using Stripe.Connect.Client.V2.Core;

namespace Stripe.Connect.Client;

/// <summary>Thin events through the injectable verifier: the configured secrets, tolerance and clock.</summary>
public sealed partial class StripeWebhookVerifier
{
    /// <summary>Verifies a thin event request and reads its notification.</summary>
    /// <param name="payload">The request body exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <returns>The verified notification.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed thin event.</exception>
    public EventNotification ParseEventNotification(string payload, string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return StripeWebhook.Notification(payload, signatureHeader, _keys, _tolerance, _timeProvider);
    }

    /// <summary>Verifies a thin event request given as the raw body bytes and reads its notification.</summary>
    /// <param name="utf8Payload">The request body bytes exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <returns>The verified notification.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed thin event.</exception>
    public EventNotification ParseEventNotification(ReadOnlySpan<byte> utf8Payload, string? signatureHeader) =>
        StripeWebhook.Notification(utf8Payload, signatureHeader, _keys, _tolerance, _timeProvider);

    /// <summary>Reads a request body stream to its end (at most <see cref="MaxPayloadBytes"/>), verifies it and reads its notification.</summary>
    /// <param name="body">The request body (in ASP.NET Core, <c>HttpRequest.Body</c>); it is read, not disposed.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The verified notification.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed thin event, or the body is too large.</exception>
    public Task<EventNotification> ParseEventNotificationAsync(Stream body, string? signatureHeader, CancellationToken cancellationToken = default) =>
        ReadBodyAsync(body, payload => ParseEventNotification(payload, signatureHeader), cancellationToken);
}
