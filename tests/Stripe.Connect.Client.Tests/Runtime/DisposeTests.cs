using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

/// <summary>After <c>Dispose</c>, a client refuses every call the same way, whichever constructor made it.</summary>
public class DisposeTests
{
    public enum Construction
    {
        ApiKey,
        Options,
        OptionsAndHttpClient,
        OptionsHttpClientLoggerAndClock,
        HandlerOwned,
        HandlerNotOwned,
        DependencyInjection,
    }

    [Test]
    public async Task Every_call_after_Dispose_throws_ObjectDisposedException_naming_ConnectClient([Values] Construction construction)
    {
        using var mock = new MockHttpMessageHandler();
        var sent = 0;
        mock.When("*").Respond(_ =>
        {
            Interlocked.Increment(ref sent);
            return TestClients.Json(HttpStatusCode.OK, TestClients.LinkJson);
        });
        var (client, dispose) = Build(construction, mock);

        dispose();

        var calls = new Func<Task>[]
        {
            () => client.AccountLinks.CreateAsync(TestClients.LinkRequest()),
            () => client.Accounts.GetAsync("acct_1"),
            () => client.RawRequestAsync(HttpMethod.Get, "/v1/balance", null),
            async () =>
            {
                await foreach (var _ in client.ApplicationFees.ListAutoPagingAsync(new ApplicationFeeListRequest()))
                {
                }
            },
        };
        foreach (var call in calls)
        {
            var error = Assert.ThrowsAsync<ObjectDisposedException>(() => call());
            Assert.That(error!.ObjectName, Is.EqualTo("ConnectClient"));
        }

        Assert.That(sent, Is.Zero, "nothing is sent after Dispose");
        dispose();
        await Task.CompletedTask;
    }

    [Test]
    public async Task A_call_in_flight_during_Dispose_ends_without_another_attempt()
    {
        using var hanging = new HangingHandler();
        var time = new FakeTimeProvider();
        var client = new ConnectClient(new ConnectClientOptions { ApiKey = TestClients.ApiKey, MaxNetworkRetries = 5 }, hanging, disposeHandler: false, timeProvider: time);

        var call = client.AccountLinks.CreateAsync(TestClients.LinkRequest());
        await WaitUntil(() => hanging.Count == 1);
        client.Dispose();

        var error = Assert.ThrowsAsync<ObjectDisposedException>(async () => await call);
        Assert.Multiple(() =>
        {
            Assert.That(error!.ObjectName, Is.EqualTo("ConnectClient"));
            Assert.That(error.Message, Does.Contain("POST /v1/account_links").And.Contain("no further attempt"));
            Assert.That(hanging.Count, Is.EqualTo(1), "the call ended; no retry was sent");
        });
    }

    [Test]
    public async Task A_call_waiting_for_its_retry_during_Dispose_ends_without_another_attempt()
    {
        using var mock = new MockHttpMessageHandler();
        var sent = 0;
        mock.When("*").Respond(_ =>
        {
            Interlocked.Increment(ref sent);
            return TestClients.Json(HttpStatusCode.ServiceUnavailable, TestClients.Error("api_error"));
        });
        var time = new RetryWaitClock();
        var client = TestClients.Create(mock, o => o.MaxNetworkRetries = 5, time);

        var call = client.AccountLinks.CreateAsync(TestClients.LinkRequest());
        // Not "once the 503 was sent": the call must have read it and be waiting out the backoff. Disposed earlier,
        // the call reports the 503 itself, the answer that arrived first.
        await WaitUntil(() => time.BackoffsStarted == 1);
        client.Dispose();
        time.Advance(TimeSpan.FromMinutes(5));

        var error = Assert.ThrowsAsync<ObjectDisposedException>(async () => await call);
        Assert.That(error!.ObjectName, Is.EqualTo("ConnectClient"));
        Assert.That(sent, Is.EqualTo(1));
    }

    [Test]
    public async Task A_call_queued_behind_the_rate_limiter_during_Dispose_ends_with_ObjectDisposedException()
    {
        using var hanging = new HangingHandler();
        var time = new FakeTimeProvider();
        var client = new ConnectClient(new ConnectClientOptions { ApiKey = TestClients.ApiKey, MaxRequestsPerSecond = 1 }, hanging, disposeHandler: false, timeProvider: time);

        var first = client.AccountLinks.CreateAsync(TestClients.LinkRequest());
        var second = client.AccountLinks.CreateAsync(TestClients.LinkRequest());
        await WaitUntil(() => hanging.Count == 1);
        client.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(Assert.ThrowsAsync<ObjectDisposedException>(async () => await first)!.ObjectName, Is.EqualTo("ConnectClient"));
            Assert.That(Assert.ThrowsAsync<ObjectDisposedException>(async () => await second)!.ObjectName, Is.EqualTo("ConnectClient"));
            Assert.That(hanging.Count, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_caller_cancelling_stays_a_cancellation_not_a_disposal()
    {
        using var hanging = new HangingHandler();
        using var client = new ConnectClient(new ConnectClientOptions { ApiKey = TestClients.ApiKey }, hanging, disposeHandler: false, timeProvider: new FakeTimeProvider());
        using var cts = new CancellationTokenSource();

        var call = client.AccountLinks.CreateAsync(TestClients.LinkRequest(), cancellationToken: cts.Token);
        await WaitUntil(() => hanging.Count == 1);
        await cts.CancelAsync();

        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(hanging.Count, Is.EqualTo(1));
    }

    private static (ConnectClient Client, Action Dispose) Build(Construction construction, MockHttpMessageHandler mock)
    {
        var options = new ConnectClientOptions { ApiKey = TestClients.ApiKey };
        switch (construction)
        {
            case Construction.ApiKey:
                {
                    var client = new ConnectClient(TestClients.ApiKey);
                    return (client, client.Dispose);
                }

            case Construction.Options:
                {
                    var client = new ConnectClient(options);
                    return (client, client.Dispose);
                }

            case Construction.OptionsAndHttpClient:
                {
                    var client = new ConnectClient(options, mock.ToHttpClient());
                    return (client, client.Dispose);
                }

            case Construction.OptionsHttpClientLoggerAndClock:
                {
                    var client = new ConnectClient(options, mock.ToHttpClient(), null, new FakeTimeProvider());
                    return (client, client.Dispose);
                }

            case Construction.HandlerOwned:
            case Construction.HandlerNotOwned:
                {
                    var client = new ConnectClient(options, mock, disposeHandler: construction == Construction.HandlerOwned);
                    return (client, client.Dispose);
                }

            default:
                {
                    var services = new ServiceCollection();
                    services.AddConnectClient(o => o.ApiKey = TestClients.ApiKey).ConfigurePrimaryHttpMessageHandler(() => mock);
                    var provider = services.BuildServiceProvider();
                    var client = provider.GetRequiredService<ConnectClient>();
                    return (client, provider.Dispose);
                }
        }
    }

    /// <summary>A fake clock that counts the timers short enough to be a retry's backoff (attempt time-outs are 80 s).</summary>
    private sealed class RetryWaitClock : FakeTimeProvider
    {
        private int _backoffs;

        public int BackoffsStarted => Volatile.Read(ref _backoffs);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            if (dueTime > TimeSpan.Zero && dueTime < TimeSpan.FromSeconds(30))
            {
                Interlocked.Increment(ref _backoffs);
            }

            return timer;
        }
    }

    /// <summary>
    /// Yields (no sleeping) until the condition holds; the work it waits for runs on the thread pool. The budget is
    /// wall-clock time, not a count of yields: in a fresh test process the first retry also compiles Polly's pipeline.
    /// </summary>
    private static async Task WaitUntil(Func<bool> condition)
    {
        var budget = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && budget.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Yield();
        }

        Assert.That(condition(), Is.True, "the condition was never met");
    }
}
