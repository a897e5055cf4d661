using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Stripe.Connect.Client.Json;
using SN = global::Stripe;

namespace Stripe.Connect.Client.Benchmarks;

/// <summary>
/// 1. Deserialize an account from the same UTF-8 JSON: the shared fixture, and a fully populated account.
/// Stripe.net only reads strings (its HTTP path decodes the body to a string first), so it gets the JSON
/// already decoded, outside the measurement; this SDK reads the UTF-8 bytes, as it does from the response stream.
/// Floor: one <see cref="Utf8JsonReader"/> pass over the same bytes.
/// </summary>
[MemoryDiagnoser]
public class DeserializeAccountBenchmarks
{
    private byte[] _utf8 = [];
    private string _text = string.Empty;

    [Params("fixture", "full")]
    public string Payload { get; set; } = "fixture";

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = Payload == "full" ? Fixtures.FullAccount() : Fixtures.Account;
        _text = Fixtures.Utf8(_utf8);

        // Both sides must read the same account; fail the run rather than measure a broken read.
        var ours = ConnectSdk();
        var theirs = StripeNet();
        if (ours.Id != theirs.Id || ours.Settings?.Dashboard?.Timezone != theirs.Settings?.Dashboard?.Timezone
            || ours.ExternalAccounts?.Data.Count != theirs.ExternalAccounts?.Data.Count
            || ours.Individual?.Id != theirs.Individual?.Id)
        {
            throw new InvalidOperationException("The two SDKs read different accounts from the same JSON.");
        }
    }

    [Benchmark(Baseline = true, Description = "Stripe.net")]
    public SN.Account StripeNet() => SN.StripeEntity.FromJson<SN.Account>(_text);

    [Benchmark(Description = "Stripe.Connect.Client")]
    public Account ConnectSdk() => JsonSerializer.Deserialize(_utf8, ConnectJsonContext.Default.Account)!;

    /// <summary>The same bytes as a call's response is read: the record's generated converter, without the serializer's entry point.</summary>
    [Benchmark(Description = "Stripe.Connect.Client, as a call reads it")]
    public Account ConnectSdkAsACallReadsIt() => ResponseReader<Account>.Direct(AccountJsonConverter.Instance, ConnectJsonContext.Default.Options).Read(_utf8)!;

    [Benchmark(Description = "Floor: Utf8JsonReader pass")]
    public int ReaderFloor()
    {
        var reader = new Utf8JsonReader(_utf8);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
        }

        return tokens;
    }
}
