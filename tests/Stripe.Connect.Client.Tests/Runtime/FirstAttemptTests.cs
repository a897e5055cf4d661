using System.Net;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

/// <summary>
/// Without a caller's strategy or a rate limiter, the first attempt runs without Polly and the retry pipeline is
/// built only for a retry. These tests pin that, and that a retry after such a first attempt is the same retry.
/// </summary>
public class FirstAttemptTests
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

    private void RespondInOrder(params HttpStatusCode[] statuses) =>
        ScriptedResponses.Respond(_mock, _requests, [.. statuses.Select(status => (Func<HttpResponseMessage>)(() => status == HttpStatusCode.OK
            ? TestClients.Json(status, TestClients.LinkJson)
            : TestClients.Json(status, TestClients.Error("api_error"))))]);

    private static string Key(HttpRequestMessage r) => r.Headers.GetValues("Idempotency-Key").Single();

    [Test]
    public async Task A_first_attempt_that_succeeds_never_builds_the_pipeline()
    {
        RespondInOrder(HttpStatusCode.OK);
        using var client = TestClients.Create(_mock);
        Assert.That(client.Pipeline.Resilience.RunsFirstAttemptDirectly, Is.True);

        var first = await client.AccountLinks.CreateAsync(TestClients.LinkRequest());
        var second = await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        Assert.Multiple(() =>
        {
            Assert.That(client.Pipeline.Resilience.IsPipelineBuilt, Is.False);
            Assert.That(first.StripeResponse!.Attempts, Is.EqualTo(1));
            Assert.That(second.StripeResponse!.Attempts, Is.EqualTo(1));
            Assert.That(_requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task A_retry_after_a_direct_first_attempt_sends_the_same_key_and_counts_every_attempt()
    {
        RespondInOrder(HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK);
        var time = new InstantTimeProvider();
        using var client = TestClients.Create(_mock, o => o.InitialRetryDelay = TimeSpan.FromSeconds(1), time);

        var link = await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        Assert.Multiple(() =>
        {
            Assert.That(client.Pipeline.Resilience.IsPipelineBuilt, Is.True, "built for the retry");
            Assert.That(_requests, Has.Count.EqualTo(3), "the first attempt is not sent twice");
            Assert.That(_requests.Select(Key).Distinct().Count(), Is.EqualTo(1));
            Assert.That(link.StripeResponse!.Attempts, Is.EqualTo(3));
            Assert.That(link.StripeResponse.IdempotencyKey, Is.EqualTo(Key(_requests[0])));
            Assert.That(time.Delays, Has.Count.EqualTo(2), "one backoff per retry, the first one for retry 1");
        });
    }

    [Test]
    public void A_direct_first_attempt_that_fails_is_retried_up_to_the_limit_and_reports_every_attempt()
    {
        RespondInOrder(HttpStatusCode.InternalServerError);
        using var client = TestClients.Create(_mock, o => o.MaxNetworkRetries = 2);

        var ex = Assert.ThrowsAsync<ApiException>(async () => await client.AccountLinks.CreateAsync(TestClients.LinkRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(ex!.HttpStatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(_requests, Has.Count.EqualTo(3));
            Assert.That(_requests.Select(Key).Distinct().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public void A_first_failure_that_is_not_retried_never_builds_the_pipeline()
    {
        var index = 0;
        _mock.When("*").Respond(_ =>
        {
            Interlocked.Increment(ref index);
            return TestClients.Json(HttpStatusCode.BadRequest, TestClients.Error("invalid_request_error", "parameter_missing", "account"));
        });
        using var client = TestClients.Create(_mock);

        Assert.ThrowsAsync<InvalidRequestException>(async () => await client.AccountLinks.CreateAsync(TestClients.LinkRequest()));
        Assert.Multiple(() =>
        {
            Assert.That(index, Is.EqualTo(1));
            Assert.That(client.Pipeline.Resilience.IsPipelineBuilt, Is.False);
        });
    }

    [Test]
    public void A_call_cancelled_before_it_starts_sends_nothing()
    {
        RespondInOrder(HttpStatusCode.OK);
        using var client = TestClients.Create(_mock);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.That(async () => await client.AccountLinks.CreateAsync(TestClients.LinkRequest(), cancellationToken: cancelled.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(_requests, Is.Empty);
    }

    [Test]
    public async Task A_direct_first_attempt_that_times_out_gives_up_at_the_time_out_of_the_options()
    {
        using var hanging = new HangingHandler();
        _mock.When("*").Respond(hanging);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var client = TestClients.Create(_mock, o => { o.MaxNetworkRetries = 0; o.Timeout = TimeSpan.FromSeconds(10); }, time);

        var call = client.AccountLinks.CreateAsync(TestClients.LinkRequest());
        while (hanging.Count == 0)
        {
            await Task.Yield();
        }

        time.Advance(TimeSpan.FromSeconds(9));
        await Task.Yield();
        Assert.That(call.IsCompleted, Is.False, "still within the time-out");
        for (var i = 0; i < 200 && !call.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        var ex = Assert.ThrowsAsync<ApiConnectionException>(async () => await call);
        Assert.That(ex!.Message, Does.Contain("timed out").And.Contain("after 1 attempt(s)"));
        Assert.That(client.Pipeline.Resilience.IsPipelineBuilt, Is.False);
    }

    [Test]
    public void A_caller_strategy_or_a_rate_limit_keeps_every_attempt_in_the_pipeline_built_with_the_client()
    {
        using var withStrategy = TestClients.Create(_mock, o => o.Resilience.AddPerAttempt(_ => { }));
        using var withLimit = TestClients.Create(_mock, o => o.MaxRequestsPerSecond = 10);

        Assert.Multiple(() =>
        {
            Assert.That(withStrategy.Pipeline.Resilience.RunsFirstAttemptDirectly, Is.False);
            Assert.That(withStrategy.Pipeline.Resilience.IsPipelineBuilt, Is.True);
            Assert.That(withLimit.Pipeline.Resilience.RunsFirstAttemptDirectly, Is.False);
            Assert.That(withLimit.Pipeline.Resilience.IsPipelineBuilt, Is.True);
        });
    }

    [Test]
    public void A_time_out_polly_refuses_still_fails_when_the_client_is_created()
    {
        Assert.That(() => TestClients.Create(_mock, o => o.Timeout = TimeSpan.FromMilliseconds(5)), Throws.Exception);
    }
}
