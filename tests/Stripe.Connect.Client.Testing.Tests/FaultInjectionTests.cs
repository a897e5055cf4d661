using System.Net;

namespace Stripe.Connect.Client.Testing.Tests;

public class FaultInjectionTests : ApiTestBase
{
    [Test]
    public async Task Next_requests_fail_with_the_given_status_then_recover()
    {
        Api.Faults.FailNext(2, HttpStatusCode.InternalServerError);

        var first = await Get("/v1/accounts");
        var second = await Get("/v1/accounts");
        var third = await Get("/v1/accounts");

        Assert.Multiple(() =>
        {
            AssertError(first, HttpStatusCode.InternalServerError, "api_error", null, null);
            Assert.That(second.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(third.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(first.Headers["Request-Id"], Does.StartWith("req_"));
            Assert.That(Api.Faults.Pending, Is.Zero);
        });
    }

    [Test]
    public async Task Rate_limit_and_lock_timeout_are_stripe_shaped()
    {
        Api.Faults.FailNext(1, HttpStatusCode.TooManyRequests);
        Api.Faults.FailNextWithLockTimeout(1);

        var limited = await Get("/v1/accounts");
        var locked = await Get("/v1/accounts");

        AssertError(limited, HttpStatusCode.TooManyRequests, "invalid_request_error", "rate_limit", null);
        AssertError(locked, HttpStatusCode.Conflict, "invalid_request_error", "lock_timeout", null);
        Assert.That(locked.Headers["Stripe-Should-Retry"], Is.EqualTo("true"));
    }

    [Test]
    public async Task A_fault_can_target_one_path()
    {
        Api.Faults.FailNext(1, HttpStatusCode.ServiceUnavailable, "/v1/transfers");

        var other = await Get("/v1/accounts");
        var target = await Get("/v1/transfers");
        var afterwards = await Get("/v1/transfers");

        Assert.That(other.Status, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(target.Status, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(afterwards.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Failed_requests_change_nothing()
    {
        Api.Faults.FailNext(1, HttpStatusCode.InternalServerError);

        var failed = await Post("/v1/topups", "amount=100&currency=usd", idempotencyKey: "retry-me");
        var retried = await Post("/v1/topups", "amount=100&currency=usd", idempotencyKey: "retry-me");

        Assert.That(failed.Status, Is.EqualTo(HttpStatusCode.InternalServerError));
        Assert.That(retried.Headers.ContainsKey("Idempotent-Replayed"), Is.False);
        Assert.That((await Get("/v1/topups")).Ids, Has.Count.EqualTo(1));
    }

    [Test]
    public void Dropped_connection_throws_HttpRequestException_with_IOException()
    {
        Api.Faults.DropNextConnections(1);

        var error = Assert.ThrowsAsync<HttpRequestException>(() => Get("/v1/accounts"));

        Assert.That(error!.InnerException, Is.InstanceOf<IOException>());
        Assert.That(Api.Requests.Single().StatusCode, Is.Null);
    }

    [Test]
    public async Task Connection_dropped_after_processing_can_be_retried_with_the_same_key()
    {
        Api.Faults.DropNextConnections(1, "/v1/topups", afterProcessing: true);

        Assert.ThrowsAsync<HttpRequestException>(() => Post("/v1/topups", "amount=100&currency=usd", idempotencyKey: "k"));
        var retried = await Post("/v1/topups", "amount=100&currency=usd", idempotencyKey: "k");

        Assert.That(retried.Headers["Idempotent-Replayed"], Is.EqualTo("true"));
        Assert.That((await Get("/v1/topups")).Ids, Is.EqualTo(new[] { retried.Str("id") }));
        Assert.That(Api.Requests.Select(r => r.IdempotencyKey).Take(2), Is.EqualTo(new[] { "k", "k" }));
    }

    [Test]
    public void Bad_fault_arguments_are_refused()
    {
        Assert.That(() => Api.Faults.FailNext(0, HttpStatusCode.InternalServerError), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => Api.Faults.FailNext(1, HttpStatusCode.OK), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => Api.Faults.DropNextConnections(1, "v1/transfers"), Throws.ArgumentException);
    }
}
