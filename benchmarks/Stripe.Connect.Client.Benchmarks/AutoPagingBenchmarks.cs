using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SN = global::Stripe;

namespace Stripe.Connect.Client.Benchmarks;

/// <summary>
/// 4. Auto-paging through application fees in pages of 100 (canned pages built from the <c>application_fee</c>
/// fixture; the handler answers each <c>starting_after</c> cursor with the next page). Time and allocated bytes,
/// total and per item: the per-item columns must stay flat from 1,000 to 10,000 items. Floor: a hand-written loop of
/// <see cref="HttpClient"/> requests and <see cref="JsonDocument"/> parses that reads each fee's id.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerItemConfig))]
public class AutoPagingBenchmarks
{
    private const int PageSize = 100;
    private byte[][] _pages = [];
    private Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _nextPage;
    private CannedHandler _handler = null!;
    private ConnectClient _connect = null!;
    private SN.ApplicationFeeService _stripeNetFees = null!;
    private HttpClient _floor = null!;

    [Params(1_000, 10_000)]
    public int Count { get; set; } = 1_000;

    [GlobalSetup]
    public void Setup()
    {
        var fee = Fixtures.Node("application_fee.json");
        var pageCount = Count / PageSize;
        _pages = new byte[pageCount][];
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < pageCount; i++)
        {
            _pages[i] = Fixtures.FeePage(fee, i * PageSize, PageSize, hasMore: i < pageCount - 1);
            next[Fixtures.FeeId(((i + 1) * PageSize) - 1)] = i + 1;
        }

        _nextPage = next.GetAlternateLookup<ReadOnlySpan<char>>();
        _handler = new CannedHandler(Route);
        _connect = Clients.Connect(_handler);
        _stripeNetFees = new SN.ApplicationFeeService(Clients.StripeNet(_handler));
        _floor = Clients.Floor(_handler);

        if (ConnectSdk().Result != Count || StripeNet().Result != Count || Floor().Result != Count)
        {
            throw new InvalidOperationException("An auto-pager did not see every fee exactly once.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connect.Dispose();
        _floor.Dispose();
        _handler.Dispose();
    }

    [Benchmark(Baseline = true, Description = "Stripe.net")]
    public async Task<int> StripeNet()
    {
        var seen = 0;
        await foreach (var fee in _stripeNetFees.ListAutoPagingAsync(new SN.ApplicationFeeListOptions { Limit = PageSize }))
        {
            seen += fee.Id.Length > 0 ? 1 : 0;
        }

        return seen;
    }

    [Benchmark(Description = "Stripe.Connect.Client")]
    public async Task<int> ConnectSdk()
    {
        var seen = 0;
        await foreach (var fee in _connect.ApplicationFees.ListAutoPagingAsync(new ApplicationFeeListRequest { Limit = PageSize }))
        {
            seen += fee.Id.Length > 0 ? 1 : 0;
        }

        return seen;
    }

    [Benchmark(Description = "Floor: HttpClient + JsonDocument")]
    public async Task<int> Floor()
    {
        var seen = 0;
        string? cursor = null;
        while (true)
        {
            var url = cursor is null ? "v1/application_fees?limit=100" : "v1/application_fees?limit=100&starting_after=" + Uri.EscapeDataString(cursor);
            using var response = await _floor.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync();
            using var document = await JsonDocument.ParseAsync(stream);
            foreach (var fee in document.RootElement.GetProperty("data").EnumerateArray())
            {
                cursor = fee.GetProperty("id").GetString();
                seen += cursor!.Length > 0 ? 1 : 0;
            }

            if (!document.RootElement.GetProperty("has_more").GetBoolean())
            {
                return seen;
            }
        }
    }

    private byte[] Route(HttpRequestMessage request)
    {
        var query = request.RequestUri!.Query.AsSpan();
        var at = query.IndexOf("starting_after=", StringComparison.Ordinal);
        if (at < 0)
        {
            return _pages[0];
        }

        var cursor = query[(at + "starting_after=".Length)..];
        var end = cursor.IndexOf('&');
        return _pages[_nextPage[end < 0 ? cursor : cursor[..end]]];
    }
}
