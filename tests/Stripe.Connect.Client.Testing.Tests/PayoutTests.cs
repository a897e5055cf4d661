using System.Net;

namespace Stripe.Connect.Client.Testing.Tests;

public class PayoutTests : ApiTestBase
{
    private async Task<string> SellerWithBank(string accountNumber = "000123456789", long funds = 10_000)
    {
        var seller = await CreateAccountWithTransfers();
        var bank = await Post($"/v1/accounts/{seller}/external_accounts", $"external_account[object]=bank_account&external_account[country]=US&external_account[currency]=usd&external_account[routing_number]=110000000&external_account[account_number]={accountNumber}");
        Assert.That(bank.Status, Is.EqualTo(HttpStatusCode.OK), bank.Json.ToJsonString());
        if (funds > 0)
        {
            Api.FundBalance(funds, account: seller);
        }

        return seller;
    }

    [Test]
    public async Task A_payout_debits_the_connected_account_and_goes_pending_in_transit_paid_on_the_clock()
    {
        var seller = await SellerWithBank();

        var created = await Post("/v1/payouts", "amount=4000&currency=usd", account: seller);
        var balance = await Get("/v1/balance", account: seller);
        Time.Advance(TimeSpan.FromHours(1));
        var inTransit = await Get($"/v1/payouts/{created.Str("id")}", account: seller);
        Time.Advance(TimeSpan.FromDays(2));
        var paid = await Get($"/v1/payouts/{created.Str("id")}", account: seller);
        var txn = await Get($"/v1/balance_transactions/{created.Str("balance_transaction")}", account: seller);
        var events = await Get("/v1/events?type=payout.*&limit=100", account: seller);

        Assert.Multiple(() =>
        {
            Assert.That(created.Str("status"), Is.EqualTo("pending"));
            Assert.That(created.Str("destination"), Does.StartWith("ba_"));
            Assert.That(balance.Json["available"]![0]!["amount"]!.GetValue<long>(), Is.EqualTo(6_000));
            Assert.That(inTransit.Str("status"), Is.EqualTo("in_transit"));
            Assert.That(paid.Str("status"), Is.EqualTo("paid"));
            Assert.That(txn.Str("type"), Is.EqualTo("payout"));
            Assert.That(txn.Long("amount"), Is.EqualTo(-4_000));
            Assert.That(events.Json["data"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "payout.paid", "payout.updated", "payout.updated", "payout.created" }));
        });
    }

    [TestCase("000111111116", "no_account")]
    [TestCase("000111111113", "account_closed")]
    [TestCase("000222222227", "insufficient_funds")]
    [TestCase("000333333335", "debit_not_authorized")]
    [TestCase("000444444440", "invalid_currency")]
    public async Task A_payout_to_a_failing_test_bank_account_fails_with_the_documented_code_and_the_money_comes_back(string accountNumber, string failureCode)
    {
        var seller = await SellerWithBank(accountNumber);

        var created = await Post("/v1/payouts", "amount=1000&currency=usd", account: seller);
        Time.Advance(TimeSpan.FromDays(2));
        var failed = await Get($"/v1/payouts/{created.Str("id")}", account: seller);
        var back = await Get($"/v1/balance_transactions/{failed.Str("failure_balance_transaction")}", account: seller);
        var balance = await Get("/v1/balance", account: seller);

        Assert.Multiple(() =>
        {
            Assert.That(failed.Str("status"), Is.EqualTo("failed"));
            Assert.That(failed.Str("failure_code"), Is.EqualTo(failureCode));
            Assert.That(back.Str("type"), Is.EqualTo("payout_failure"));
            Assert.That(back.Long("amount"), Is.EqualTo(1_000));
            Assert.That(balance.Json["available"]![0]!["amount"]!.GetValue<long>(), Is.EqualTo(10_000));
        });
    }

    [Test]
    public async Task A_payout_beyond_the_balance_or_without_an_external_account_is_refused()
    {
        var seller = await SellerWithBank(funds: 500);
        var bare = await CreateAccountWithTransfers();

        AssertError(await Post("/v1/payouts", "amount=501&currency=usd", account: seller), HttpStatusCode.BadRequest, "invalid_request_error", "balance_insufficient", null);
        AssertError(await Post("/v1/payouts", "amount=100&currency=usd", account: bare), HttpStatusCode.BadRequest, "invalid_request_error", null, "currency");
        AssertError(await Post("/v1/payouts", "amount=100&currency=usd&method=instant", account: seller), HttpStatusCode.BadRequest, "invalid_request_error", null, "method");
        AssertError(await Post("/v1/payouts", "amount=100&currency=usd&destination=ba_nope", account: seller), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "destination");
        AssertError(await Get("/v1/payouts/po_missing", account: seller), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
    }

    [Test]
    public async Task A_pending_payout_can_be_canceled_and_a_paid_one_reversed()
    {
        var seller = await SellerWithBank();
        var toCancel = await Post("/v1/payouts", "amount=1000&currency=usd", account: seller);
        var toReverse = await Post("/v1/payouts", "amount=2000&currency=usd&metadata[batch]=7", account: seller);

        var canceled = await Post($"/v1/payouts/{toCancel.Str("id")}/cancel", account: seller);
        var notYet = await Post($"/v1/payouts/{toReverse.Str("id")}/reverse", account: seller);
        Time.Advance(TimeSpan.FromDays(2));
        var cannotCancel = await Post($"/v1/payouts/{toReverse.Str("id")}/cancel", account: seller);
        var reversal = await Post($"/v1/payouts/{toReverse.Str("id")}/reverse", account: seller);
        var original = await Get($"/v1/payouts/{toReverse.Str("id")}", account: seller);
        var updated = await Post($"/v1/payouts/{toReverse.Str("id")}", "metadata[batch]=8", account: seller);
        var list = await Get("/v1/payouts?status=canceled", account: seller);
        var balance = await Get("/v1/balance", account: seller);

        Assert.Multiple(() =>
        {
            Assert.That(canceled.Str("status"), Is.EqualTo("canceled"));
            Assert.That(reversal.Str("original_payout"), Is.EqualTo(toReverse.Str("id")));
            Assert.That(original.Str("reversed_by"), Is.EqualTo(reversal.Str("id")));
            Assert.That(updated.Json["metadata"]!["batch"]!.GetValue<string>(), Is.EqualTo("8"));
            Assert.That(list.Ids, Is.EqualTo(new[] { toCancel.Str("id") }));
            Assert.That(balance.Json["available"]![0]!["amount"]!.GetValue<long>(), Is.EqualTo(10_000), "canceled and reversed payouts give the money back");
        });
        AssertError(notYet, HttpStatusCode.BadRequest, "invalid_request_error", null, null);
        AssertError(cannotCancel, HttpStatusCode.BadRequest, "invalid_request_error", null, null);
    }

    [Test]
    public async Task An_instant_payout_goes_to_a_debit_card()
    {
        var seller = await CreateAccountWithTransfers();
        await Post($"/v1/accounts/{seller}/external_accounts", "external_account=tok_visa_debit");
        Api.FundBalance(1_000, account: seller);

        var payout = await Post("/v1/payouts", "amount=1000&currency=usd&method=instant", account: seller);
        Time.Advance(TimeSpan.FromMinutes(30));
        var paid = await Get($"/v1/payouts/{payout.Str("id")}", account: seller);

        Assert.Multiple(() =>
        {
            Assert.That(payout.Str("type"), Is.EqualTo("card"));
            Assert.That(paid.Str("status"), Is.EqualTo("paid"));
        });
    }
}
