using System.Buffers;

namespace Stripe.Connect.Client;

/// <summary>
/// Verifies webhook requests with settings fixed once (secrets, tolerance, clock, required API version) and reads
/// their events: the injectable form of <see cref="StripeWebhook"/>. Thread-safe; register it as a singleton with
/// <c>services.AddStripeWebhookVerifier(...)</c>.
/// </summary>
public sealed partial class StripeWebhookVerifier
{
    /// <summary>The largest body <see cref="ConstructEventAsync"/> reads: 1 MiB, far above any real event.</summary>
    public const int MaxPayloadBytes = 1024 * 1024;

    private readonly byte[][] _keys;
    private readonly TimeSpan _tolerance;
    private readonly string? _expectedApiVersion;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a verifier.</summary>
    /// <param name="options">The settings; they are validated and copied here.</param>
    /// <param name="timeProvider">The clock for the timestamp check; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it and shows no secret.</exception>
    public StripeWebhookVerifier(StripeWebhookOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _keys = WebhookSignature.ToKeys(options.Secrets, nameof(options));
        _tolerance = options.Tolerance;
        _expectedApiVersion = options.ExpectedApiVersion;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>Verifies a webhook request and reads its event.</summary>
    /// <param name="payload">The request body exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed event; see its <see cref="SignatureVerificationException.Reason"/>.</exception>
    public StripeEvent ConstructEvent(string payload, string? signatureHeader)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return StripeWebhook.Construct(payload, signatureHeader, _keys, _tolerance, _timeProvider, _expectedApiVersion);
    }

    /// <summary>Verifies a webhook request given as the raw body bytes and reads its event.</summary>
    /// <param name="utf8Payload">The request body bytes exactly as received.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed event.</exception>
    public StripeEvent ConstructEvent(ReadOnlySpan<byte> utf8Payload, string? signatureHeader) =>
        StripeWebhook.Construct(utf8Payload, signatureHeader, _keys, _tolerance, _timeProvider, _expectedApiVersion);

    /// <summary>
    /// Reads a request body stream to its end (at most <see cref="MaxPayloadBytes"/>) without changing a byte, then
    /// verifies it and reads its event. In ASP.NET Core, pass <c>HttpRequest.Body</c>.
    /// </summary>
    /// <param name="body">The request body; it is read, not disposed.</param>
    /// <param name="signatureHeader">The value of the <c>Stripe-Signature</c> header.</param>
    /// <param name="cancellationToken">Cancels reading the body.</param>
    /// <returns>The verified event.</returns>
    /// <exception cref="SignatureVerificationException">The request is not a valid, current, signed event, or the body is too large.</exception>
    public Task<StripeEvent> ConstructEventAsync(Stream body, string? signatureHeader, CancellationToken cancellationToken = default) =>
        ReadBodyAsync(body, payload => ConstructEvent(payload, signatureHeader), cancellationToken);

    /// <summary>Reads a request body to its end (at most <see cref="MaxPayloadBytes"/>) and hands its bytes to <paramref name="reader"/>.</summary>
    private static async Task<T> ReadBodyAsync<T>(Stream body, PayloadReader<T> reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        var length = 0;
        const int Limit = MaxPayloadBytes + 1; // one byte more than allowed tells a body that is too large
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, Limit));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    PayloadBuffers.ReturnCleared(buffer, length);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, Limit) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > MaxPayloadBytes)
                {
                    throw new SignatureVerificationException(
                        SignatureVerificationFailure.InvalidPayload, $"The request body is larger than {MaxPayloadBytes} bytes; it is not a Stripe event.");
                }
            }

            return reader(buffer.AsSpan(0, length));
        }
        finally
        {
            PayloadBuffers.ReturnCleared(buffer, length);
        }
    }

    private delegate T PayloadReader<T>(ReadOnlySpan<byte> payload);

    /// <summary>Describes the verifier without its secrets.</summary>
    /// <returns>A description safe to log.</returns>
    public override string ToString() =>
        $"StripeWebhookVerifier {{ Secrets = {_keys.Length} configured, Tolerance = {_tolerance}, ExpectedApiVersion = {_expectedApiVersion ?? "(any)"} }}";
}
