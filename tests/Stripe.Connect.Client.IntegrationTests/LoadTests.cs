using System.Diagnostics;
using Stripe.Connect.Client.IntegrationTests.Support;

namespace Stripe.Connect.Client.IntegrationTests;

/// <summary>Many concurrent callers through one client and one real handler.</summary>
[NonParallelizable]
public class LoadTests
{
    private const int Callers = 64;
    private const int Calls = 5_000;
    private KestrelServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await KestrelServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [TestCase(null, TestName = "5,000 calls from 64 callers, default handler limit")]
    [TestCase(16, TestName = "5,000 calls from 64 callers, handler limited to 16 connections")]
    public async Task Concurrent_callers_all_succeed_within_the_connection_limit(int? maxConnections)
    {
        // Every 100th request fails with a retryable 500, so retries run under load too.
        _server.Reset((context, index) => index % 100 == 99
            ? KestrelServer.WriteJsonAsync(context, 500, Clients.Error("api_error"))
            : KestrelServer.WriteJsonAsync(context, 200, Clients.LinkJson));
        _server.ResetConnectionCounters();
        using var handler = ConnectClient.CreateDefaultHandler();
        if (maxConnections is { } limit)
        {
            handler.MaxConnectionsPerServer = limit;
        }

        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        using var client = Clients.Create(_server.Address, timeout: TimeSpan.FromSeconds(20), retries: 3, http: http);
        using var done = new CancellationTokenSource();
        var probe = ProbeThreadPoolAsync(done.Token);

        var next = -1;
        var succeeded = 0;
        var watch = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, Callers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Increment(ref next) < Calls)
            {
                var link = await client.AccountLinks.CreateAsync(Clients.LinkRequest());
                if (link.Url.Length > 0)
                {
                    Interlocked.Increment(ref succeeded);
                }
            }
        })).ToArray();
        await Task.WhenAll(callers).WaitAsync(TimeSpan.FromSeconds(120));
        watch.Stop();
        await done.CancelAsync();
        var (maxQueueDelay, maxPending) = await probe;

        var requests = _server.Requests.ToList();
        TestContext.Out.WriteLine(
            $"{Calls} calls in {watch.Elapsed.TotalSeconds:0.0} s; {requests.Count} requests; connections accepted {_server.AcceptedConnections}, "
            + $"peak open {_server.PeakConnections} (limit {handler.MaxConnectionsPerServer}); thread-pool queue delay max {maxQueueDelay.TotalMilliseconds:0} ms, "
            + $"pending work items max {maxPending}");
        Assert.Multiple(() =>
        {
            Assert.That(succeeded, Is.EqualTo(Calls));
            Assert.That(requests.Select(r => r.IdempotencyKey).Distinct().Count(), Is.EqualTo(Calls), "one key per logical call");
            Assert.That(requests, Has.Count.GreaterThan(Calls), "some calls were retried");
            Assert.That(_server.PeakConnections, Is.LessThanOrEqualTo(handler.MaxConnectionsPerServer));
            // Under a limit above the callers (the default 256) the handler may open a connection for a caller's next
            // request while the one that answered its last is still on its way back to the pool: at most one more per
            // caller, never one per call. A limit below the callers holds exactly.
            var bound = Math.Min(2 * Callers, handler.MaxConnectionsPerServer);
            Assert.That(_server.PeakConnections, Is.LessThanOrEqualTo(bound));
            Assert.That(_server.AcceptedConnections, Is.LessThanOrEqualTo(bound), "pooled connections are reused");
            // Starvation shows as work items waiting seconds for a thread; a busy shared machine stays well below.
            Assert.That(maxQueueDelay, Is.LessThan(TimeSpan.FromSeconds(5)), "no thread-pool starvation");
        });
    }

    /// <summary>Every 50 ms, measures how long a new work item waits for a pool thread; stops with the run.</summary>
    private static async Task<(TimeSpan MaxQueueDelay, long MaxPending)> ProbeThreadPoolAsync(CancellationToken stop)
    {
        var maxDelay = TimeSpan.Zero;
        long maxPending = 0;
        for (var i = 0; i < 10_000 && !stop.IsCancellationRequested; i++)
        {
            maxPending = Math.Max(maxPending, ThreadPool.PendingWorkItemCount);
            var queued = Stopwatch.GetTimestamp();
            var started = await Task.Run(Stopwatch.GetTimestamp);
            var delay = Stopwatch.GetElapsedTime(queued, started);
            maxDelay = delay > maxDelay ? delay : maxDelay;
            try
            {
                await Task.Delay(50, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return (maxDelay, maxPending);
    }
}
