using System.Text.Json;
using static Stripe.Connect.Client.Tests.Webhooks.WebhookTestData;

namespace Stripe.Connect.Client.Tests.Webhooks;

public class StripeEventTypeTests
{
    [TestCase("account.updated")]
    [TestCase("account.application.deauthorized")]
    [TestCase("account.external_account.deleted")]
    [TestCase("capability.updated")]
    [TestCase("person.created")]
    [TestCase("application_fee.refund.updated")]
    [TestCase("topup.reversed")]
    [TestCase("transfer.reversed")]
    public void Connect_event_types_are_known_values(string wire)
    {
        var type = StripeEventType.FromWire(wire);
        Assert.Multiple(() =>
        {
            Assert.That(type.IsKnown, Is.True);
            Assert.That(type.Value, Is.EqualTo(wire));
            Assert.That(StripeEventType.TryFromKnownUtf8(System.Text.Encoding.UTF8.GetBytes(wire), out var fromBytes), Is.True);
            Assert.That(fromBytes, Is.EqualTo(type));
        });
    }

    [Test]
    public void Known_values_compare_equal_to_their_wire_strings()
    {
        Assert.Multiple(() =>
        {
            Assert.That(StripeEventType.FromWire("person.deleted"), Is.EqualTo(StripeEventType.PersonDeleted));
            Assert.That((StripeEventType)"topup.succeeded" == StripeEventType.TopupSucceeded, Is.True);
            Assert.That(StripeEventType.TransferCreated != StripeEventType.TransferUpdated, Is.True);
            Assert.That(default(StripeEventType).IsKnown, Is.False);
            Assert.That(default(StripeEventType).Value, Is.Empty);
        });
    }

    [Test]
    public void An_unknown_event_type_stays_readable()
    {
        var payload = EventJson(type: "payment_intent.succeeded", objectJson: """{"id":"pi_1","object":"payment_intent","amount":100}""");

        var evt = StripeWebhook.ConstructEvent(payload, Header(payload), [EndpointSecret], null, Clock());

        Assert.Multiple(() =>
        {
            Assert.That(evt.Type.IsKnown, Is.False);
            Assert.That(evt.Type.Value, Is.EqualTo("payment_intent.succeeded"));
            Assert.That(evt.Type, Is.EqualTo(new StripeEventType("payment_intent.succeeded")));
            Assert.That(evt.Data.Object, Is.TypeOf<StripeObject>());
            var generic = (StripeObject)evt.Data.Object;
            Assert.That(generic.Id, Is.EqualTo("pi_1"));
            Assert.That(generic.Object, Is.EqualTo("payment_intent"));
            Assert.That(generic.Json.GetProperty("amount").GetInt32(), Is.EqualTo(100));
        });
    }

    [Test]
    public void An_event_type_round_trips_through_json()
    {
        var json = JsonSerializer.Serialize(StripeEventType.CapabilityUpdated, WebhookJsonContextForTests.Default.StripeEventType);

        Assert.Multiple(() =>
        {
            Assert.That(json, Is.EqualTo("\"capability.updated\""));
            Assert.That(JsonSerializer.Deserialize("\"charge.refunded\"", WebhookJsonContextForTests.Default.StripeEventType).Value, Is.EqualTo("charge.refunded"));
        });
    }
}
