using System.Buffers;
using System.Text;
using Stripe.Connect.Client.V2.Core;

namespace Stripe.Connect.Client;

/// <summary>Thin events (v2 event destinations): the same signature check as snapshot events, read into <see cref="EventNotification"/>.</summary>
public static partial class StripeWebhook
{
    /// <summary>Verifies a thin event request and reads its notification, with the default tolerance and the system clock.</summary>
    /// <param name="payload">The request body exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <param name="secret">The event destination's signing secret (<c>whsec_...</c>).</param>
    /// <returns>The verified notification: its type's subclass, or <see cref="UnknownEventNotification"/>.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed thin event (a snapshot event says to use <c>ConstructEvent</c>).</exception>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    public static EventNotification ParseEventNotification(string payload, string? signatureHeader, string secret) =>
        ParseEventNotification(payload, signatureHeader, secret, DefaultTolerance);

    /// <summary>Verifies a thin event request and reads its notification, with a chosen tolerance and clock.</summary>
    /// <param name="payload">The request body exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <param name="secret">The event destination's signing secret.</param>
    /// <param name="tolerance">How far the signature's timestamp may be from now, either way; <see cref="Timeout.InfiniteTimeSpan"/> skips the check.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <returns>The verified notification.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed thin event.</exception>
    /// <exception cref="ArgumentException">The secret is empty or the tolerance is zero or negative.</exception>
    public static EventNotification ParseEventNotification(string payload, string? signatureHeader, string secret, TimeSpan tolerance, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var keys = WebhookSignature.ToKey(secret, nameof(secret));
        WebhookSignature.CheckTolerance(tolerance, nameof(tolerance));
        return Notification(payload, signatureHeader, keys, tolerance, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Verifies a thin event request against several secrets (while one is being rolled) and reads its notification.</summary>
    /// <param name="payload">The request body exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <param name="secrets">The secrets to accept; the request is valid when any <c>v1</c> signature matches any of them.</param>
    /// <param name="tolerance">How far the signature's timestamp may be from now; <see langword="null"/> for <see cref="DefaultTolerance"/>.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <returns>The verified notification.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed thin event.</exception>
    /// <exception cref="ArgumentException">No secret, an empty secret, or a tolerance that is zero or negative.</exception>
    public static EventNotification ParseEventNotification(string payload, string? signatureHeader, IEnumerable<string> secrets, TimeSpan? tolerance = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var keys = WebhookSignature.ToKeys(secrets, nameof(secrets));
        var checkedTolerance = tolerance ?? DefaultTolerance;
        WebhookSignature.CheckTolerance(checkedTolerance, nameof(tolerance));
        return Notification(payload, signatureHeader, keys, checkedTolerance, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Verifies a thin event request given as the raw body bytes and reads its notification.</summary>
    /// <param name="utf8Payload">The request body bytes exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <param name="secret">The event destination's signing secret.</param>
    /// <returns>The verified notification.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed thin event.</exception>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    public static EventNotification ParseEventNotification(ReadOnlySpan<byte> utf8Payload, string? signatureHeader, string secret) =>
        ParseEventNotification(utf8Payload, signatureHeader, secret, DefaultTolerance);

    /// <summary>Verifies a thin event request given as bytes and reads its notification, with a chosen tolerance and clock.</summary>
    /// <param name="utf8Payload">The request body bytes exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <param name="secret">The event destination's signing secret.</param>
    /// <param name="tolerance">How far the signature's timestamp may be from now, either way.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <returns>The verified notification.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed thin event.</exception>
    /// <exception cref="ArgumentException">The secret is empty or the tolerance is zero or negative.</exception>
    public static EventNotification ParseEventNotification(ReadOnlySpan<byte> utf8Payload, string? signatureHeader, string secret, TimeSpan tolerance, TimeProvider? timeProvider = null)
    {
        var keys = WebhookSignature.ToKey(secret, nameof(secret));
        WebhookSignature.CheckTolerance(tolerance, nameof(tolerance));
        return Notification(utf8Payload, signatureHeader, keys, tolerance, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Verifies a thin event request given as bytes against several secrets and reads its notification.</summary>
    /// <param name="utf8Payload">The request body bytes exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <param name="secrets">The secrets to accept.</param>
    /// <param name="tolerance">How far the signature's timestamp may be from now; <see langword="null"/> for <see cref="DefaultTolerance"/>.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <returns>The verified notification.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed thin event.</exception>
    /// <exception cref="ArgumentException">No secret, an empty secret, or a tolerance that is zero or negative.</exception>
    public static EventNotification ParseEventNotification(ReadOnlySpan<byte> utf8Payload, string? signatureHeader, IEnumerable<string> secrets, TimeSpan? tolerance = null, TimeProvider? timeProvider = null)
    {
        var keys = WebhookSignature.ToKeys(secrets, nameof(secrets));
        var checkedTolerance = tolerance ?? DefaultTolerance;
        WebhookSignature.CheckTolerance(checkedTolerance, nameof(tolerance));
        return Notification(utf8Payload, signatureHeader, keys, checkedTolerance, timeProvider ?? TimeProvider.System);
    }

    internal static EventNotification Notification(string payload, string? signatureHeader, byte[][] keys, TimeSpan tolerance, TimeProvider timeProvider)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(payload.Length));
        var length = 0;
        try
        {
            length = Encoding.UTF8.GetBytes(payload, buffer);
            return Notification(buffer.AsSpan(0, length), signatureHeader, keys, tolerance, timeProvider);
        }
        finally
        {
            PayloadBuffers.ReturnCleared(buffer, length);
        }
    }

    internal static EventNotification Notification(ReadOnlySpan<byte> utf8Payload, string? signatureHeader, byte[][] keys, TimeSpan tolerance, TimeProvider timeProvider)
    {
        var signedAt = WebhookSignature.Verify(utf8Payload, signatureHeader, keys, tolerance, timeProvider);
        return EventNotificationParser.Parse(utf8Payload, signedAt);
    }

    /// <summary>Whether the top-level <c>object</c> of a payload is <c>v2.core.event</c> (a thin event), read without a DOM.</summary>
    internal static bool IsThinEnvelope(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(utf8Json);
            if (!reader.Read() || reader.TokenType != System.Text.Json.JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == System.Text.Json.JsonTokenType.PropertyName)
            {
                var isObject = reader.ValueTextEquals("object"u8);
                reader.Read();
                if (isObject)
                {
                    return reader.TokenType == System.Text.Json.JsonTokenType.String && reader.ValueTextEquals("v2.core.event"u8);
                }

                reader.Skip();
            }
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }

        return false;
    }
}
