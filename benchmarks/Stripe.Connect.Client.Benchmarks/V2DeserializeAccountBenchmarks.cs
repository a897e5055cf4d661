using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Stripe.Connect.Client.Json;
using SN = global::Stripe;
using V2Core = Stripe.Connect.Client.V2.Core;

namespace Stripe.Connect.Client.Benchmarks;

/// <summary>
/// v2, 1. Deserialize the v2 account fixture (<c>spec/fixtures/v2/v2.core.account.json</c>: configurations,
/// identity, requirements, defaults). This SDK reads the UTF-8 bytes with its generated converter; Stripe.net gets
/// the JSON already decoded to a string (what its HTTP path does first), outside the measurement. Floor: one
/// <see cref="Utf8JsonReader"/> pass over the same bytes.
/// </summary>
[MemoryDiagnoser]
public class V2DeserializeAccountBenchmarks
{
    private byte[] _utf8 = [];
    private string _text = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _utf8 = Fixtures.V2Account;
        _text = Fixtures.Utf8(_utf8);
        var ours = ConnectSdk();
        var theirs = StripeNet();
        if (ours.Id != theirs.Id || ours.Id != Fixtures.V2AccountId || ours.DisplayName != theirs.DisplayName
            || ours.Identity?.Country != theirs.Identity?.Country
            || ours.Configuration?.Merchant?.Mcc != theirs.Configuration?.Merchant?.Mcc
            || ours.Requirements?.Entries?.Count != theirs.Requirements?.Entries?.Count)
        {
            throw new InvalidOperationException("The two SDKs read different v2 accounts.");
        }
    }

    [Benchmark(Baseline = true, Description = "Stripe.net")]
    public SN.V2.Core.Account StripeNet() => SN.StripeEntity.FromJson<SN.V2.Core.Account>(_text);

    [Benchmark(Description = "Stripe.Connect.Client")]
    public V2Core.Account ConnectSdk() => JsonSerializer.Deserialize(_utf8, V2Core.V2CoreJsonContext.Default.Account)!;

    /// <summary>The same bytes as a call's response is read: the record's generated converter, without the serializer's entry point.</summary>
    [Benchmark(Description = "Stripe.Connect.Client, as a call reads it")]
    public V2Core.Account ConnectSdkAsACallReadsIt() => ResponseReader<V2Core.Account>.Direct(V2Core.AccountJsonConverter.Instance, V2Core.V2CoreJsonContext.Default.Options).Read(_utf8)!;

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
