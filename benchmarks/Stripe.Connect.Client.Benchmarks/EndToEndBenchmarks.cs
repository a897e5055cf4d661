using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SN = global::Stripe;

namespace Stripe.Connect.Client.Benchmarks;

/// <summary>
/// 3. One call end to end through an in-process handler that returns the canned fixture (no sockets):
/// <c>Accounts.GetAsync</c> (the <c>account</c> fixture) and <c>AccountLinks.CreateAsync</c> (the
/// <c>account_link</c> fixture). Retries are off on both SDKs, telemetry off on Stripe.net. Floor: a hand-written
/// <see cref="HttpClient"/> request (auth and version headers set once on the client; for the POST a body built by
/// string concatenation) and a <see cref="JsonDocument"/> parse of the same body. This SDK runs twice: as it sends by
/// default (straight to the handler) and through a caller's <see cref="HttpClient"/>.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
public class EndToEndBenchmarks
{
    private const string GetAccount = "Accounts.GetAsync";
    private const string CreateLink = "AccountLinks.CreateAsync";
    private static readonly Uri LinksUri = new("v1/account_links", UriKind.Relative);

    private readonly AccountLinkCreateRequest _linkRequest = Requests.AccountLinkCreate();
    private readonly SN.AccountLinkCreateOptions _linkOptions = Requests.StripeNetAccountLinkCreate();
    private CannedHandler _handler = null!;
    private ConnectClient _connect = null!;
    private ConnectClient _connectViaHttpClient = null!;
    private SN.AccountService _stripeNetAccounts = null!;
    private SN.AccountLinkService _stripeNetLinks = null!;
    private HttpClient _floor = null!;

    [GlobalSetup]
    public void Setup()
    {
        var account = Fixtures.Account;
        var link = Fixtures.AccountLink;
        _handler = new CannedHandler(request => request.Method == HttpMethod.Post ? link : account);
        _connect = Clients.Connect(_handler);
        _connectViaHttpClient = Clients.ConnectViaHttpClient(_handler);
        var stripeNet = Clients.StripeNet(_handler);
        _stripeNetAccounts = new SN.AccountService(stripeNet);
        _stripeNetLinks = new SN.AccountLinkService(stripeNet);
        _floor = Clients.Floor(_handler);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connect.Dispose();
        _connectViaHttpClient.Dispose();
        _floor.Dispose();
        _handler.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Stripe.net"), BenchmarkCategory(GetAccount)]
    public Task<SN.Account> StripeNetGetAccount() => _stripeNetAccounts.GetAsync(Fixtures.AccountId);

    [Benchmark(Description = "Stripe.Connect.Client"), BenchmarkCategory(GetAccount)]
    public Task<Account> ConnectGetAccount() => _connect.Accounts.GetAsync(Fixtures.AccountId);

    [Benchmark(Description = "Stripe.Connect.Client via HttpClient"), BenchmarkCategory(GetAccount)]
    public Task<Account> ConnectViaHttpClientGetAccount() => _connectViaHttpClient.Accounts.GetAsync(Fixtures.AccountId);

    [Benchmark(Description = "Floor: HttpClient + JsonDocument"), BenchmarkCategory(GetAccount)]
    public async Task<string?> FloorGetAccount()
    {
        using var response = await _floor.GetAsync("v1/accounts/" + Uri.EscapeDataString(Fixtures.AccountId), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var document = await JsonDocument.ParseAsync(stream);
        return document.RootElement.GetProperty("id").GetString();
    }

    [Benchmark(Baseline = true, Description = "Stripe.net"), BenchmarkCategory(CreateLink)]
    public Task<SN.AccountLink> StripeNetCreateLink() => _stripeNetLinks.CreateAsync(_linkOptions);

    [Benchmark(Description = "Stripe.Connect.Client"), BenchmarkCategory(CreateLink)]
    public Task<AccountLink> ConnectCreateLink() => _connect.AccountLinks.CreateAsync(_linkRequest);

    [Benchmark(Description = "Stripe.Connect.Client via HttpClient"), BenchmarkCategory(CreateLink)]
    public Task<AccountLink> ConnectViaHttpClientCreateLink() => _connectViaHttpClient.AccountLinks.CreateAsync(_linkRequest);

    [Benchmark(Description = "Floor: HttpClient + JsonDocument"), BenchmarkCategory(CreateLink)]
    public async Task<string?> FloorCreateLink()
    {
        var body = string.Concat(
            "account=", Uri.EscapeDataString(_linkOptions.Account),
            "&refresh_url=", Uri.EscapeDataString(_linkOptions.RefreshUrl),
            "&return_url=", Uri.EscapeDataString(_linkOptions.ReturnUrl),
            "&type=", _linkOptions.Type);
        var content = new ByteArrayContent(Encoding.ASCII.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, LinksUri) { Content = content };
        using var response = await _floor.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var document = await JsonDocument.ParseAsync(stream);
        return document.RootElement.GetProperty("url").GetString();
    }
}
