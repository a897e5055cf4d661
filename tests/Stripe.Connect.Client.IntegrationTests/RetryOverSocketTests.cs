using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Stripe.Connect.Client.IntegrationTests.Support;

namespace Stripe.Connect.Client.IntegrationTests;

/// <summary>Retryable answers and slow headers from a real Kestrel server, through the shared pooled handler.</summary>
public class RetryOverSocketTests
{
    private KestrelServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await KestrelServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [TestCase(500, "api_error", null, TestName = "500 then 200")]
    [TestCase(429, "rate_limit_error", "rate_limit", TestName = "429 then 200")]
    [TestCase(409, "invalid_request_error", "lock_timeout", TestName = "409 lock_timeout then 200")]
    public async Task A_retryable_answer_then_200_succeeds_with_one_idempotency_key_per_call(int status, string type, string? code)
    {
        // Every logical POST fails once, then succeeds: odd requests fail, even ones succeed.
        _server.Reset((context, index) => index % 2 == 0
            ? KestrelServer.WriteJsonAsync(context, status, Clients.Error(type, code))
            : KestrelServer.WriteJsonAsync(context, 200, Clients.LinkJson));
        using var client = Clients.Create(_server.Address);

        const int Calls = 3;
        for (var i = 0; i < Calls; i++)
        {
            var link = await client.AccountLinks.CreateAsync(Clients.LinkRequest());
            Assert.That(link.StripeResponse!.Attempts, Is.EqualTo(2));
        }

        var seen = _server.Requests.ToList();
        var perKey = seen.GroupBy(r => r.IdempotencyKey).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(seen, Has.Count.EqualTo(2 * Calls));
            Assert.That(seen.Select(r => r.IdempotencyKey), Has.All.Not.Null.And.All.Not.Empty);
            Assert.That(perKey, Has.Count.EqualTo(Calls), "one distinct idempotency key per logical POST");
            Assert.That(perKey.Select(g => g.Count()), Has.All.EqualTo(2), "the retry reuses its call's key");
            Assert.That(seen.Select(r => r.Body).Distinct().Count(), Is.EqualTo(1), "the retry sends the same body");
        });
    }

    [Test]
    public async Task Two_retryable_answers_then_200_succeed_on_the_last_attempt()
    {
        _server.Reset((context, index) => index < 2
            ? KestrelServer.WriteJsonAsync(context, 503, Clients.Error("api_error"))
            : KestrelServer.WriteJsonAsync(context, 200, Clients.LinkJson));
        using var client = Clients.Create(_server.Address, retries: 2);

        var link = await client.AccountLinks.CreateAsync(Clients.LinkRequest());

        Assert.Multiple(() =>
        {
            Assert.That(link.StripeResponse!.Attempts, Is.EqualTo(3));
            Assert.That(_server.Requests.Select(r => r.IdempotencyKey).Distinct().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Headers_slower_than_the_attempt_time_out_abandon_the_attempt_and_retry()
    {
        _server.Reset(async (context, index) =>
        {
            if (index == 0)
            {
                await DelayUntilAbortedAsync(context, TimeSpan.FromSeconds(30));
                return;
            }

            await KestrelServer.WriteJsonAsync(context, 200, Clients.LinkJson);
        });
        using var client = Clients.Create(_server.Address, timeout: TimeSpan.FromMilliseconds(300));

        var watch = Stopwatch.StartNew();
        var link = await client.AccountLinks.CreateAsync(Clients.LinkRequest());
        watch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(link.StripeResponse!.Attempts, Is.EqualTo(2));
            Assert.That(_server.Requests.Select(r => r.IdempotencyKey).Distinct().Count(), Is.EqualTo(1));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)), "far below the server's 30 s delay");
        });
    }

    [Test]
    public async Task Headers_that_never_come_in_time_end_in_ApiConnectionException_within_the_bounded_total()
    {
        _server.Reset((context, _) => DelayUntilAbortedAsync(context, TimeSpan.FromSeconds(30)));
        var timeout = TimeSpan.FromMilliseconds(300);
        using var client = Clients.Create(_server.Address, timeout: timeout, retries: 2);

        var watch = Stopwatch.StartNew();
        var error = Assert.ThrowsAsync<ApiConnectionException>(() => client.AccountLinks.CreateAsync(Clients.LinkRequest()));
        watch.Stop();

        // Three attempts of 300 ms plus two retry delays of at most 5 ms; the bound leaves room for a busy machine.
        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("timed out").And.Contain("3 attempt(s)"));
            Assert.That(error.IdempotencyKey, Is.Not.Null);
            Assert.That(watch.Elapsed, Is.GreaterThanOrEqualTo(3 * timeout - TimeSpan.FromMilliseconds(50)));
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(10)));
        });
        await WaitForAsync(() => _server.Requests.Count >= 3);
        Assert.That(_server.Requests.Select(r => r.IdempotencyKey).Distinct().Single(), Is.EqualTo(error!.IdempotencyKey));
    }

    private static async Task DelayUntilAbortedAsync(HttpContext context, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted);
            await KestrelServer.WriteJsonAsync(context, 200, Clients.LinkJson);
        }
        catch (OperationCanceledException)
        {
            // The client gave up on this attempt and closed the connection.
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(20);
        }
    }
}
