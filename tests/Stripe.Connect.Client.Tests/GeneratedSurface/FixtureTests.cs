using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Tests.GeneratedSurface;

/// <summary>Every shared fixture reads into its generated record with nothing left unmapped, and writes back to the same JSON.</summary>
public class FixtureTests
{
    public static IEnumerable<TestCaseData> Fixtures()
    {
        yield return Case("account", typeof(Account));
        yield return Case("account_link", typeof(AccountLink));
        yield return Case("account_session", typeof(AccountSession));
        yield return Case("application_fee", typeof(ApplicationFee));
        yield return Case("apps.secret", typeof(Secret));
        yield return Case("balance", typeof(Balance));
        yield return Case("balance_settings", typeof(BalanceSettings));
        yield return Case("balance_transaction", typeof(BalanceTransaction));
        yield return Case("bank_account", typeof(BankAccount));
        yield return Case("capability", typeof(Capability));
        yield return Case("card", typeof(Card));
        yield return Case("country_spec", typeof(CountrySpec));
        yield return Case("deleted_account", typeof(DeletedAccount));
        yield return Case("deleted_bank_account", typeof(DeletedBankAccount));
        yield return Case("deleted_card", typeof(DeletedCard));
        yield return Case("deleted_external_account", typeof(DeletedExternalAccount));
        yield return Case("deleted_person", typeof(DeletedPerson));
        yield return Case("deleted_webhook_endpoint", typeof(DeletedWebhookEndpoint));
        yield return Case("event", typeof(StripeEvent));
        yield return Case("external_account", typeof(ExternalAccount));
        yield return Case("fee_refund", typeof(ApplicationFeeRefund));
        yield return Case("login_link", typeof(LoginLink));
        yield return Case("payout", typeof(Payout));
        yield return Case("person", typeof(Person));
        yield return Case("token", typeof(Token));
        yield return Case("topup", typeof(Topup));
        yield return Case("transfer", typeof(Transfer));
        yield return Case("transfer_reversal", typeof(TransferReversal));
        yield return Case("webhook_endpoint", typeof(WebhookEndpoint));
    }

    private static TestCaseData Case(string name, Type type) => new TestCaseData(name, type).SetArgDisplayNames(name);

    [Test]
    public void EveryFixtureFileHasATest()
    {
        var covered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in Fixtures())
        {
            covered.Add((string)c.Arguments[0]!);
        }

        var files = Directory.GetFiles(GeneratedTestSupport.FixturesDir(), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).ToList();
        Assert.That(files, Is.EquivalentTo(covered), "every fixture file has a test");
    }

    [TestCaseSource(nameof(Fixtures))]
    public void Fixture_has_no_unmapped_property(string name, Type type)
    {
        using var doc = JsonDocument.Parse(GeneratedTestSupport.Fixture(name));
        var unmapped = GeneratedTestSupport.Unmapped(doc.RootElement, type);
        Assert.That(unmapped, Is.Empty, "JSON properties without a C# property: " + string.Join(", ", unmapped));
    }

    [TestCaseSource(nameof(Fixtures))]
    public void Fixture_round_trips_to_equal_json(string name, Type type)
    {
        var json = GeneratedTestSupport.Fixture(name);
        var info = ConnectJsonContext.Default.GetTypeInfo(type)!;
        var value = JsonSerializer.Deserialize(json, info);
        Assert.That(value, Is.InstanceOf(type));
        var written = JsonSerializer.Serialize(value, info);

        var expected = GeneratedTestSupport.WithoutNulls(JsonNode.Parse(json));
        var actual = GeneratedTestSupport.WithoutNulls(JsonNode.Parse(written));
        var differences = GeneratedTestSupport.Differences(expected, actual);

        // A field the API always sends but an older fixture lacks is written with its default; report, do not fail.
        var extras = differences.FindAll(d => d.StartsWith("extra ", StringComparison.Ordinal));
        if (extras.Count > 0)
        {
            TestContext.Out.WriteLine("Defaults written for fields the fixture lacks: " + string.Join(", ", extras));
        }

        differences.RemoveAll(d => d.StartsWith("extra ", StringComparison.Ordinal));
        Assert.That(differences, Is.Empty, string.Join(Environment.NewLine, differences));

        // Reading the written JSON and writing it again gives the same bytes.
        Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize(written, info), info), Is.EqualTo(written));
    }

    [Test]
    public void Unmapped_lister_reports_unknown_properties()
    {
        using var doc = JsonDocument.Parse("""{"id":"acct_1","object":"account","surprise":1,"settings":{"branding":{"new_field":true}}}""");
        Assert.That(GeneratedTestSupport.Unmapped(doc.RootElement, typeof(Account)), Is.EqualTo(new[] { "$.surprise", "$.settings.branding.new_field" }));
    }

    [Test]
    public void External_account_union_picks_the_type_from_the_object_field_wherever_it_stands()
    {
        var card = JsonSerializer.Deserialize("""{"id":"card_1","last4":"4242","object":"card","brand":"Visa"}""", ConnectJsonContext.Default.ExternalAccount);
        var bank = JsonSerializer.Deserialize("""{"object":"bank_account","id":"ba_1","bank_name":"B"}""", ConnectJsonContext.Default.ExternalAccount);
        Assert.Multiple(() =>
        {
            Assert.That(card, Is.TypeOf<Card>());
            Assert.That(((Card)card!).Brand, Is.EqualTo("Visa"));
            Assert.That(bank, Is.TypeOf<BankAccount>());
            Assert.That(bank!.Id, Is.EqualTo("ba_1"));
        });
    }

    [Test]
    public void External_account_union_reads_an_unknown_kind_without_failing()
    {
        var value = JsonSerializer.Deserialize("""{"id":"x_1","object":"crypto_wallet","last4":"1"}""", ConnectJsonContext.Default.ExternalAccount);
        Assert.That(value, Is.Not.Null);
        Assert.That(value!.Object, Is.EqualTo("crypto_wallet"));
        Assert.That(value.Id, Is.EqualTo("x_1"));
    }

    [Test]
    public void Unknown_enum_values_and_missing_required_fields_do_not_fail()
    {
        var account = JsonSerializer.Deserialize("""{"id":"acct_1","type":"brand_new","business_type":null}""", ConnectJsonContext.Default.Account)!;
        Assert.Multiple(() =>
        {
            Assert.That(account.Type.Value, Is.EqualTo("brand_new"));
            Assert.That(account.Type.IsKnown, Is.False);
            Assert.That(account.BusinessType, Is.Null);
            Assert.That(account.Object, Is.EqualTo("account"));
        });
        var session = JsonSerializer.Deserialize("""{"account":"acct_1"}""", ConnectJsonContext.Default.AccountSession)!;
        Assert.That(session.Components, Is.Not.Null);
    }

    [Test]
    public void Expandable_fields_read_ids_and_expanded_objects()
    {
        var transfer = JsonSerializer.Deserialize(
            """{"id":"tr_1","destination":{"id":"acct_9","object":"account","email":"a@b.c"},"balance_transaction":"txn_1","created":1700000000}""",
            ConnectJsonContext.Default.Transfer)!;
        Assert.Multiple(() =>
        {
            Assert.That(transfer.Destination!.IsExpanded, Is.True);
            Assert.That(transfer.Destination.Value!.Email, Is.EqualTo("a@b.c"));
            Assert.That(transfer.BalanceTransaction!.Id, Is.EqualTo("txn_1"));
            Assert.That(transfer.BalanceTransaction.IsExpanded, Is.False);
            Assert.That(transfer.Created, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1700000000)));
        });
    }

    [Test]
    public void Expanded_out_of_scope_objects_keep_their_id_type_and_json()
    {
        var transfer = JsonSerializer.Deserialize(
            """{"id":"tr_1","destination_payment":{"id":"py_1","object":"charge","amount":100}}""",
            ConnectJsonContext.Default.Transfer)!;
        var expanded = transfer.DestinationPayment!.Value!;
        Assert.Multiple(() =>
        {
            Assert.That(expanded.Id, Is.EqualTo("py_1"));
            Assert.That(expanded.Object, Is.EqualTo("charge"));
            Assert.That(expanded.Json.GetProperty("amount").GetInt64(), Is.EqualTo(100));
        });
    }

    [Test]
    public void ToString_masks_secrets()
    {
        var session = JsonSerializer.Deserialize(GeneratedTestSupport.Fixture("account_session"), ConnectJsonContext.Default.AccountSession)!;
        var secret = new Secret { Id = "appsecret_1", Name = "api-key", Payload = "very-secret-payload" };
        Assert.Multiple(() =>
        {
            Assert.That(session.ClientSecret, Does.StartWith("accs_secret_"));
            Assert.That(session.ToString(), Does.Not.Contain(session.ClientSecret));
            Assert.That(session.ToString(), Does.Contain("ClientSecret = ***"));
            Assert.That(session.ToString(), Does.Contain("acct_1Pgc7HKmsySxIypT"));
            Assert.That(secret.ToString(), Does.Not.Contain("very-secret-payload"));
            Assert.That(secret.ToString(), Does.Contain("api-key"));
        });
    }
}
