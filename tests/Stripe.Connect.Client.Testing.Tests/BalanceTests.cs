using System.Net;
using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Tests;

public class BalanceTests : ApiTestBase
{
    private static long Amount(Reply balance, string bucket, string currency = "usd") =>
        balance.Json[bucket]!.AsArray().Single(a => a!["currency"]!.GetValue<string>() == currency)!["amount"]!.GetValue<long>();

    [Test]
    public async Task A_fresh_platform_has_no_funds_and_a_transfer_is_refused_with_balance_insufficient()
    {
        var seller = await CreateAccountWithTransfers();

        var balance = await Get("/v1/balance");
        var refused = await Post("/v1/transfers", $"amount=1000&currency=usd&destination={seller}");

        Assert.Multiple(() =>
        {
            Assert.That(balance.Str("object"), Is.EqualTo("balance"));
            Assert.That(Amount(balance, "available"), Is.Zero);
            Assert.That(Amount(balance, "pending"), Is.Zero);
        });
        AssertError(refused, HttpStatusCode.BadRequest, "invalid_request_error", "balance_insufficient", null);
        Assert.That((await Get("/v1/transfers")).Ids, Is.Empty, "nothing was transferred");
    }

    [Test]
    public async Task Funding_credits_available_and_a_transfer_moves_money_from_the_platform_to_the_destination()
    {
        var seller = await CreateAccountWithTransfers();
        var txn = Api.FundBalance(10_000);

        var transfer = await Post("/v1/transfers", $"amount=2500&currency=usd&destination={seller}");
        var platform = await Get("/v1/balance");
        var connected = await Get("/v1/balance", account: seller);
        var platformTxns = await Get("/v1/balance_transactions?limit=100");
        var sellerTxns = await Get("/v1/balance_transactions", account: seller);
        var debit = await Get($"/v1/balance_transactions/{transfer.Str("balance_transaction")}");

        Assert.Multiple(() =>
        {
            Assert.That(Amount(platform, "available"), Is.EqualTo(7_500));
            Assert.That(Amount(connected, "available"), Is.EqualTo(2_500));
            Assert.That(platformTxns.Ids, Is.EqualTo(new[] { debit.Str("id"), txn }));
            Assert.That(debit.Str("type"), Is.EqualTo("transfer"));
            Assert.That(debit.Long("amount"), Is.EqualTo(-2_500));
            Assert.That(debit.Long("net"), Is.EqualTo(-2_500));
            Assert.That(debit.Str("source"), Is.EqualTo(transfer.Str("id")));
            Assert.That(sellerTxns.Json["data"]![0]!["type"]!.GetValue<string>(), Is.EqualTo("payment"));
            Assert.That(sellerTxns.Json["data"]![0]!["source"]!.GetValue<string>(), Is.EqualTo(transfer.Str("destination_payment")));
        });
    }

    [Test]
    public async Task Pending_funds_become_available_on_the_clock_with_a_balance_available_event()
    {
        Api.AddPendingFunds(4_000, availableAfter: TimeSpan.FromDays(2));

        var before = await Get("/v1/balance");
        Time.Advance(TimeSpan.FromDays(2));
        var after = await Get("/v1/balance");
        var events = await Get("/v1/events?type=balance.available");

        Assert.Multiple(() =>
        {
            Assert.That(Amount(before, "pending"), Is.EqualTo(4_000));
            Assert.That(Amount(before, "available"), Is.Zero);
            Assert.That(Amount(after, "pending"), Is.Zero);
            Assert.That(Amount(after, "available"), Is.EqualTo(4_000));
            Assert.That(events.Json["data"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(events.Json["data"]![0]!["data"]!["object"]!["object"]!.GetValue<string>(), Is.EqualTo("balance"));
        });
    }

    [Test]
    public async Task Reversals_fees_and_fee_refunds_move_money_back_and_forth_and_transactions_add_up_to_the_balance()
    {
        var seller = await CreateAccountWithTransfers();
        Api.FundBalance(10_000);
        var transfer = await Post("/v1/transfers", $"amount=3000&currency=usd&destination={seller}");
        await Post($"/v1/transfers/{transfer.Str("id")}/reversals", "amount=1000");
        var fee = Api.SeedApplicationFee(seller, 200, chargeAmount: 2_000);
        await Post($"/v1/application_fees/{fee}/refunds", "amount=50");

        var platform = await Get("/v1/balance");
        var connected = await Get("/v1/balance", account: seller);
        var platformSum = (await Get("/v1/balance_transactions?limit=100")).Json["data"]!.AsArray().Sum(t => t!["net"]!.GetValue<long>());
        var sellerSum = (await Get("/v1/balance_transactions?limit=100", account: seller)).Json["data"]!.AsArray().Sum(t => t!["net"]!.GetValue<long>());
        var types = (await Get("/v1/balance_transactions?limit=100")).Json["data"]!.AsArray().Select(t => t!["type"]!.GetValue<string>());

        Assert.Multiple(() =>
        {
            Assert.That(Amount(platform, "available"), Is.EqualTo(10_000 - 3_000 + 1_000 + 200 - 50));
            Assert.That(Amount(connected, "available"), Is.EqualTo(3_000 - 1_000 + (2_000 - 200) + 50));
            Assert.That(platformSum, Is.EqualTo(Amount(platform, "available")));
            Assert.That(sellerSum, Is.EqualTo(Amount(connected, "available")));
            Assert.That(types, Is.EquivalentTo(new[] { "charge", "transfer", "transfer_refund", "application_fee", "application_fee_refund" }));
        });
    }

    [Test]
    public async Task Balance_transactions_filter_by_type_and_source_and_expand_their_source()
    {
        var seller = await CreateAccountWithTransfers();
        Api.FundBalance(10_000);
        var transfer = await Post("/v1/transfers", $"amount=700&currency=usd&destination={seller}");

        var byType = await Get("/v1/balance_transactions?type=transfer&expand[]=data.source");
        var bySource = await Get($"/v1/balance_transactions?source={transfer.Str("id")}");
        var missing = await Get("/v1/balance_transactions/txn_missing");
        var otherAccount = await Get($"/v1/balance_transactions/{transfer.Str("balance_transaction")}", account: seller);

        Assert.Multiple(() =>
        {
            Assert.That(byType.Json["data"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(byType.Json["data"]![0]!["source"]!["id"]!.GetValue<string>(), Is.EqualTo(transfer.Str("id")));
            Assert.That(byType.Json["data"]![0]!["source"]!["object"]!.GetValue<string>(), Is.EqualTo("transfer"));
            Assert.That(bySource.Ids, Is.EqualTo(new[] { transfer.Str("balance_transaction") }));
        });
        AssertError(missing, HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
        AssertError(otherAccount, HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
    }

    [Test]
    public async Task Top_up_funds_count_as_bank_account_funds_once_available()
    {
        var topup = await Post("/v1/topups", "amount=5000&currency=usd");
        Api.SucceedTopup(topup.Str("id"));
        var pending = await Get("/v1/balance");
        Time.Advance(TimeSpan.FromDays(1));
        var available = await Get("/v1/balance");
        var seller = await CreateAccountWithTransfers();
        var fromCard = await Post("/v1/transfers", $"amount=100&currency=usd&destination={seller}");
        var fromBank = await Post("/v1/transfers", $"amount=100&currency=usd&destination={seller}&source_type=bank_account");

        Assert.Multiple(() =>
        {
            Assert.That(Amount(pending, "pending"), Is.EqualTo(5_000));
            Assert.That(available.Json["available"]![0]!["source_types"]!["bank_account"]!.GetValue<long>(), Is.EqualTo(5_000));
            Assert.That(fromBank.Status, Is.EqualTo(HttpStatusCode.OK));
        });
        AssertError(fromCard, HttpStatusCode.BadRequest, "invalid_request_error", "balance_insufficient", null);
    }

    [Test]
    public async Task Balance_settings_are_read_and_updated_with_an_event()
    {
        var before = await Get("/v1/balance_settings");
        var updated = await Post("/v1/balance_settings", "payments[payouts][schedule][interval]=weekly&payments[payouts][schedule][weekly_payout_days][]=friday");
        var events = await Get("/v1/events?type=balance_settings.updated");

        Assert.Multiple(() =>
        {
            Assert.That(before.Str("object"), Is.EqualTo("balance_settings"));
            Assert.That(before.Json["payments"]!["payouts"]!["schedule"]!["interval"]!.GetValue<string>(), Is.EqualTo("manual"));
            Assert.That(updated.Json["payments"]!["payouts"]!["schedule"]!["interval"]!.GetValue<string>(), Is.EqualTo("weekly"));
            Assert.That(events.Json["data"]!.AsArray(), Has.Count.EqualTo(1));
        });
    }
}
