using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Stripe.Connect.Client.V2.Core.Tests;

/// <summary>
/// The thin event envelope is read in one forward pass: what it skips, what it refuses, and which of a repeated
/// member it keeps, each checked through the public entry point on a signed payload.
/// </summary>
public class ThinEventEnvelopeTests
{
    private const string Secret = "whsec_envelope_test";
    private static readonly DateTimeOffset Now = new(2026, 10, 30, 9, 41, 30, TimeSpan.Zero);

    private static EventNotification Parse(string payload)
    {
        var t = Now.ToUnixTimeSeconds();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{t}.{payload}")));
        return StripeWebhook.ParseEventNotification(payload, $"t={t},v1={signature}", Secret, StripeWebhook.DefaultTolerance, new FakeTimeProvider(Now));
    }

    [Test]
    public void Unknown_members_of_any_shape_are_skipped_wherever_they_are()
    {
        var n = Parse("""
            {"data":{"nested":[1,{"id":"not_this"}]},"id":"evt_1","object":"v2.core.event","changes":null,
             "type":"v2.core.account.updated","reason":{"extra":[{"type":"no"}],"type":"request","request":{"x":{"id":"no"},"id":"req_1"}},
             "related_object":{"type":"v2.core.account","more":true,"id":"acct_1"},"livemode":true}
            """);

        Assert.Multiple(() =>
        {
            Assert.That(n, Is.TypeOf<V2CoreAccountUpdatedEventNotification>());
            Assert.That(n.Id, Is.EqualTo("evt_1"));
            Assert.That(n.Livemode, Is.True);
            Assert.That(n.Reason!.Type, Is.EqualTo("request"));
            Assert.That(n.Reason.Request!.Id, Is.EqualTo("req_1"));
            Assert.That(n.Reason.Request.IdempotencyKey, Is.Null);
            Assert.That(n.RelatedObject!.Id, Is.EqualTo("acct_1"));
            Assert.That(n.RelatedObject.Url, Is.Null);
            Assert.That(n.Context, Is.Null);
            Assert.That(n.Created, Is.EqualTo(default(DateTimeOffset)), "no created member");
        });
    }

    [Test]
    public void Values_of_the_wrong_kind_read_as_absent()
    {
        var n = Parse("""{"id":"evt_1","object":"v2.core.event","type":"v2.core.account.updated","context":7,"created":"yesterday","livemode":"true","reason":"request","related_object":[]}""");

        Assert.Multiple(() =>
        {
            Assert.That(n.Context, Is.Null);
            Assert.That(n.Created, Is.EqualTo(default(DateTimeOffset)));
            Assert.That(n.Livemode, Is.False);
            Assert.That(n.Reason, Is.Null);
            Assert.That(n.RelatedObject, Is.Null);
        });
    }

    [Test]
    public void A_repeated_member_keeps_its_last_value()
    {
        var n = Parse("""{"id":"evt_old","object":"v2.core.event","type":"v2.core.account.updated","id":"evt_new","context":"acct_1","context":null}""");

        Assert.Multiple(() =>
        {
            Assert.That(n.Id, Is.EqualTo("evt_new"));
            Assert.That(n.Context, Is.Null);
        });
    }

    [TestCase("""{"id":"evt_1","object":"v2.core.event","type":"v2.core.account.updated"} {}""", TestName = "Two JSON values")]
    [TestCase("""{"id":"evt_1","object":"v2.core.event","type":"v2.core.account.updated",""", TestName = "A truncated object")]
    [TestCase("""{"id":"evt_1","object":"v2.core.event","type":"v2.core.account.updated","reason":{"type":"request"}""", TestName = "A truncated nested object")]
    [TestCase("", TestName = "An empty body")]
    [TestCase("""["v2.core.event"]""", TestName = "An array")]
    [TestCase("""{"object":"v2.core.event","type":"v2.core.account.updated"}""", TestName = "No id")]
    [TestCase("""{"id":"evt_1","object":"v2.core.event","type":""}""", TestName = "An empty type")]
    [TestCase("""{"id":"evt_1","object":"v2.core.events","type":"v2.core.account.updated"}""", TestName = "Another object")]
    public void A_payload_that_is_not_one_thin_event_is_refused_as_invalid(string payload)
    {
        var ex = Assert.Throws<SignatureVerificationException>(() => Parse(payload));

        Assert.That(ex!.Reason, Is.EqualTo(SignatureVerificationFailure.InvalidPayload));
    }
}
