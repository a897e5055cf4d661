using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SN = global::Stripe;

namespace Stripe.Connect.Client.Benchmarks;

/// <summary>
/// 5. 64 concurrent callers share one client and make 10,000 <c>Accounts.GetAsync</c> calls in all through the
/// canned handler. Mean and allocation are per call (<c>OperationsPerInvoke</c>); the Calls/s column is the
/// throughput. Floor: the same 64 callers with the hand-written <see cref="HttpClient"/> + <see cref="JsonDocument"/> call.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class ConcurrencyBenchmarks
{
    public const int Calls = 10_000;
    public const int Callers = 64;

    private CannedHandler _handler = null!;
    private ConnectClient _connect = null!;
    private SN.AccountService _stripeNetAccounts = null!;
    private HttpClient _floor = null!;

    [GlobalSetup]
    public void Setup()
    {
        _handler = new CannedHandler(Fixtures.Account);
        _connect = Clients.Connect(_handler);
        _stripeNetAccounts = new SN.AccountService(Clients.StripeNet(_handler));
        _floor = Clients.Floor(_handler);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _connect.Dispose();
        _floor.Dispose();
        _handler.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Calls, Description = "Stripe.net")]
    public Task StripeNet() => RunAsync(() => _stripeNetAccounts.GetAsync(Fixtures.AccountId));

    [Benchmark(OperationsPerInvoke = Calls, Description = "Stripe.Connect.Client")]
    public Task ConnectSdk() => RunAsync(() => _connect.Accounts.GetAsync(Fixtures.AccountId));

    [Benchmark(OperationsPerInvoke = Calls, Description = "Floor: HttpClient + JsonDocument")]
    public Task Floor() => RunAsync(async () =>
    {
        using var response = await _floor.GetAsync("v1/accounts/" + Uri.EscapeDataString(Fixtures.AccountId), HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var document = await JsonDocument.ParseAsync(stream);
        _ = document.RootElement.GetProperty("id").GetString();
    });

    /// <summary>Starts <see cref="Callers"/> workers on the thread pool that take calls from one shared budget.</summary>
    private static async Task RunAsync(Func<Task> call)
    {
        var remaining = Calls;
        var workers = new Task[Callers];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Run(async () =>
            {
                while (Interlocked.Decrement(ref remaining) >= 0)
                {
                    await call();
                }
            });
        }

        await Task.WhenAll(workers);
    }
}
