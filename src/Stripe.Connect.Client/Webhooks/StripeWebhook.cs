using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Stripe.Connect.Client;

/// <summary>
/// Turns a webhook request into a <see cref="StripeEvent"/> after checking that Stripe sent it: the
/// <c>Stripe-Signature</c> header must carry a valid <c>v1</c> HMAC-SHA256 signature of the body under one of the
/// endpoint's secrets, signed within the tolerance of the current time.
/// </summary>
/// <remarks>
/// Pass the request body exactly as it arrived (the raw bytes, or the string decoded from them as UTF-8). A body
/// that was parsed and serialized again (by model binding, a JSON formatter or a logging middleware) differs in
/// whitespace, property order or number format, and its signature no longer matches. For dependency injection and
/// secrets held in configuration, use <see cref="StripeWebhookVerifier"/>.
/// </remarks>
public static partial class StripeWebhook
{
    /// <summary>How far the signature's timestamp may be from the current time by default: 300 seconds, as Stripe recommends.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromSeconds(300);

    /// <summary>Verifies a webhook request and reads its event, with the default tolerance and the system clock.</summary>
    /// <param name="payload">The request body exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <param name="secret">The endpoint's signing secret (<c>whsec_...</c>).</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed event; see its <see cref="SignatureVerificationException.Reason"/>.</exception>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    public static StripeEvent ConstructEvent(string payload, string? signatureHeader, string secret) =>
        ConstructEvent(payload, signatureHeader, secret, DefaultTolerance);

    /// <summary>Verifies a webhook request and reads its event, with a chosen tolerance and clock.</summary>
    /// <param name="payload">The request body exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <param name="secret">The endpoint's signing secret (<c>whsec_...</c>).</param>
    /// <param name="tolerance">How far the signature's timestamp may be from now, either way; <see cref="Timeout.InfiniteTimeSpan"/> skips the check.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed event.</exception>
    /// <exception cref="ArgumentException">The secret is empty or the tolerance is zero or negative.</exception>
    public static StripeEvent ConstructEvent(string payload, string? signatureHeader, string secret, TimeSpan tolerance, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var keys = WebhookSignature.ToKey(secret, nameof(secret));
        WebhookSignature.CheckTolerance(tolerance, nameof(tolerance));
        return Construct(payload, signatureHeader, keys, tolerance, timeProvider ?? TimeProvider.System, null);
    }

    /// <summary>
    /// Verifies a webhook request against several secrets (while a secret is being rolled, both the old and the new
    /// one) and reads its event.
    /// </summary>
    /// <param name="payload">The request body exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <param name="secrets">The secrets to accept; the request is valid when any <c>v1</c> signature matches any of them.</param>
    /// <param name="tolerance">How far the signature's timestamp may be from now; <see langword="null"/> for <see cref="DefaultTolerance"/>, <see cref="Timeout.InfiniteTimeSpan"/> to skip the check.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <param name="expectedApiVersion">
    /// When set, the event's <c>api_version</c> must equal it (for example <see cref="ConnectClientOptions.DefaultApiVersion"/>,
    /// the version this SDK's records follow); <see langword="null"/> accepts any version.
    /// </param>
    /// <returns>The verified event.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed event, or its API version differs.</exception>
    /// <exception cref="ArgumentException">No secret, an empty secret, or a tolerance that is zero or negative.</exception>
    public static StripeEvent ConstructEvent(
        string payload, string? signatureHeader, IEnumerable<string> secrets, TimeSpan? tolerance = null, TimeProvider? timeProvider = null, string? expectedApiVersion = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var keys = WebhookSignature.ToKeys(secrets, nameof(secrets));
        var checkedTolerance = tolerance ?? DefaultTolerance;
        WebhookSignature.CheckTolerance(checkedTolerance, nameof(tolerance));
        return Construct(payload, signatureHeader, keys, checkedTolerance, timeProvider ?? TimeProvider.System, expectedApiVersion);
    }

    /// <summary>Verifies a webhook request given as the raw body bytes and reads its event, with the default tolerance and the system clock.</summary>
    /// <param name="utf8Payload">The request body bytes exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <param name="secret">The endpoint's signing secret (<c>whsec_...</c>).</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed event.</exception>
    /// <exception cref="ArgumentException">The secret is empty.</exception>
    public static StripeEvent ConstructEvent(ReadOnlySpan<byte> utf8Payload, string? signatureHeader, string secret) =>
        ConstructEvent(utf8Payload, signatureHeader, secret, DefaultTolerance);

    /// <summary>Verifies a webhook request given as the raw body bytes and reads its event, with a chosen tolerance and clock.</summary>
    /// <param name="utf8Payload">The request body bytes exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <param name="secret">The endpoint's signing secret (<c>whsec_...</c>).</param>
    /// <param name="tolerance">How far the signature's timestamp may be from now, either way; <see cref="Timeout.InfiniteTimeSpan"/> skips the check.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed event.</exception>
    /// <exception cref="ArgumentException">The secret is empty or the tolerance is zero or negative.</exception>
    public static StripeEvent ConstructEvent(ReadOnlySpan<byte> utf8Payload, string? signatureHeader, string secret, TimeSpan tolerance, TimeProvider? timeProvider = null)
    {
        var keys = WebhookSignature.ToKey(secret, nameof(secret));
        WebhookSignature.CheckTolerance(tolerance, nameof(tolerance));
        return Construct(utf8Payload, signatureHeader, keys, tolerance, timeProvider ?? TimeProvider.System, null);
    }

    /// <summary>Verifies a webhook request given as the raw body bytes against several secrets and reads its event.</summary>
    /// <param name="utf8Payload">The request body bytes exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <param name="secrets">The secrets to accept; the request is valid when any <c>v1</c> signature matches any of them.</param>
    /// <param name="tolerance">How far the signature's timestamp may be from now; <see langword="null"/> for <see cref="DefaultTolerance"/>, <see cref="Timeout.InfiniteTimeSpan"/> to skip the check.</param>
    /// <param name="timeProvider">The clock; <see langword="null"/> for the system clock.</param>
    /// <param name="expectedApiVersion">When set, the event's <c>api_version</c> must equal it; <see langword="null"/> accepts any version.</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed event, or its API version differs.</exception>
    /// <exception cref="ArgumentException">No secret, an empty secret, or a tolerance that is zero or negative.</exception>
    public static StripeEvent ConstructEvent(
        ReadOnlySpan<byte> utf8Payload, string? signatureHeader, IEnumerable<string> secrets, TimeSpan? tolerance = null, TimeProvider? timeProvider = null, string? expectedApiVersion = null)
    {
        var keys = WebhookSignature.ToKeys(secrets, nameof(secrets));
        var checkedTolerance = tolerance ?? DefaultTolerance;
        WebhookSignature.CheckTolerance(checkedTolerance, nameof(tolerance));
        return Construct(utf8Payload, signatureHeader, keys, checkedTolerance, timeProvider ?? TimeProvider.System, expectedApiVersion);
    }

    /// <summary>
    /// Reads an event from JSON WITHOUT checking any signature: for events that did not come through a webhook (a
    /// test fixture, an event stored after verification). Never use it on a request body.
    /// </summary>
    /// <param name="json">The event's JSON.</param>
    /// <returns>The event.</returns>
    /// <exception cref="SignatureVerificationException">The JSON is not an event (<see cref="SignatureVerificationFailure.InvalidPayload"/>).</exception>
    public static StripeEvent ParseEvent(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ParseEvent(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads an event from UTF-8 JSON WITHOUT checking any signature; see <see cref="ParseEvent(string)"/>.</summary>
    /// <param name="utf8Json">The event's JSON as UTF-8.</param>
    /// <returns>The event.</returns>
    /// <exception cref="SignatureVerificationException">The JSON is not an event (<see cref="SignatureVerificationFailure.InvalidPayload"/>).</exception>
    public static StripeEvent ParseEvent(ReadOnlySpan<byte> utf8Json) => Parse(utf8Json, null, null);

    internal static StripeEvent Construct(string payload, string? signatureHeader, byte[][] keys, TimeSpan tolerance, TimeProvider timeProvider, string? expectedApiVersion)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(payload.Length));
        var length = 0;
        try
        {
            length = Encoding.UTF8.GetBytes(payload, buffer);
            return Construct(buffer.AsSpan(0, length), signatureHeader, keys, tolerance, timeProvider, expectedApiVersion);
        }
        finally
        {
            PayloadBuffers.ReturnCleared(buffer, length);
        }
    }

    internal static StripeEvent Construct(ReadOnlySpan<byte> utf8Payload, string? signatureHeader, byte[][] keys, TimeSpan tolerance, TimeProvider timeProvider, string? expectedApiVersion)
    {
        var signedAt = WebhookSignature.Verify(utf8Payload, signatureHeader, keys, tolerance, timeProvider);
        return Parse(utf8Payload, signedAt, expectedApiVersion);
    }

    private static StripeEvent Parse(ReadOnlySpan<byte> utf8Json, DateTimeOffset? signedAt, string? expectedApiVersion)
    {
        if (IsThinEnvelope(utf8Json))
        {
            throw new SignatureVerificationException(
                SignatureVerificationFailure.InvalidPayload,
                "The payload is a thin event notification (object 'v2.core.event', sent to v2 event destinations); read it with StripeWebhook.ParseEventNotification, not ConstructEvent.",
                signedAt);
        }

        StripeEvent? evt;
        try
        {
            evt = JsonSerializer.Deserialize(utf8Json, WebhookJsonContext.Default.StripeEvent);
        }
        catch (JsonException ex)
        {
            throw new SignatureVerificationException(SignatureVerificationFailure.InvalidPayload, "The payload is not a Stripe event: " + ex.Message, signedAt, ex);
        }

        if (evt is null || !string.Equals(evt.Object, "event", StringComparison.Ordinal))
        {
            throw new SignatureVerificationException(
                SignatureVerificationFailure.InvalidPayload, $"The payload is not a Stripe event (its object is '{evt?.Object ?? "null"}', not 'event').", signedAt);
        }

        if (expectedApiVersion is not null && !string.Equals(evt.ApiVersion, expectedApiVersion, StringComparison.Ordinal))
        {
            throw new SignatureVerificationException(
                SignatureVerificationFailure.ApiVersionMismatch,
                $"Event {evt.Id} was rendered with API version '{evt.ApiVersion ?? "(none)"}', but '{expectedApiVersion}' is required, so its object may not match " +
                "this SDK's records. Set the webhook endpoint's API version to the required one (in the Dashboard, or api_version when creating the endpoint).",
                signedAt);
        }

        return evt;
    }
}
