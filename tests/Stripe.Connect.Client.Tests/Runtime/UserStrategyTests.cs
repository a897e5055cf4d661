using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Polly;
using Polly.CircuitBreaker;
using Polly.Fallback;
using Polly.Hedging;
using Polly.Retry;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

/// <summary>
/// Polly strategies of the caller's, around the SDK's retry or per attempt: they work, they see typed outcomes, and
/// however they repeat a call, every attempt carries the call's one idempotency key. The SDK's retries have zero
/// backoff here and the clock is a <see cref="FakeTimeProvider"/>, so nothing waits.
/// </summary>
public class UserStrategyTests
{
    private readonly ConcurrentQueue<string?> _keys = new();
    private MockHttpMessageHandler _mock = null!;
    private Func<int, HttpResponseMessage> _answer = null!;
    private int _sent;

    [SetUp]
    public void SetUp()
    {
        _keys.Clear();
        _sent = 0;
        _mock = new MockHttpMessageHandler();
        _mock.When("*").Respond(request =>
        {
            _keys.Enqueue(request.Headers.TryGetValues("Idempotency-Key", out var values) ? values.Single() : null);
            return _answer(Interlocked.Increment(ref _sent) - 1);
        });
    }

    [TearDown]
    public void TearDown() => _mock.Dispose();

    [Test]
    public async Task A_circuit_breaker_around_the_retry_opens_after_a_500_storm_and_closes_again()
    {
        var storm = true;
        _answer = _ => storm ? Status(500) : Ok();
        var time = new FakeTimeProvider();
        using var client = Create(time, o => o.Resilience.AddAroundRetry(b => b.AddCircuitBreaker(Breaker(minimumThroughput: 3))));

        for (var call = 0; call < 3; call++)
        {
            Assert.ThrowsAsync<ApiException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));
        }

        Assert.That(_sent, Is.EqualTo(9), "three calls of three attempts each");
        var rejected = Assert.ThrowsAsync<ApiConnectionException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));
        Assert.Multiple(() =>
        {
            Assert.That(rejected!.InnerException, Is.InstanceOf<BrokenCircuitException>());
            Assert.That(rejected.Message, Does.Contain("stopped by a resilience strategy after 0 attempt(s)"));
            Assert.That(rejected.IdempotencyKey, Is.Not.Null);
            Assert.That(_sent, Is.EqualTo(9), "an open circuit sends nothing");
        });

        storm = false;
        time.Advance(TimeSpan.FromSeconds(31));
        var link = await client.AccountLinks.CreateAsync(TestClients.LinkRequest());
        Assert.That(link.StripeResponse!.Attempts, Is.EqualTo(1), "half-open, one trial call, closed again");
    }

    [Test]
    public void A_circuit_breaker_per_attempt_opens_inside_the_retry_and_stops_it()
    {
        _answer = _ => Status(500);
        using var client = Create(new FakeTimeProvider(), o => o.Resilience.AddPerAttempt(b => b.AddCircuitBreaker(Breaker(minimumThroughput: 2))));

        var error = Assert.ThrowsAsync<ApiConnectionException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.InnerException, Is.InstanceOf<BrokenCircuitException>());
            Assert.That(error.Message, Does.Contain("after 2 attempt(s)"));
            Assert.That(_sent, Is.EqualTo(2), "the third attempt met the open circuit");
            Assert.That(_keys.Distinct().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task The_idempotency_key_stays_the_same_across_the_users_retries_and_the_SDKs()
    {
        // 3 (user, around) x 3 (SDK) x 2 (user, per attempt) attempts: the last one succeeds.
        _answer = index => index < 17 ? Status(500) : Ok();
        using var client = Create(new FakeTimeProvider(), o => o.Resilience
            .AddAroundRetry(b => b.AddRetry(UserRetry()))
            .AddPerAttempt(b => b.AddRetry(UserRetry(maxRetries: 1))));

        var link = await client.AccountLinks.CreateAsync(TestClients.LinkRequest(), new RequestOptions { StripeAccount = "acct_1" });

        Assert.Multiple(() =>
        {
            Assert.That(_sent, Is.EqualTo(18));
            Assert.That(_keys.Distinct().Single(), Is.EqualTo(link.StripeResponse!.IdempotencyKey));
            Assert.That(link.StripeResponse.Attempts, Is.EqualTo(18));
        });
    }

    [Test]
    public async Task Hedged_attempts_carry_the_same_key()
    {
        var first = new TaskCompletionSource<HttpResponseMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        _mock.Clear();
        _mock.When("*").Respond(request =>
        {
            _keys.Enqueue(request.Headers.GetValues("Idempotency-Key").Single());
            return Interlocked.Increment(ref _sent) == 1 ? first.Task : Task.FromResult(Ok());
        });
        using var client = Create(new FakeTimeProvider(), o => o.Resilience.AddPerAttempt(b => b.AddHedging(new HedgingStrategyOptions<StripeEntity>
        {
            Delay = TimeSpan.Zero,
            MaxHedgedAttempts = 1,
        })));

        var link = await client.AccountLinks.CreateAsync(TestClients.LinkRequest());
        first.SetResult(Status(500));

        Assert.Multiple(() =>
        {
            Assert.That(_sent, Is.EqualTo(2), "the primary attempt and one hedge");
            Assert.That(_keys.Distinct().Single(), Is.EqualTo(link.StripeResponse!.IdempotencyKey));
        });
    }

    [Test]
    public async Task Strategies_sit_where_they_were_added_and_see_typed_outcomes()
    {
        _answer = index => index switch
        {
            0 => throw new HttpRequestException("connection reset"),
            1 => Status(503),
            _ => Ok(),
        };
        var around = new ConcurrentQueue<string>();
        var perAttempt = new ConcurrentQueue<string>();
        using var client = Create(new FakeTimeProvider(), o => o.Resilience
            .AddAroundRetry(b => b.AddStrategy(_ => new RecordingStrategy(around), new RecordingOptions()))
            .AddPerAttempt(b => b.AddStrategy(_ => new RecordingStrategy(perAttempt), new RecordingOptions())));

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        Assert.Multiple(() =>
        {
            Assert.That(around, Is.EqualTo(new[] { nameof(AccountLink) }), "once per call, with the call's outcome");
            Assert.That(perAttempt, Is.EqualTo(new[] { nameof(ApiConnectionException), nameof(ApiException), nameof(AccountLink) }), "once per attempt, each failure typed");
        });
    }

    [Test]
    public async Task A_fallback_around_the_retry_may_answer_for_the_call_with_the_right_type_only()
    {
        _answer = _ => Status(500);
        var fallback = new AccountLink { Url = "https://platform.example/try-later" };
        using var client = Create(new FakeTimeProvider(), o => o.Resilience.AddAroundRetry(b => b.AddFallback(new FallbackStrategyOptions<StripeEntity>
        {
            ShouldHandle = new PredicateBuilder<StripeEntity>().Handle<ApiException>(),
            FallbackAction = _ => Outcome.FromResultAsValueTask<StripeEntity>(fallback),
        })));

        var link = await client.AccountLinks.CreateAsync(TestClients.LinkRequest());
        var wrongType = Assert.ThrowsAsync<StripeException>(() => client.Accounts.GetAsync("acct_1"));

        Assert.Multiple(() =>
        {
            Assert.That(link, Is.SameAs(fallback));
            Assert.That(wrongType!.Message, Does.Contain("returned AccountLink").And.Contain("which returns Account"));
        });
    }

    [Test]
    public void Strategies_are_snapshotted_with_the_options_when_the_client_is_made()
    {
        _answer = _ => Status(500);
        var options = new ConnectClientOptions { ApiKey = TestClients.ApiKey, MaxNetworkRetries = 0 };
        using var client = new ConnectClient(options, _mock.ToHttpClient(), null, new FakeTimeProvider());
        options.Resilience.AddAroundRetry(b => b.AddCircuitBreaker(Breaker(minimumThroughput: 2)));

        for (var i = 0; i < 4; i++)
        {
            Assert.ThrowsAsync<ApiException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));
        }

        Assert.That(_sent, Is.EqualTo(4), "a strategy added later is not part of this client");
    }

    [Test]
    public async Task Strategies_added_with_AddConnectClient_after_binding_configuration_are_used()
    {
        _answer = _ => Status(500);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StripeConnect:ApiKey"] = TestClients.ApiKey,
            ["StripeConnect:MaxNetworkRetries"] = "1",
            ["StripeConnect:InitialRetryDelay"] = "00:00:00",
            ["StripeConnect:MaxRetryDelay"] = "00:00:00",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider());
        services.AddConnectClient(configuration.GetSection("StripeConnect"), o => o.Resilience.AddAroundRetry(b => b.AddCircuitBreaker(Breaker(minimumThroughput: 2))))
            .ConfigurePrimaryHttpMessageHandler(() => _mock);
        await using var provider = services.BuildServiceProvider();
        var links = provider.GetRequiredService<AccountLinkService>();

        Assert.ThrowsAsync<ApiException>(() => links.CreateAsync(TestClients.LinkRequest()));
        Assert.ThrowsAsync<ApiException>(() => links.CreateAsync(TestClients.LinkRequest()));
        var rejected = Assert.ThrowsAsync<ApiConnectionException>(() => links.CreateAsync(TestClients.LinkRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(rejected!.InnerException, Is.InstanceOf<BrokenCircuitException>());
            Assert.That(_sent, Is.EqualTo(4), "two calls of two attempts, then the open circuit");
            Assert.That(provider.GetRequiredService<ConnectClient>().Options.MaxNetworkRetries, Is.EqualTo(1), "the section was bound too");
        });
    }

    private ConnectClient Create(TimeProvider time, Action<ConnectClientOptions> configure)
    {
        var options = new ConnectClientOptions
        {
            ApiKey = TestClients.ApiKey,
            InitialRetryDelay = TimeSpan.Zero,
            MaxRetryDelay = TimeSpan.Zero,
        };
        configure(options);
        return new ConnectClient(options, _mock.ToHttpClient(), null, time);
    }

    private static CircuitBreakerStrategyOptions<StripeEntity> Breaker(int minimumThroughput) => new()
    {
        ShouldHandle = new PredicateBuilder<StripeEntity>().Handle<ApiException>().Handle<ApiConnectionException>(),
        FailureRatio = 1.0,
        MinimumThroughput = minimumThroughput,
        SamplingDuration = TimeSpan.FromSeconds(30),
        BreakDuration = TimeSpan.FromSeconds(30),
    };

    private static RetryStrategyOptions<StripeEntity> UserRetry(int maxRetries = 2) => new()
    {
        ShouldHandle = new PredicateBuilder<StripeEntity>().Handle<ApiException>(),
        MaxRetryAttempts = maxRetries,
        Delay = TimeSpan.Zero,
    };

    private static HttpResponseMessage Status(int code) => TestClients.Json((HttpStatusCode)code, TestClients.Error("api_error"));

    private static HttpResponseMessage Ok() => TestClients.Json(HttpStatusCode.OK, TestClients.LinkJson);

    private sealed class RecordingOptions : ResilienceStrategyOptions
    {
    }

    /// <summary>Records the type of each outcome it sees: the result's, or the exception's.</summary>
    private sealed class RecordingStrategy(ConcurrentQueue<string> seen) : ResilienceStrategy<StripeEntity>
    {
        protected override async ValueTask<Outcome<StripeEntity>> ExecuteCore<TState>(Func<ResilienceContext, TState, ValueTask<Outcome<StripeEntity>>> callback, ResilienceContext context, TState state)
        {
            var outcome = await callback(context, state).ConfigureAwait(false);
            seen.Enqueue(outcome.Exception?.GetType().Name ?? outcome.Result!.GetType().Name);
            return outcome;
        }
    }
}
