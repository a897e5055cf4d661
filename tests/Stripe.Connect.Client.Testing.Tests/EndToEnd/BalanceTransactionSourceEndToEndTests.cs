using Microsoft.Extensions.Time.Testing;

namespace Stripe.Connect.Client.Testing.Tests.EndToEnd;

/// <summary>
/// Balance transactions listed through the typed client with <c>expand[]=data.source</c>: each source arrives as its
/// typed record (transfer, reversal, fee, fee refund, top-up, payout), and the kinds the fake only knows by id (the
/// funding charge, the destination's payment and its refund) as the generic variant.
/// </summary>
public class BalanceTransactionSourceEndToEndTests
{
    private FakeTimeProvider _time = null!;
    private InMemoryConnectApi _api = null!;
    private ConnectClient _client = null!;

    [SetUp]
    public void Start()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
        _api = new InMemoryConnectApi(_time);
        _client = new ConnectClient(
            new ConnectClientOptions { ApiKey = "sk_test_sources", InitialRetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero },
            new HttpClient(_api.CreateHandler()));
    }

    [TearDown]
    public void Stop() => _client.Dispose();

    private async Task<List<BalanceTransaction>> ExpandedAsync(string? account)
    {
        var list = new List<BalanceTransaction>();
        var request = new BalanceTransactionListRequest { Limit = 100, Expand = ["data.source"] };
        await foreach (var txn in _client.BalanceTransactions.ListAutoPagingAsync(request, account is null ? null : new RequestOptions { StripeAccount = account }))
        {
            list.Add(txn);
        }

        return list;
    }

    private static BalanceTransactionSource SourceOf(List<BalanceTransaction> txns, string type) =>
        txns.Single(t => t.Type.Value == type).Source!.Value!;

    [Test]
    public async Task Expanded_sources_are_the_typed_records_and_unkept_kinds_the_generic_variant()
    {
        _api.FundBalance(20_000);
        var seller = await _client.Accounts.CreateAsync(new AccountCreateRequest
        {
            Controller = AccountControllerInput.Custom,
            Country = "US",
            Capabilities = new AccountCapabilitiesInput { Transfers = new CapabilityInput { Requested = true } },
        });
        _api.ActivateCapabilities(seller.Id);
        var transfer = await _client.Transfers.CreateAsync(new TransferCreateRequest { Amount = 8_000, Currency = "usd", Destination = seller.Id });
        var reversal = await _client.TransferReversals.CreateAsync(transfer.Id, new TransferReversalCreateRequest { Amount = 1_000 });
        var fee = _api.SeedApplicationFee(seller.Id, 300, chargeAmount: 3_000);
        var feeRefund = await _client.ApplicationFeeRefunds.CreateAsync(fee, new ApplicationFeeRefundCreateRequest { Amount = 100 });
        var topup = await _client.Topups.CreateAsync(new TopupCreateRequest { Amount = 900, Currency = "usd" });
        _api.SucceedTopup(topup.Id);
        await _client.ExternalAccounts.CreateAsync(seller.Id, new ExternalAccountCreateRequest
        {
            ExternalAccount = new BankAccountInput { Country = "US", Currency = "usd", RoutingNumber = "110000000", AccountNumber = "000123456789" },
        });
        var payout = await _client.Payouts.CreateAsync(new PayoutCreateRequest { Amount = 500, Currency = "usd" }, new RequestOptions { StripeAccount = seller.Id });

        var platform = await ExpandedAsync(null);
        var sellers = await ExpandedAsync(seller.Id);
        var unexpanded = await _client.BalanceTransactions.ListAsync(new BalanceTransactionListRequest { Limit = 100 });

        Assert.Multiple(() =>
        {
            Assert.That(SourceOf(platform, "transfer"), Is.TypeOf<Transfer>().And.Property(nameof(Transfer.Amount)).EqualTo(8_000));
            Assert.That(SourceOf(platform, "transfer").Id, Is.EqualTo(transfer.Id));
            Assert.That(SourceOf(platform, "transfer_refund"), Is.TypeOf<TransferReversal>());
            Assert.That(((TransferReversal)SourceOf(platform, "transfer_refund")).Amount, Is.EqualTo(reversal.Amount));
            Assert.That(SourceOf(platform, "application_fee"), Is.TypeOf<ApplicationFee>());
            Assert.That(SourceOf(platform, "application_fee").Id, Is.EqualTo(fee));
            Assert.That(SourceOf(platform, "application_fee_refund"), Is.TypeOf<ApplicationFeeRefund>());
            Assert.That(SourceOf(platform, "application_fee_refund").Id, Is.EqualTo(feeRefund.Id));
            Assert.That(SourceOf(platform, "topup"), Is.TypeOf<Topup>());
            Assert.That(((Topup)SourceOf(platform, "topup")).Status, Is.EqualTo(TopupStatus.Succeeded));
            Assert.That(SourceOf(sellers, "payout"), Is.TypeOf<Payout>());
            Assert.That(((Payout)SourceOf(sellers, "payout")).Amount, Is.EqualTo(payout.Amount));

            // The fake keeps no charges or refunds: Stripe's stub of one arrives as the generic variant, named right.
            var funding = SourceOf(platform, "charge");
            Assert.That(funding, Is.TypeOf<OtherBalanceTransactionSource>());
            Assert.That(funding.Object, Is.EqualTo("charge"));
            Assert.That(((OtherBalanceTransactionSource)funding).Json.GetProperty("id").GetString(), Is.EqualTo(funding.Id));
            Assert.That(SourceOf(sellers, "payment").Object, Is.EqualTo("charge"));
            Assert.That(SourceOf(sellers, "payment_refund"), Is.TypeOf<OtherBalanceTransactionSource>().And.Property(nameof(BalanceTransactionSource.Object)).EqualTo("refund"));

            // Without expand, every source is only its id.
            Assert.That(unexpanded.Data.Select(t => t.Source!.IsExpanded), Is.All.False);
            Assert.That(unexpanded.Data.Single(t => t.Type.Value == "transfer").Source!.Id, Is.EqualTo(transfer.Id));
        });
    }
}
