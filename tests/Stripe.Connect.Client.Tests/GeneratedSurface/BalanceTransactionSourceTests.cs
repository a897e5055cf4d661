using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Tests.GeneratedSurface;

/// <summary>
/// <c>balance_transaction.source</c> reads as the typed record its <c>object</c> names (each in-scope fixture expanded
/// into a balance transaction), an id when not expanded, and the generic variant, raw JSON kept, for any other kind.
/// </summary>
public class BalanceTransactionSourceTests
{
    private static BalanceTransaction WithSource(JsonNode? source)
    {
        var txn = JsonNode.Parse(GeneratedTestSupport.Fixture("balance_transaction"))!.AsObject();
        txn["source"] = source;
        return JsonSerializer.Deserialize(txn.ToJsonString(), ConnectJsonContext.Default.BalanceTransaction)!;
    }

    private static JsonNode FixtureNode(string name) => JsonNode.Parse(GeneratedTestSupport.Fixture(name))!;

    [TestCase("application_fee", typeof(ApplicationFee))]
    [TestCase("fee_refund", typeof(ApplicationFeeRefund))]
    [TestCase("payout", typeof(Payout))]
    [TestCase("topup", typeof(Topup))]
    [TestCase("transfer", typeof(Transfer))]
    [TestCase("transfer_reversal", typeof(TransferReversal))]
    public void An_expanded_source_is_the_record_its_object_names(string fixture, Type expected)
    {
        var json = FixtureNode(fixture);

        var txn = WithSource(json);

        Assert.Multiple(() =>
        {
            Assert.That(txn.Source!.IsExpanded, Is.True);
            Assert.That(txn.Source.Value, Is.TypeOf(expected));
            Assert.That(txn.Source.Id, Is.EqualTo(json["id"]!.GetValue<string>()));
            Assert.That(txn.Source.Value!.Object, Is.EqualTo(fixture));
        });
    }

    [Test]
    public void An_expanded_payout_keeps_its_own_members()
    {
        var payout = (Payout)WithSource(FixtureNode("payout")).Source!.Value!;

        Assert.That(payout, Is.EqualTo(JsonSerializer.Deserialize(GeneratedTestSupport.Fixture("payout"), ConnectJsonContext.Default.Payout)));
    }

    [Test]
    public void An_unexpanded_source_is_the_id()
    {
        var txn = JsonSerializer.Deserialize(GeneratedTestSupport.Fixture("balance_transaction"), ConnectJsonContext.Default.BalanceTransaction)!;

        Assert.Multiple(() =>
        {
            Assert.That(txn.Source!.IsExpanded, Is.False);
            Assert.That(txn.Source.Id, Is.EqualTo("ch_1PgafuB7WZ01zgkWXYmPNZs8"));
        });
    }

    [TestCase("charge", "ch_1")]
    [TestCase("issuing.authorization", "iauth_1")]
    [TestCase("payment_kind_of_2030", "pk_1")]
    public void Another_kind_is_the_generic_variant_with_its_raw_json(string kind, string id)
    {
        var source = new JsonObject { ["id"] = id, ["object"] = kind, ["amount"] = 100, ["outcome"] = new JsonObject { ["risk"] = "normal" } };

        var txn = WithSource(source);
        var other = txn.Source!.Value as OtherBalanceTransactionSource;

        Assert.That(other, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(other!.Id, Is.EqualTo(id));
            Assert.That(other.Object, Is.EqualTo(kind));
            Assert.That(other.Json.GetProperty("outcome").GetProperty("risk").GetString(), Is.EqualTo("normal"));
            Assert.That(other.ToStripeObject().Object, Is.EqualTo(kind));
            Assert.That(other.ToString(), Is.EqualTo($"{kind} {id}").And.Not.Contains("risk"), "the raw JSON is not printed");
        });
    }

    [Test]
    public void Every_variant_writes_back_the_json_it_was_read_from()
    {
        foreach (var source in new[] { FixtureNode("transfer"), new JsonObject { ["id"] = "ch_1", ["object"] = "charge", ["paid"] = true } })
        {
            var txn = WithSource(source);

            var written = JsonNode.Parse(JsonSerializer.Serialize(txn, ConnectJsonContext.Default.BalanceTransaction))!["source"]!;

            Assert.That(written["id"]!.GetValue<string>(), Is.EqualTo(source["id"]!.GetValue<string>()));
            Assert.That(written["object"]!.GetValue<string>(), Is.EqualTo(source["object"]!.GetValue<string>()));
            Assert.That(JsonSerializer.Deserialize(JsonSerializer.Serialize(txn, ConnectJsonContext.Default.BalanceTransaction), ConnectJsonContext.Default.BalanceTransaction), Is.EqualTo(txn));
        }
    }

    [Test]
    public void A_source_that_is_neither_an_id_nor_an_object_is_a_json_error()
    {
        Assert.Throws<JsonException>(() => WithSource(JsonValue.Create(5)));
    }
}
