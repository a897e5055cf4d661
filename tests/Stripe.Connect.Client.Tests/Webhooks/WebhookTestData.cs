using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Stripe.Connect.Client.Tests.Webhooks;

/// <summary>
/// Events and signatures for the webhook tests. Signatures are computed here (HMAC-SHA256 with
/// <see cref="IncrementalHash"/>), never through the code under test.
/// </summary>
internal static class WebhookTestData
{
    public const string EndpointSecret = "whsec_TestSecretThatMustNeverLeak0001";
    public const string OldSecret = "whsec_OldSecretThatMustNeverLeak0002";
    public const string WrongSecret = "whsec_WrongSecretThatMustNeverLeak03";

    /// <summary>The fake "now" of every test: 2026-01-15T12:00:00Z.</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public static long NowSeconds => Now.ToUnixTimeSeconds();

    public static FakeTimeProvider Clock() => new(Now);

    public const string AccountJson = """{"id":"acct_1Test","object":"account","type":"express","charges_enabled":true}""";

    public static string EventJson(
        string objectJson = AccountJson,
        string type = "account.updated",
        string? previousAttributes = null,
        string apiVersion = ConnectClientOptions.DefaultApiVersion,
        string account = "acct_1Test")
    {
        var previous = previousAttributes is null ? string.Empty : $",\"previous_attributes\":{previousAttributes}";
        return $$"""
            {
              "id": "evt_1Test",
              "object": "event",
              "account": "{{account}}",
              "api_version": "{{apiVersion}}",
              "created": 1768478400,
              "data": {"object": {{objectJson}}{{previous}}},
              "livemode": false,
              "pending_webhooks": 2,
              "request": {"id": "req_1Test", "idempotency_key": "ik-123"},
              "type": "{{type}}"
            }
            """;
    }

    /// <summary>The hex HMAC-SHA256 of <c>"{t}.{payload}"</c> under <paramref name="secret"/>.</summary>
    public static string Sign(string payload, string secret, long timestamp) => Sign(Encoding.UTF8.GetBytes(payload), secret, timestamp);

    /// <summary>
    /// The same for bytes, hashed in pieces: <c>"{t}." + payload</c> is never laid out in a new array, so the payload
    /// leaves no stray copy in memory (WebhookBufferHygieneTests depends on that).
    /// </summary>
    public static string Sign(byte[] payload, string secret, long timestamp)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes($"{timestamp}."));
        hmac.AppendData(payload);
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>A header as Stripe writes it: <c>t=...,v1=...</c>.</summary>
    public static string Header(string payload, string secret = EndpointSecret, long? timestamp = null)
    {
        var t = timestamp ?? NowSeconds;
        return $"t={t},v1={Sign(payload, secret, t)}";
    }

    /// <summary>The fixtures folder, <c>spec/fixtures</c> in the repository.</summary>
    public static string FixturesFolder() => Support.RepoPaths.FixturesFolder();
}
