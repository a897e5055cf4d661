using System.Net;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

public class IdempotencyAndRetryTests
{
    private MockHttpMessageHandler _mock = null!;
    private readonly List<HttpRequestMessage> _requests = [];

    [SetUp]
    public void SetUp()
    {
        _mock = new MockHttpMessageHandler();
        _requests.Clear();
    }

    [TearDown]
    public void TearDown() => _mock.Dispose();

    private void RespondInOrder(params Func<HttpResponseMessage>[] responses) => ScriptedResponses.Respond(_mock, _requests, responses);

    private static Func<HttpResponseMessage> Status(int code, string? body = null, Action<HttpResponseMessage>? tweak = null) => () =>
    {
        var response = TestClients.Json((HttpStatusCode)code, body ?? TestClients.Error(code >= 500 ? "api_error" : "invalid_request_error"));
        tweak?.Invoke(response);
        return response;
    };

    private static Func<HttpResponseMessage> Ok() => () => TestClients.Json(HttpStatusCode.OK, TestClients.LinkJson);

    private static string Key(HttpRequestMessage r) => r.Headers.GetValues("Idempotency-Key").Single();

    [Test]
    public async Task The_same_generated_key_is_sent_on_every_retry()
    {
        RespondInOrder(Status(500), Status(503), Ok());
        using var client = TestClients.Create(_mock);

        var link = await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        Assert.That(_requests, Has.Count.EqualTo(3));
        Assert.That(_requests.Select(Key).Distinct().Count(), Is.EqualTo(1));
        Assert.That(link.StripeResponse!.Attempts, Is.EqualTo(3));
        Assert.That(link.StripeResponse.IdempotencyKey, Is.EqualTo(Key(_requests[0])));
    }

    [Test]
    public async Task A_caller_key_is_kept_on_every_retry()
    {
        RespondInOrder(Status(429), Ok());
        using var client = TestClients.Create(_mock);

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest(), new RequestOptions { IdempotencyKey = "payout-2026-11-26-acct_1" });

        Assert.That(_requests.Select(Key), Is.EqualTo(new[] { "payout-2026-11-26-acct_1", "payout-2026-11-26-acct_1" }));
    }

    [Test]
    public async Task Each_call_gets_its_own_key()
    {
        RespondInOrder(Ok());
        using var client = TestClients.Create(_mock);

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest());
        await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        Assert.That(Key(_requests[0]), Is.Not.EqualTo(Key(_requests[1])));
    }

    [TestCase(400)]
    [TestCase(401)]
    [TestCase(402)]
    [TestCase(403)]
    [TestCase(404)]
    public void Client_errors_are_not_retried(int status)
    {
        RespondInOrder(Status(status), Ok());
        using var client = TestClients.Create(_mock);

        Assert.ThrowsAsync(Is.InstanceOf<StripeException>(), () => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));
        Assert.That(_requests, Has.Count.EqualTo(1));
    }

    [TestCase(409)]
    [TestCase(429)]
    [TestCase(500)]
    [TestCase(503)]
    public async Task Conflicts_rate_limits_and_server_errors_are_retried(int status)
    {
        RespondInOrder(Status(status, TestClients.Error(status == 409 ? "invalid_request_error" : "api_error", status == 409 ? "lock_timeout" : null)), Ok());
        using var client = TestClients.Create(_mock);

        var link = await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        Assert.That(_requests, Has.Count.EqualTo(2));
        Assert.That(link.Url, Does.StartWith("https://connect.stripe.com"));
    }

    [Test]
    public async Task A_thrown_HttpRequestException_is_retried()
    {
        RespondInOrder(() => throw new HttpRequestException("connection reset"), Ok());
        using var client = TestClients.Create(_mock);

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        Assert.That(_requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void Connection_failures_end_in_ApiConnectionException_after_the_last_attempt()
    {
        RespondInOrder(() => throw new HttpRequestException("connection refused"));
        using var client = TestClients.Create(_mock, o => o.MaxNetworkRetries = 2);

        var ex = Assert.ThrowsAsync<ApiConnectionException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));

        Assert.That(_requests, Has.Count.EqualTo(3));
        Assert.That(ex!.InnerException, Is.InstanceOf<HttpRequestException>());
        Assert.That(ex.IdempotencyKey, Is.EqualTo(Key(_requests[0])));
        Assert.That(ex.Message, Does.Contain("3 attempt"));
    }

    [Test]
    public async Task Stripe_should_retry_true_forces_a_retry_of_a_400()
    {
        RespondInOrder(Status(400, tweak: r => r.Headers.TryAddWithoutValidation("Stripe-Should-Retry", "true")), Ok());
        using var client = TestClients.Create(_mock);

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        Assert.That(_requests, Has.Count.EqualTo(2));
    }

    [Test]
    public void Stripe_should_retry_false_forbids_a_retry_of_a_500()
    {
        RespondInOrder(Status(500, tweak: r => r.Headers.TryAddWithoutValidation("Stripe-Should-Retry", "false")), Ok());
        using var client = TestClients.Create(_mock);

        Assert.ThrowsAsync<ApiException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));
        Assert.That(_requests, Has.Count.EqualTo(1));
    }

    [Test]
    public void No_retries_when_MaxNetworkRetries_is_zero()
    {
        RespondInOrder(Status(500), Ok());
        using var client = TestClients.Create(_mock, o => o.MaxNetworkRetries = 0);

        Assert.ThrowsAsync<ApiException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));
        Assert.That(_requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Backoff_doubles_from_half_a_second_with_jitter_and_stays_within_bounds()
    {
        RespondInOrder(Status(500));
        var time = new InstantTimeProvider();
        using var client = TestClients.Create(_mock, o => o.MaxNetworkRetries = 5, time);

        Assert.ThrowsAsync<ApiException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));
        await Task.Yield();

        var delays = time.Delays.ToArray();
        Assert.That(delays, Has.Length.EqualTo(5));
        for (var retry = 0; retry < delays.Length; retry++)
        {
            var ceiling = Math.Min(0.5 * Math.Pow(2, retry), 5);
            Assert.That(delays[retry].TotalSeconds, Is.InRange(0.5, ceiling), $"retry {retry}");
        }
    }

    [TestCase(0, 0.5, 0.5)]
    [TestCase(1, 0.5, 1.0)]
    [TestCase(2, 1.0, 2.0)]
    [TestCase(5, 2.5, 5.0)]
    [TestCase(20, 2.5, 5.0)]
    public void Backoff_formula_bounds(int retry, double low, double high)
    {
        var min = Http.RetryRules.Backoff(retry, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(5), 0.0);
        var max = Http.RetryRules.Backoff(retry, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(5), 0.999999);
        Assert.That(min.TotalSeconds, Is.EqualTo(low).Within(0.001));
        Assert.That(max.TotalSeconds, Is.EqualTo(high).Within(0.001));
    }

    [Test]
    public async Task Retry_after_is_honoured()
    {
        RespondInOrder(Status(429, tweak: r => r.Headers.TryAddWithoutValidation("Retry-After", "7")), Ok());
        var time = new InstantTimeProvider();
        using var client = TestClients.Create(_mock, time: time);

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        Assert.That(time.Delays, Is.EqualTo(new[] { TimeSpan.FromSeconds(7) }));
    }

    [Test]
    public async Task Cancellation_during_the_backoff_stops_the_call()
    {
        RespondInOrder(Status(500), Ok());
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var client = TestClients.Create(_mock, time: time);
        using var cts = new CancellationTokenSource();

        var call = client.AccountLinks.CreateAsync(TestClients.LinkRequest(), cancellationToken: cts.Token);
        while (_requests.Count == 0)
        {
            await Task.Yield();
        }

        await cts.CancelAsync();

        Assert.That(async () => await call, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(_requests, Has.Count.EqualTo(1), "no attempt after cancellation");
    }

    [Test]
    public async Task An_attempt_that_times_out_is_retried_then_reported_as_a_connection_error()
    {
        using var hanging = new HangingHandler();
        _mock.When("*").Respond(hanging);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var client = TestClients.Create(_mock, o => { o.MaxNetworkRetries = 1; o.Timeout = TimeSpan.FromSeconds(10); }, time);

        var call = client.AccountLinks.CreateAsync(TestClients.LinkRequest());
        for (var i = 0; i < 200 && !call.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        var ex = Assert.ThrowsAsync<ApiConnectionException>(async () => await call);
        Assert.That(hanging.Count, Is.EqualTo(2));
        Assert.That(ex!.Message, Does.Contain("timed out"));
    }
}
