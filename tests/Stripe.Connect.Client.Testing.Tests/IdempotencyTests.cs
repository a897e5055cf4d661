using System.Net;

namespace Stripe.Connect.Client.Testing.Tests;

public class IdempotencyTests : ApiTestBase
{
    [Test]
    public async Task Same_key_and_parameters_replay_the_first_response()
    {
        var first = await Post("/v1/topups", "amount=100&currency=usd", idempotencyKey: "key-1");
        var second = await Post("/v1/topups", "amount=100&currency=usd", idempotencyKey: "key-1");
        var list = await Get("/v1/topups");

        Assert.Multiple(() =>
        {
            Assert.That(second.Json.ToJsonString(), Is.EqualTo(first.Json.ToJsonString()));
            Assert.That(first.Headers.ContainsKey("Idempotent-Replayed"), Is.False);
            Assert.That(second.Headers["Idempotent-Replayed"], Is.EqualTo("true"));
            Assert.That(second.Headers["Original-Request"], Is.EqualTo(first.Headers["Request-Id"]));
            Assert.That(list.Ids, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public async Task Same_key_with_other_parameters_is_an_idempotency_error()
    {
        await Post("/v1/topups", "amount=100&currency=usd", idempotencyKey: "key-1");

        var reply = await Post("/v1/topups", "amount=200&currency=usd", idempotencyKey: "key-1");

        AssertError(reply, HttpStatusCode.BadRequest, "idempotency_error", null, null);
        Assert.That((await Get("/v1/topups")).Ids, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Execution_errors_are_replayed_but_validation_errors_are_not_kept()
    {
        var invalid = await Post("/v1/topups", "amount=abc&currency=usd", idempotencyKey: "key-v");
        var fixedRequest = await Post("/v1/topups", "amount=100&currency=usd", idempotencyKey: "key-v");
        var missing = await Post("/v1/transfers/tr_missing/reversals", "amount=1", idempotencyKey: "key-m");
        var missingAgain = await Post("/v1/transfers/tr_missing/reversals", "amount=1", idempotencyKey: "key-m");

        Assert.Multiple(() =>
        {
            Assert.That(invalid.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(fixedRequest.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(missing.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(missingAgain.Headers["Idempotent-Replayed"], Is.EqualTo("true"));
        });
    }

    [Test]
    public async Task Keys_are_scoped_to_the_connected_account()
    {
        var a = await CreateAccount();

        var platform = await Post("/v1/topups", "amount=100&currency=usd", idempotencyKey: "shared");
        var connected = await Post("/v1/topups", "amount=100&currency=usd", account: a, idempotencyKey: "shared");

        Assert.That(connected.Str("id"), Is.Not.EqualTo(platform.Str("id")));
        Assert.That(connected.Headers.ContainsKey("Idempotent-Replayed"), Is.False);
    }

    [Test]
    public async Task Keys_expire_after_24_hours()
    {
        var first = await Post("/v1/topups", "amount=100&currency=usd", idempotencyKey: "old");
        Time.Advance(TimeSpan.FromHours(25));

        var second = await Post("/v1/topups", "amount=100&currency=usd", idempotencyKey: "old");

        Assert.That(second.Str("id"), Is.Not.EqualTo(first.Str("id")));
    }
}
