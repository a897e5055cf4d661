using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Stripe.Connect.Client.Testing.Tests.EndToEnd;

/// <summary>
/// The money flows through the real <see cref="ConnectClient"/> and its typed services (balance, balance
/// transactions, payouts, events and webhook endpoints included), with signed webhook deliveries to a real
/// ASP.NET Core endpoint the test starts on 127.0.0.1.
/// </summary>
public class MoneyFlowEndToEndTests
{
    private FakeTimeProvider _time = null!;
    private InMemoryConnectApi _api = null!;
    private ConnectClient _client = null!;
    private WebApplication _app = null!;
    private string _webhookUrl = null!;
    private readonly List<string> _secrets = [];
    private int _answered;
    private readonly List<StripeEvent> _received = [];

    [SetUp]
    public async Task Start()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
        _api = new InMemoryConnectApi(_time);
        _client = new ConnectClient(
            new ConnectClientOptions { ApiKey = "sk_test_money_flows", InitialRetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero },
            new HttpClient(_api.CreateHandler()));

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapPost("/stripe/webhooks", async (HttpRequest request) =>
        {
            // The first delivery fails, so Stripe's retry is exercised; later ones are verified and accepted.
            if (Interlocked.Increment(ref _answered) == 1)
            {
                return Results.StatusCode(500);
            }

            var options = new StripeWebhookOptions();
            lock (_secrets)
            {
                foreach (var secret in _secrets)
                {
                    options.Secrets.Add(secret);
                }
            }

            var verifier = new StripeWebhookVerifier(options, _time);
            try
            {
                var evt = await verifier.ConstructEventAsync(request.Body, request.Headers["Stripe-Signature"]);
                lock (_received)
                {
                    _received.Add(evt);
                }

                return Results.Ok();
            }
            catch (SignatureVerificationException)
            {
                return Results.BadRequest();
            }
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _webhookUrl = address + "/stripe/webhooks";
    }

    [TearDown]
    public async Task Stop()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static RequestOptions On(string account) => new() { StripeAccount = account };

    private static long Available(Balance balance) => balance.Available.Single(a => a.Currency == "usd").Amount;

    private async Task<long> SumOfNetAsync(string? account)
    {
        var sum = 0L;
        await foreach (var txn in _client.BalanceTransactions.ListAutoPagingAsync(new BalanceTransactionListRequest { Limit = 100 }, account is null ? null : On(account)))
        {
            sum += txn.Net;
        }

        return sum;
    }

    [Test]
    public async Task Fund_transfer_reverse_fee_refund_payout_paid_and_failed_add_up_with_signed_webhooks_to_kestrel()
    {
        var endpoint = await _client.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateRequest
        {
            Url = _webhookUrl,
            EnabledEvents = [WebhookEndpointEnabledEvents.TransferCreated, WebhookEndpointEnabledEvents.PayoutPaid, WebhookEndpointEnabledEvents.PayoutFailed],
            Connect = true,
        });
        var platformEndpoint = await _client.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateRequest { Url = _webhookUrl, EnabledEvents = [WebhookEndpointEnabledEvents.TransferCreated] });
        lock (_secrets)
        {
            _secrets.Add(endpoint.Secret!);
            _secrets.Add(platformEndpoint.Secret!);
        }

        // Fund: a new platform has nothing; the 4000000000000077 test card credits the available balance.
        Assert.That((await _client.Balance.GetAsync()).Available.Sum(a => a.Amount), Is.Zero);
        _api.FundBalance(20_000);

        var seller = await _client.Accounts.CreateAsync(new AccountCreateRequest
        {
            Controller = AccountControllerInput.Custom,
            Country = "US",
            Capabilities = new AccountCapabilitiesInput { Transfers = new CapabilityInput { Requested = true } },
        });
        _api.ActivateCapabilities(seller.Id);
        var goodBank = await _client.ExternalAccounts.CreateAsync(seller.Id, new ExternalAccountCreateRequest
        {
            ExternalAccount = new BankAccountInput
            {
                Country = "US",
                Currency = "usd",
                RoutingNumber = "110000000",
                AccountNumber = "000123456789",
            },
        });
        var failingBank = await _client.ExternalAccounts.CreateAsync(seller.Id, new ExternalAccountCreateRequest
        {
            ExternalAccount = new BankAccountInput
            {
                Country = "US",
                Currency = "usd",
                RoutingNumber = "110000000",
                AccountNumber = "000111111113",
            },
        });

        // Transfer, reverse part of it, take a fee and refund part of the fee.
        var transfer = await _client.Transfers.CreateAsync(new TransferCreateRequest { Amount = 8_000, Currency = "usd", Destination = seller.Id });
        var reversal = await _client.TransferReversals.CreateAsync(transfer.Id, new TransferReversalCreateRequest { Amount = 1_000 });
        var fee = _api.SeedApplicationFee(seller.Id, 300, chargeAmount: 3_000);
        var feeRefund = await _client.ApplicationFeeRefunds.CreateAsync(fee, new ApplicationFeeRefundCreateRequest { Amount = 100 });
        var tooMuch = Assert.ThrowsAsync<InvalidRequestException>(() => _client.Transfers.CreateAsync(new TransferCreateRequest { Amount = 1_000_000, Currency = "usd", Destination = seller.Id }));

        // Webhooks: the first delivery got a 500 and is retried five minutes later. Deliveries are waited for before
        // the clock moves, so each arrives within the signature tolerance of the time it was signed at.
        await _api.Webhooks.WhenIdleAsync();
        _time.Advance(TimeSpan.FromMinutes(5));
        await _api.Webhooks.WhenIdleAsync();

        // Pay out twice from the seller's balance: to the good bank account, and to the one Stripe makes fail.
        var paid = await _client.Payouts.CreateAsync(new PayoutCreateRequest { Amount = 4_000, Currency = "usd", Destination = goodBank.Id }, On(seller.Id));
        var failing = await _client.Payouts.CreateAsync(new PayoutCreateRequest { Amount = 1_000, Currency = "usd", Destination = failingBank.Id }, On(seller.Id));
        var overdrawn = Assert.ThrowsAsync<InvalidRequestException>(() => _client.Payouts.CreateAsync(new PayoutCreateRequest { Amount = 999_999, Currency = "usd" }, On(seller.Id)));
        await _api.Webhooks.WhenIdleAsync();
        _time.Advance(TimeSpan.FromDays(2));
        await _api.Webhooks.WhenIdleAsync();
        var paidAfter = await _client.Payouts.GetAsync(paid.Id, options: On(seller.Id));
        var failedAfter = await _client.Payouts.GetAsync(failing.Id, options: On(seller.Id));

        // Balances and the balance transactions behind them.
        var platformBalance = await _client.Balance.GetAsync();
        var sellerBalance = await _client.Balance.GetAsync(options: On(seller.Id));
        var platformNet = await SumOfNetAsync(null);
        var sellerNet = await SumOfNetAsync(seller.Id);
        var sellerEvents = await _client.Events.ListAsync(new EventListRequest { Type = "payout.*", Limit = 100 }, On(seller.Id));
        var events = await _client.Events.ListAsync(new EventListRequest { Type = "transfer.created" });

        await _api.Webhooks.WhenIdleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(tooMuch!.StripeError?.Code, Is.EqualTo("balance_insufficient"));
            Assert.That(overdrawn!.StripeError?.Code, Is.EqualTo("balance_insufficient"));
            Assert.That(reversal.Amount, Is.EqualTo(1_000));
            Assert.That(feeRefund.Amount, Is.EqualTo(100));
            Assert.That(paidAfter.Status, Is.EqualTo("paid"));
            Assert.That(failedAfter.Status, Is.EqualTo("failed"));
            Assert.That(failedAfter.FailureCode, Is.EqualTo("account_closed"));
            Assert.That(Available(platformBalance), Is.EqualTo(20_000 - 8_000 + 1_000 + 300 - 100));
            Assert.That(Available(sellerBalance), Is.EqualTo(8_000 - 1_000 + (3_000 - 300) + 100 - 4_000));
            Assert.That(platformNet, Is.EqualTo(Available(platformBalance)), "the platform's balance transactions add up to its balance");
            Assert.That(sellerNet, Is.EqualTo(Available(sellerBalance)), "the seller's balance transactions add up to its balance");
            Assert.That(sellerEvents.Data.Select(e => e.Type), Does.Contain(StripeEventType.PayoutPaid).And.Contain(StripeEventType.PayoutFailed));
            Assert.That(sellerEvents.Data.Where(e => e.Type == StripeEventType.PayoutPaid).Select(e => ((Payout)e.Data.Object).Id), Does.Contain(paid.Id), "a listed event carries the same typed object as a delivered one");
            Assert.That(((Transfer)events.Data[0].Data.Object).Id, Is.EqualTo(transfer.Id));
            Assert.That(platformEndpoint.Status, Is.EqualTo("enabled"));
        });

        var attempts = _api.Webhooks.Attempts;
        Assert.Multiple(() =>
        {
            Assert.That(attempts.Count(a => a.StatusCode == 500), Is.EqualTo(1), "one delivery failed");
            Assert.That(attempts.Where(a => a.StatusCode == 500).Single().NextRetryAt, Is.Not.Null);
            Assert.That(attempts.Where(a => a.Attempt == 2).Select(a => a.StatusCode), Is.EqualTo(new int?[] { 200 }), "and its retry succeeded");
            Assert.That(attempts.All(a => a.Url == _webhookUrl), Is.True);
        });

        lock (_received)
        {
            Assert.Multiple(() =>
            {
                Assert.That(_received.Select(e => e.Type.Value), Does.Contain("payout.paid").And.Contain("payout.failed"), "the connect endpoint received the seller's payout events");
                Assert.That(_received.Where(e => e.Type == StripeEventType.TransferCreated).Select(e => ((Transfer)e.Data.Object).Id), Does.Contain(transfer.Id));
                Assert.That(_received.Where(e => e.Type.Value == "payout.paid").Select(e => e.Account), Is.All.EqualTo(seller.Id));
            });
        }
    }
}
