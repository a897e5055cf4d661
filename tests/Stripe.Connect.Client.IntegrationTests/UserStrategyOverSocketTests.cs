using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Stripe.Connect.Client.IntegrationTests.Support;

namespace Stripe.Connect.Client.IntegrationTests;

/// <summary>A caller's Polly strategies over a real connection: a circuit breaker in a 500 storm, and retries of the caller's own on top of the SDK's, all with one idempotency key per call.</summary>
[NonParallelizable]
public class UserStrategyOverSocketTests
{
    private KestrelServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await KestrelServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public void A_users_circuit_breaker_opens_after_a_500_storm_and_then_sends_nothing()
    {
        _server.Reset((context, _) => KestrelServer.WriteJsonAsync(context, 500, Clients.Error("api_error")));
        var options = Clients.NoDelayOptions(_server.Address);
        options.Resilience.AddAroundRetry(b => b.AddCircuitBreaker(new CircuitBreakerStrategyOptions<StripeEntity>
        {
            ShouldHandle = new PredicateBuilder<StripeEntity>().Handle<ApiException>(),
            FailureRatio = 1.0,
            MinimumThroughput = 4,
            SamplingDuration = TimeSpan.FromMinutes(1),
            BreakDuration = TimeSpan.FromMinutes(1),
        }));
        using var client = new ConnectClient(options);

        for (var call = 0; call < 4; call++)
        {
            Assert.ThrowsAsync<ApiException>(() => client.AccountLinks.CreateAsync(Clients.LinkRequest()));
        }

        var stormed = _server.Requests.ToList();
        var rejected = Assert.ThrowsAsync<ApiConnectionException>(() => client.AccountLinks.CreateAsync(Clients.LinkRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(rejected!.InnerException, Is.InstanceOf<BrokenCircuitException>());
            Assert.That(stormed, Has.Count.EqualTo(12), "four calls of three attempts");
            Assert.That(stormed.GroupBy(r => r.IdempotencyKey).Select(g => g.Count()), Is.EqualTo(new[] { 3, 3, 3, 3 }), "one key per call");
            Assert.That(_server.Requests, Has.Count.EqualTo(12), "the open circuit sent nothing");
        });
    }

    [Test]
    public async Task A_users_retry_around_the_SDKs_keeps_the_calls_one_key()
    {
        _server.Reset((context, index) => index < 5
            ? KestrelServer.WriteJsonAsync(context, 503, Clients.Error("api_error"))
            : KestrelServer.WriteJsonAsync(context, 200, Clients.LinkJson));
        var options = Clients.NoDelayOptions(_server.Address);
        options.Resilience.AddAroundRetry(b => b.AddRetry(new RetryStrategyOptions<StripeEntity>
        {
            ShouldHandle = new PredicateBuilder<StripeEntity>().Handle<ApiException>(),
            MaxRetryAttempts = 1,
            Delay = TimeSpan.Zero,
        }));
        using var client = new ConnectClient(options);

        var link = await client.AccountLinks.CreateAsync(Clients.LinkRequest());

        Assert.Multiple(() =>
        {
            Assert.That(_server.Requests, Has.Count.EqualTo(6), "two rounds of the SDK's three attempts");
            Assert.That(_server.Requests.Select(r => r.IdempotencyKey).Distinct().Single(), Is.EqualTo(link.StripeResponse!.IdempotencyKey));
            Assert.That(_server.Requests.Select(r => r.Body).Distinct().Count(), Is.EqualTo(1), "the same body every time");
        });
    }
}
