using System.Text.Json;
using static Stripe.Connect.Client.Tests.Webhooks.WebhookTestData;

namespace Stripe.Connect.Client.Tests.Webhooks;

/// <summary>Each shared fixture, wrapped as an event's <c>data.object</c>, comes out as the SDK's record for its type.</summary>
public class EventObjectTests
{
    private static (T Typed, JsonElement Fixture) Read<T>(string fixtureFile, string type = "account.updated")
        where T : StripeEntity
    {
        var json = File.ReadAllText(Path.Combine(FixturesFolder(), fixtureFile));
        var payload = EventJson(objectJson: json, type: type);

        var evt = StripeWebhook.ConstructEvent(payload, Header(payload), [EndpointSecret], null, Clock());

        Assert.That(evt.Data.Object, Is.TypeOf<T>(), fixtureFile);
        using var document = JsonDocument.Parse(json);
        return ((T)evt.Data.Object, document.RootElement.Clone());
    }

    private static string Text(JsonElement fixture, string name) => fixture.GetProperty(name).GetString()!;

    private static long Number(JsonElement fixture, string name) => fixture.GetProperty(name).GetInt64();

    [Test]
    public void Account_is_typed()
    {
        var (account, fixture) = Read<Account>("account.json");
        Assert.Multiple(() =>
        {
            Assert.That(account.Id, Is.EqualTo(Text(fixture, "id")));
            Assert.That(account.Object, Is.EqualTo("account"));
        });
    }

    [Test]
    public void Capability_is_typed()
    {
        var (capability, fixture) = Read<Capability>("capability.json", "capability.updated");
        Assert.Multiple(() =>
        {
            Assert.That(capability.Id, Is.EqualTo(Text(fixture, "id")));
            Assert.That(capability.Account?.Id, Is.EqualTo(Text(fixture, "account")));
            Assert.That(capability.Status.Value, Is.EqualTo(Text(fixture, "status")));
        });
    }

    [Test]
    public void Person_is_typed()
    {
        var (person, fixture) = Read<Person>("person.json", "person.created");
        Assert.Multiple(() =>
        {
            Assert.That(person.Id, Is.EqualTo(Text(fixture, "id")));
            Assert.That(person.Account, Is.EqualTo(Text(fixture, "account")));
        });
    }

    [Test]
    public void Bank_account_is_typed()
    {
        var (bank, fixture) = Read<BankAccount>("bank_account.json", "account.external_account.created");
        Assert.Multiple(() =>
        {
            Assert.That(bank, Is.InstanceOf<ExternalAccount>());
            Assert.That(bank.Id, Is.EqualTo(Text(fixture, "id")));
            Assert.That(bank.Last4, Is.EqualTo(Text(fixture, "last4")));
        });
    }

    [Test]
    public void External_account_union_fixture_reads_as_its_concrete_type()
    {
        var (bank, fixture) = Read<BankAccount>("external_account.json", "account.external_account.updated");
        Assert.That(bank.Id, Is.EqualTo(Text(fixture, "id")));
    }

    [Test]
    public void Card_is_typed()
    {
        var (card, fixture) = Read<Card>("card.json", "account.external_account.created");
        Assert.Multiple(() =>
        {
            Assert.That(card, Is.InstanceOf<ExternalAccount>());
            Assert.That(card.Id, Is.EqualTo(Text(fixture, "id")));
            Assert.That(card.Last4, Is.EqualTo(Text(fixture, "last4")));
        });
    }

    [Test]
    public void Application_fee_is_typed()
    {
        var (fee, fixture) = Read<ApplicationFee>("application_fee.json", "application_fee.created");
        Assert.Multiple(() =>
        {
            Assert.That(fee.Id, Is.EqualTo(Text(fixture, "id")));
            Assert.That(fee.Amount, Is.EqualTo(Number(fixture, "amount")));
        });
    }

    [Test]
    public void Application_fee_refund_is_typed()
    {
        var (refund, fixture) = Read<ApplicationFeeRefund>("fee_refund.json", "application_fee.refund.updated");
        Assert.Multiple(() =>
        {
            Assert.That(refund.Id, Is.EqualTo(Text(fixture, "id")));
            Assert.That(refund.Amount, Is.EqualTo(Number(fixture, "amount")));
            Assert.That(refund.Fee?.Id, Is.EqualTo(Text(fixture, "fee")));
        });
    }

    [Test]
    public void Topup_is_typed()
    {
        var (topup, fixture) = Read<Topup>("topup.json", "topup.succeeded");
        Assert.Multiple(() =>
        {
            Assert.That(topup.Id, Is.EqualTo(Text(fixture, "id")));
            Assert.That(topup.Amount, Is.EqualTo(Number(fixture, "amount")));
            Assert.That(topup.Status.Value, Is.EqualTo(Text(fixture, "status")));
        });
    }

    [Test]
    public void Transfer_is_typed()
    {
        var (transfer, fixture) = Read<Transfer>("transfer.json", "transfer.created");
        Assert.Multiple(() =>
        {
            Assert.That(transfer.Id, Is.EqualTo(Text(fixture, "id")));
            Assert.That(transfer.Amount, Is.EqualTo(Number(fixture, "amount")));
        });
    }

    [Test]
    public void Transfer_reversal_is_typed()
    {
        var (reversal, fixture) = Read<TransferReversal>("transfer_reversal.json", "transfer.reversed");
        Assert.Multiple(() =>
        {
            Assert.That(reversal.Id, Is.EqualTo(Text(fixture, "id")));
            Assert.That(reversal.Amount, Is.EqualTo(Number(fixture, "amount")));
        });
    }

    [Test]
    public void Account_session_is_typed()
    {
        var (session, fixture) = Read<AccountSession>("account_session.json", "account_session.created");
        Assert.That(session.Account, Is.EqualTo(Text(fixture, "account")));
    }

    [Test]
    public void Account_link_is_typed()
    {
        var (link, fixture) = Read<AccountLink>("account_link.json", "account_link.created");
        Assert.That(link.Url, Is.EqualTo(Text(fixture, "url")));
    }

    [Test]
    public void Login_link_is_typed()
    {
        var (link, fixture) = Read<LoginLink>("login_link.json", "login_link.created");
        Assert.That(link.Url, Is.EqualTo(Text(fixture, "url")));
    }

    [Test]
    public void Country_spec_is_typed()
    {
        var (spec, fixture) = Read<CountrySpec>("country_spec.json", "country_spec.updated");
        Assert.That(spec.Id, Is.EqualTo(Text(fixture, "id")));
    }

    [Test]
    public void Apps_secret_is_typed()
    {
        var (secret, fixture) = Read<Secret>("apps.secret.json", "apps.secret.created");
        Assert.That(secret.Id, Is.EqualTo(Text(fixture, "id")));
    }

    [TestCase("deleted_account.json", typeof(DeletedAccount))]
    [TestCase("deleted_person.json", typeof(DeletedPerson))]
    [TestCase("deleted_bank_account.json", typeof(DeletedBankAccount))]
    [TestCase("deleted_external_account.json", typeof(DeletedBankAccount))]
    [TestCase("deleted_card.json", typeof(DeletedCard))]
    public void Deleted_objects_read_as_deleted_records(string fixtureFile, Type expected)
    {
        var json = File.ReadAllText(Path.Combine(FixturesFolder(), fixtureFile));
        var payload = EventJson(objectJson: json, type: "person.deleted");

        var evt = StripeWebhook.ConstructEvent(payload, Header(payload), [EndpointSecret], null, Clock());

        using var document = JsonDocument.Parse(json);
        Assert.Multiple(() =>
        {
            Assert.That(evt.Data.Object, Is.TypeOf(expected));
            Assert.That(((IHasId)evt.Data.Object).Id, Is.EqualTo(document.RootElement.GetProperty("id").GetString()));
        });
    }

    [Test]
    public void The_object_field_may_come_last()
    {
        const string Json = """{"id":"acct_Last","charges_enabled":true,"metadata":{"object":"not this"},"object":"account"}""";
        var payload = EventJson(objectJson: Json);

        var evt = StripeWebhook.ConstructEvent(payload, Header(payload), [EndpointSecret], null, Clock());

        Assert.That(evt.Data.Object is Account { Id: "acct_Last" }, Is.True);
    }

    [Test]
    public void An_object_without_an_object_field_reads_as_a_generic_object()
    {
        const string Json = """{"id":"x_1","amount":5}""";
        var payload = EventJson(objectJson: Json);

        var evt = StripeWebhook.ConstructEvent(payload, Header(payload), [EndpointSecret], null, Clock());

        Assert.That(evt.Data.Object, Is.TypeOf<StripeObject>().With.Property(nameof(StripeObject.Id)).EqualTo("x_1"));
    }

    [Test]
    public void An_event_round_trips_through_json_with_its_typed_object()
    {
        var payload = EventJson(previousAttributes: """{"charges_enabled":false}""");
        var evt = StripeWebhook.ConstructEvent(payload, Header(payload), [EndpointSecret], null, Clock());

        var json = JsonSerializer.Serialize(evt, WebhookJsonContextForTests.Default.StripeEvent);
        var again = StripeWebhook.ParseEvent(json);

        Assert.Multiple(() =>
        {
            Assert.That(again.Id, Is.EqualTo(evt.Id));
            Assert.That(again.Type, Is.EqualTo(evt.Type));
            Assert.That(again.Data.Object, Is.TypeOf<Account>().With.Property(nameof(Account.Id)).EqualTo("acct_1Test"));
            Assert.That(again.Data.PreviousAttributes?.GetRawText(), Is.EqualTo("""{"charges_enabled":false}"""));
        });
    }
}
