using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SN = global::Stripe;
using V2Core = Stripe.Connect.Client.V2.Core;

namespace Stripe.Connect.Client.Benchmarks;

/// <summary>
/// v2, 3. One v2 call end to end through the in-process canned handler, which answers with the v2 account fixture:
/// <c>V2.Core.Accounts.GetAsync</c> and <c>V2.Core.Accounts.CreateAsync</c>. Retries off on both SDKs, telemetry off
/// on Stripe.net. Floor: an <see cref="HttpClient"/> with the auth and version headers set once; for the POST the
/// body written with a reused <see cref="Utf8JsonWriter"/>; a <see cref="JsonDocument"/> read of the id.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class V2EndToEndBenchmarks
{
    private const string Get = "V2.Core.Accounts.GetAsync";
    private const string Create = "V2.Core.Accounts.CreateAsync";
    private static readonly Uri AccountsUri = new("v2/core/accounts", UriKind.Relative);
    private static readonly Uri AccountUri = new("v2/core/accounts/" + Uri.EscapeDataString(Fixtures.V2AccountId), UriKind.Relative);

    private readonly V2Core.AccountCreateRequest _request = V2Requests.AccountCreate();
    private readonly SN.V2.Core.AccountCreateOptions _options = V2Requests.StripeNetAccountCreate();
    private readonly ArrayBufferWriter<byte> _floorBuffer = new(512);
    private CannedHandler _handler = null!;
    private ConnectClient _connect = null!;
    private SN.StripeClient _stripeNet = null!;
    private HttpClient _floor = null!;
    private Utf8JsonWriter _floorWriter = null!;

    [GlobalSetup]
    public async Task Setup()
    {
        _handler = new CannedHandler(Fixtures.V2Account);
        _connect = Clients.Connect(_handler);
        _stripeNet = Clients.StripeNet(_handler);
        _floor = Clients.Floor(_handler);
        _floorWriter = new Utf8JsonWriter(_floorBuffer);
        var ids = new[]
        {
            (await ConnectGet()).Id, (await StripeNetGet()).Id, await FloorGet(),
            (await ConnectCreate()).Id, (await StripeNetCreate()).Id, await FloorCreate(),
        };
        if (ids.Any(id => id != Fixtures.V2AccountId))
        {
            throw new InvalidOperationException("A contender read another account: " + string.Join(", ", ids));
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connect.Dispose();
        _floor.Dispose();
        _floorWriter.Dispose();
        _handler.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Stripe.net"), BenchmarkCategory(Get)]
    public Task<SN.V2.Core.Account> StripeNetGet() => _stripeNet.V2.Core.Accounts.GetAsync(Fixtures.V2AccountId);

    [Benchmark(Description = "Stripe.Connect.Client"), BenchmarkCategory(Get)]
    public Task<V2Core.Account> ConnectGet() => _connect.V2.Core.Accounts.GetAsync(Fixtures.V2AccountId);

    [Benchmark(Description = "Floor: HttpClient + JsonDocument"), BenchmarkCategory(Get)]
    public async Task<string?> FloorGet()
    {
        using var response = await _floor.GetAsync(AccountUri, HttpCompletionOption.ResponseHeadersRead);
        return await ReadIdAsync(response);
    }

    [Benchmark(Baseline = true, Description = "Stripe.net"), BenchmarkCategory(Create)]
    public Task<SN.V2.Core.Account> StripeNetCreate() => _stripeNet.V2.Core.Accounts.CreateAsync(_options);

    [Benchmark(Description = "Stripe.Connect.Client"), BenchmarkCategory(Create)]
    public Task<V2Core.Account> ConnectCreate() => _connect.V2.Core.Accounts.CreateAsync(_request);

    [Benchmark(Description = "Floor: HttpClient + JsonDocument"), BenchmarkCategory(Create)]
    public async Task<string?> FloorCreate()
    {
        _floorBuffer.ResetWrittenCount();
        _floorWriter.Reset(_floorBuffer);
        V2Requests.WriteFloorBody(_floorWriter);
        _floorWriter.Flush();
        var content = new ByteArrayContent(_floorBuffer.WrittenSpan.ToArray());
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, AccountsUri) { Content = content };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await _floor.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        return await ReadIdAsync(response);
    }

    private static async Task<string?> ReadIdAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var document = await JsonDocument.ParseAsync(stream);
        return document.RootElement.GetProperty("id").GetString();
    }
}
