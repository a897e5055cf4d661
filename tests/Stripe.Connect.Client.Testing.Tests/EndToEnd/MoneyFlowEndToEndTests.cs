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
/// The money flows through the real <see cref="ConnectClient"/> (typed services for the 49 generated operations,
/// <c>RawRequestAsync</c> for the new ones until they are generated), with signed webhook deliveries to a real
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

    private Task<StripeRawResponse> Raw(HttpMethod method, string path, string? account = null, params (string Key, string Value)[] form) =>
        _client.RawRequestAsync(method, path, form.Length == 0 ? null : form.Select(f => KeyValuePair.Create(f.Key, f.Value)), account is null ? null : new RequestOptions { StripeAccount = account });

    private static long Available(StripeRawResponse balance) => balance.Json.GetProperty("available")[0].GetProperty("amount").GetInt64();

    private static long SumOfNet(StripeRawResponse list) => list.Json.GetProperty("data").EnumerateArray().Sum(t => t.GetProperty("net").GetInt64());

    [Test]
    public async Task Fund_transfer_reverse_fee_refund_payout_paid_and_failed_add_up_with_signed_webhooks_to_kestrel()
    {
        var endpoint = await Raw(HttpMethod.Post, "/v1/webhook_endpoints", null, ("url", _webhookUrl), ("enabled_events[]", "transfer.created"), ("enabled_events[]", "payout.paid"), ("enabled_events[]", "payout.failed"), ("connect", "true"));
        var platformEndpoint = await Raw(HttpMethod.Post, "/v1/webhook_endpoints", null, ("url", _webhookUrl), ("enabled_events[]", "transfer.created"));
        lock (_secrets)
        {
            _secrets.Add(endpoint.Json.GetProperty("secret").GetString()!);
            _secrets.Add(platformEndpoint.Json.GetProperty("secret").GetString()!);
        }

        // Fund: a new platform has nothing; the 4000000000000077 test card credits the available balance.
        Assert.That(Available(await Raw(HttpMethod.Get, "/v1/balance")), Is.Zero);
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
        var paid = await Raw(HttpMethod.Post, "/v1/payouts", seller.Id, ("amount", "4000"), ("currency", "usd"), ("destination", goodBank.Id));
        var failing = await Raw(HttpMethod.Post, "/v1/payouts", seller.Id, ("amount", "1000"), ("currency", "usd"), ("destination", failingBank.Id));
        var overdrawn = Assert.ThrowsAsync<InvalidRequestException>(() => Raw(HttpMethod.Post, "/v1/payouts", seller.Id, ("amount", "999999"), ("currency", "usd")));
        await _api.Webhooks.WhenIdleAsync();
        _time.Advance(TimeSpan.FromDays(2));
        await _api.Webhooks.WhenIdleAsync();
        var paidAfter = await Raw(HttpMethod.Get, "/v1/payouts/" + paid.Json.GetProperty("id").GetString(), seller.Id);
        var failedAfter = await Raw(HttpMethod.Get, "/v1/payouts/" + failing.Json.GetProperty("id").GetString(), seller.Id);

        // Balances and the balance transactions behind them.
        var platformBalance = await Raw(HttpMethod.Get, "/v1/balance");
        var sellerBalance = await Raw(HttpMethod.Get, "/v1/balance", seller.Id);
        var platformTxns = await Raw(HttpMethod.Get, "/v1/balance_transactions", null, ("limit", "100"));
        var sellerTxns = await Raw(HttpMethod.Get, "/v1/balance_transactions", seller.Id, ("limit", "100"));
        var sellerEvents = await Raw(HttpMethod.Get, "/v1/events", seller.Id, ("type", "payout.*"), ("limit", "100"));
        var events = await Raw(HttpMethod.Get, "/v1/events", null, ("type", "transfer.created"));

        await _api.Webhooks.WhenIdleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(tooMuch!.StripeError?.Code, Is.EqualTo("balance_insufficient"));
            Assert.That(overdrawn!.StripeError?.Code, Is.EqualTo("balance_insufficient"));
            Assert.That(reversal.Amount, Is.EqualTo(1_000));
            Assert.That(feeRefund.Amount, Is.EqualTo(100));
            Assert.That(paidAfter.Json.GetProperty("status").GetString(), Is.EqualTo("paid"));
            Assert.That(failedAfter.Json.GetProperty("status").GetString(), Is.EqualTo("failed"));
            Assert.That(failedAfter.Json.GetProperty("failure_code").GetString(), Is.EqualTo("account_closed"));
            Assert.That(Available(platformBalance), Is.EqualTo(20_000 - 8_000 + 1_000 + 300 - 100));
            Assert.That(Available(sellerBalance), Is.EqualTo(8_000 - 1_000 + (3_000 - 300) + 100 - 4_000));
            Assert.That(SumOfNet(platformTxns), Is.EqualTo(Available(platformBalance)), "the platform's balance transactions add up to its balance");
            Assert.That(SumOfNet(sellerTxns), Is.EqualTo(Available(sellerBalance)), "the seller's balance transactions add up to its balance");
            Assert.That(sellerEvents.Json.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("type").GetString()), Does.Contain("payout.paid").And.Contain("payout.failed"));
            Assert.That(events.Json.GetProperty("data")[0].GetProperty("data").GetProperty("object").GetProperty("id").GetString(), Is.EqualTo(transfer.Id));
            Assert.That(platformEndpoint.Json.GetProperty("status").GetString(), Is.EqualTo("enabled"));
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
