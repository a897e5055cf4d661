using System.Net;

namespace Stripe.Connect.Client.Testing.Tests;

public class MoneyTests : ApiTestBase
{
    /// <summary>A fresh platform has no funds; these tests move money, so they start with some, as a test-mode platform would.</summary>
    [SetUp]
    public void FundThePlatform() => Api.FundBalance(1_000_000);

    [Test]
    public async Task Transfers_need_an_active_transfers_capability()
    {
        var id = await CreateAccount("type=custom&capabilities[transfers][requested]=true");

        var refused = await Post("/v1/transfers", $"amount=1000&currency=usd&destination={id}");
        Api.ActivateCapability(id, "transfers");
        var accepted = await Post("/v1/transfers", $"amount=1000&currency=USD&destination={id}&transfer_group=order_1");

        AssertError(refused, HttpStatusCode.BadRequest, "invalid_request_error", "insufficient_capabilities_for_transfer", "destination");
        Assert.Multiple(() =>
        {
            Assert.That(accepted.Str("id"), Does.StartWith("tr_"));
            Assert.That(accepted.Str("destination"), Is.EqualTo(id));
            Assert.That(accepted.Str("currency"), Is.EqualTo("usd"));
            Assert.That(accepted.Long("amount_reversed"), Is.Zero);
            Assert.That(accepted.Json["reversals"]!["url"]!.GetValue<string>(), Is.EqualTo($"/v1/transfers/{accepted.Str("id")}/reversals"));
        });
    }

    [Test]
    public async Task Transfer_to_unknown_destination_is_resource_missing()
    {
        AssertError(await Post("/v1/transfers", "amount=1000&currency=usd&destination=acct_nope"), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "destination");
    }

    [Test]
    public async Task Reversals_add_up_and_cannot_exceed_what_is_left()
    {
        var id = await CreateAccountWithTransfers();
        var transfer = await Post("/v1/transfers", $"amount=1000&currency=usd&destination={id}");
        var tr = transfer.Str("id");

        var first = await Post($"/v1/transfers/{tr}/reversals", "amount=300&metadata[reason]=partial");
        var tooMuch = await Post($"/v1/transfers/{tr}/reversals", "amount=701");
        var rest = await Post($"/v1/transfers/{tr}/reversals");
        var after = await Get($"/v1/transfers/{tr}");
        var more = await Post($"/v1/transfers/{tr}/reversals", "amount=1");
        var list = await Get($"/v1/transfers/{tr}/reversals");
        var one = await Get($"/v1/transfers/{tr}/reversals/{first.Str("id")}");

        Assert.Multiple(() =>
        {
            Assert.That(first.Str("id"), Does.StartWith("trr_"));
            Assert.That(first.Str("transfer"), Is.EqualTo(tr));
            AssertError(tooMuch, HttpStatusCode.BadRequest, "invalid_request_error", "amount_too_large", "amount");
            Assert.That(rest.Long("amount"), Is.EqualTo(700));
            Assert.That(after.Long("amount_reversed"), Is.EqualTo(1000));
            Assert.That(after.Bool("reversed"), Is.True);
            Assert.That(after.Json["reversals"]!["data"]!.AsArray(), Has.Count.EqualTo(2));
            AssertError(more, HttpStatusCode.BadRequest, "invalid_request_error", null, "amount");
            Assert.That(list.Ids, Is.EqualTo(new[] { rest.Str("id"), first.Str("id") }));
            Assert.That(one.Json["metadata"]!["reason"]!.GetValue<string>(), Is.EqualTo("partial"));
        });
    }

    [Test]
    public async Task Transfers_update_and_list_by_destination()
    {
        var a = await CreateAccountWithTransfers();
        var b = await CreateAccountWithTransfers();
        var toA = await Post("/v1/transfers", $"amount=100&currency=usd&destination={a}");
        await Post("/v1/transfers", $"amount=200&currency=usd&destination={b}");

        var updated = await Post($"/v1/transfers/{toA.Str("id")}", "description=Payout%20for%20order");
        var listA = await Get($"/v1/transfers?destination={a}");

        Assert.That(updated.Str("description"), Is.EqualTo("Payout for order"));
        Assert.That(listA.Ids, Is.EqualTo(new[] { toA.Str("id") }));
    }

    [Test]
    public async Task Application_fee_refunds_add_up_and_over_refunds_are_refused()
    {
        var account = await CreateAccount();
        var fee = Api.SeedApplicationFee(account, 500, "usd");

        var seeded = await Get($"/v1/application_fees/{fee}");
        var first = await Post($"/v1/application_fees/{fee}/refunds", "amount=200");
        var tooMuch = await Post($"/v1/application_fees/{fee}/refunds", "amount=301");
        var rest = await Post($"/v1/application_fees/{fee}/refunds");
        var after = await Get($"/v1/application_fees/{fee}");
        var again = await Post($"/v1/application_fees/{fee}/refunds", "amount=1");
        var updated = await Post($"/v1/application_fees/{fee}/refunds/{first.Str("id")}", "metadata[k]=v");
        var list = await Get($"/v1/application_fees/{fee}/refunds");

        Assert.Multiple(() =>
        {
            Assert.That(seeded.Str("account"), Is.EqualTo(account));
            Assert.That(seeded.Bool("refunded"), Is.False);
            Assert.That(first.Str("id"), Does.StartWith("fr_"));
            Assert.That(first.Str("fee"), Is.EqualTo(fee));
            AssertError(tooMuch, HttpStatusCode.BadRequest, "invalid_request_error", "amount_too_large", "amount");
            Assert.That(rest.Long("amount"), Is.EqualTo(300));
            Assert.That(after.Long("amount_refunded"), Is.EqualTo(500));
            Assert.That(after.Bool("refunded"), Is.True);
            Assert.That(again.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(updated.Json["metadata"]!["k"]!.GetValue<string>(), Is.EqualTo("v"));
            Assert.That(list.Ids, Is.EqualTo(new[] { rest.Str("id"), first.Str("id") }));
        });
    }

    [Test]
    public async Task Partial_fee_refund_leaves_refunded_false()
    {
        var fee = Api.SeedApplicationFee(await CreateAccount(), 500);

        await Post($"/v1/application_fees/{fee}/refunds", "amount=499");
        var after = await Get($"/v1/application_fees/{fee}");

        Assert.That(after.Long("amount_refunded"), Is.EqualTo(499));
        Assert.That(after.Bool("refunded"), Is.False);
    }

    [Test]
    public async Task Application_fees_list_by_charge()
    {
        var account = await CreateAccount();
        var fee1 = Api.SeedApplicationFee(account, 100, charge: "ch_1");
        Api.SeedApplicationFee(account, 200, charge: "ch_2");

        var list = await Get("/v1/application_fees?charge=ch_1");

        Assert.That(list.Ids, Is.EqualTo(new[] { fee1 }));
    }

    [Test]
    public async Task Topups_are_pending_then_succeed_or_cancel()
    {
        var created = await Post("/v1/topups", "amount=2000&currency=usd&description=Float");
        var toCancel = await Post("/v1/topups", "amount=100&currency=usd");

        Api.SucceedTopup(created.Str("id"));
        var succeeded = await Get($"/v1/topups/{created.Str("id")}");
        var cannotCancel = await Post($"/v1/topups/{created.Str("id")}/cancel");
        var canceled = await Post($"/v1/topups/{toCancel.Str("id")}/cancel");
        var pendingList = await Get("/v1/topups?status=canceled");

        Assert.Multiple(() =>
        {
            Assert.That(created.Str("status"), Is.EqualTo("pending"));
            Assert.That(created.Str("id"), Does.StartWith("tu_"));
            Assert.That(succeeded.Str("status"), Is.EqualTo("succeeded"));
            Assert.That(succeeded.Str("balance_transaction"), Does.StartWith("txn_"));
            AssertError(cannotCancel, HttpStatusCode.BadRequest, "invalid_request_error", null, null);
            Assert.That(canceled.Str("status"), Is.EqualTo("canceled"));
            Assert.That(pendingList.Ids, Is.EqualTo(new[] { toCancel.Str("id") }));
        });
    }

    [Test]
    public async Task Failed_topup_shows_the_failure()
    {
        var created = await Post("/v1/topups", "amount=2000&currency=usd");

        Api.FailTopup(created.Str("id"), "account_closed", "The bank account is closed.");
        var failed = await Get($"/v1/topups/{created.Str("id")}");

        Assert.Multiple(() =>
        {
            Assert.That(failed.Str("status"), Is.EqualTo("failed"));
            Assert.That(failed.Str("failure_code"), Is.EqualTo("account_closed"));
            Assert.That(() => Api.SucceedTopup(created.Str("id")), Throws.InvalidOperationException);
        });
    }

    [Test]
    public async Task Zero_amount_is_refused()
    {
        AssertError(await Post("/v1/topups", "amount=0&currency=usd"), HttpStatusCode.BadRequest, "invalid_request_error", "amount_too_small", "amount");
    }

    [Test]
    public async Task Expand_replaces_ids_with_objects()
    {
        var id = await CreateAccountWithTransfers();
        var transfer = await Post("/v1/transfers", $"amount=100&currency=usd&destination={id}&expand[]=destination&expand[]=balance_transaction");
        var listed = await Get("/v1/transfers?expand[0]=data.destination");
        var refused = await Get($"/v1/transfers/{transfer.Str("id")}?expand[]=amount");

        Assert.Multiple(() =>
        {
            Assert.That(transfer.Json["destination"]!["id"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(transfer.Json["destination"]!["object"]!.GetValue<string>(), Is.EqualTo("account"));
            Assert.That(transfer.Json["balance_transaction"]!["object"]!.GetValue<string>(), Is.EqualTo("balance_transaction"));
            Assert.That(listed.Json["data"]![0]!["destination"]!["object"]!.GetValue<string>(), Is.EqualTo("account"));
            AssertError(refused, HttpStatusCode.BadRequest, "invalid_request_error", null, "expand");
        });
    }
}
