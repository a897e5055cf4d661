using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SN = global::Stripe;
using V2Core = Stripe.Connect.Client.V2.Core;

namespace Stripe.Connect.Client.Benchmarks;

/// <summary>
/// v2, 4. Verify and parse a signed thin event (an event destination's delivery): this SDK's
/// <see cref="StripeWebhook.ParseEventNotification(string, string?, string, TimeSpan, TimeProvider?)"/> against
/// Stripe.net's <c>StripeClient.ParseEventNotification</c>, both with a one-day tolerance so the signature made in
/// setup stays fresh. Floor: the <c>Stripe-Signature</c> header split by hand, one HMAC-SHA256 over
/// <c>timestamp.payload</c> compared in constant time, and a <see cref="JsonDocument"/> read of id and type.
/// </summary>
[MemoryDiagnoser]
public class ThinEventBenchmarks
{
    private const string Secret = "whsec_bench_0123456789abcdef";
    private const string Payload = """{"id":"evt_test_65R9Ijk8nP0VwBzpH4aYQqLmT0aSEnzJz8wKuMdVpG","object":"v2.core.event","type":"v2.core.account[configuration.merchant].capability_status_updated","created":"2026-10-30T09:41:28.052Z","livemode":false,"context":"acct_1SQ4mYQ2k7RtUv9x","reason":{"type":"request","request":{"id":"req_v2kX8Bc1TnYq0PzR","idempotency_key":"d2f1c3a4-5b6e-4f70-8a9b-0c1d2e3f4a5b"}},"related_object":{"id":"acct_1SQ4mYQ2k7RtUv9x","type":"v2.core.account","url":"/v2/core/accounts/acct_1SQ4mYQ2k7RtUv9x"}}""";
    private static readonly TimeSpan Tolerance = TimeSpan.FromDays(1);
    private static readonly byte[] SecretBytes = Encoding.UTF8.GetBytes(Secret);

    private string _header = string.Empty;
    private SN.StripeClient _stripeNet = null!;

    [GlobalSetup]
    public void Setup()
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(SecretBytes, Encoding.UTF8.GetBytes($"{timestamp}.{Payload}")));
        _header = $"t={timestamp},v1={signature}";
        _stripeNet = new SN.StripeClient(Clients.ApiKey);
        var ours = ConnectSdk();
        var theirs = StripeNet();
        if (ours.Id != theirs.Id || ours.Type != theirs.Type || Floor() != ours.Type
            || ours is not V2Core.V2CoreAccountIncludingConfigurationMerchantCapabilityStatusUpdatedEventNotification
            || theirs is not SN.Events.V2CoreAccountIncludingConfigurationMerchantCapabilityStatusUpdatedEventNotification)
        {
            throw new InvalidOperationException($"The contenders read different events: {ours.GetType().Name} {ours.Type}, {theirs.GetType().Name} {theirs.Type}");
        }
    }

    [Benchmark(Baseline = true, Description = "Stripe.net")]
    public SN.V2.Core.EventNotification StripeNet() => _stripeNet.ParseEventNotification(Payload, _header, Secret, (long)Tolerance.TotalSeconds);

    [Benchmark(Description = "Stripe.Connect.Client")]
    public V2Core.EventNotification ConnectSdk() => StripeWebhook.ParseEventNotification(Payload, _header, Secret, Tolerance);

    [Benchmark(Description = "Floor: HMAC + JsonDocument")]
    public string? Floor()
    {
        // t=<seconds>,v1=<hex>: the floor knows the header has exactly these two parts.
        var header = _header.AsSpan();
        var comma = header.IndexOf(',');
        var timestamp = header[2..comma];
        var expected = Convert.FromHexString(header[(comma + 4)..]);
        var signed = new byte[timestamp.Length + 1 + Encoding.UTF8.GetByteCount(Payload)];
        var written = Encoding.UTF8.GetBytes(timestamp, signed);
        signed[written++] = (byte)'.';
        var payloadStart = written;
        Encoding.UTF8.GetBytes(Payload, signed.AsSpan(written));
        Span<byte> actual = stackalloc byte[32];
        HMACSHA256.HashData(SecretBytes, signed, actual);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture)) > Tolerance.TotalSeconds)
        {
            throw new InvalidOperationException("bad signature");
        }

        using var document = JsonDocument.Parse(signed.AsMemory(payloadStart));
        _ = document.RootElement.GetProperty("id").GetString();
        return document.RootElement.GetProperty("type").GetString();
    }
}
