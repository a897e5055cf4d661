using System.Net;
using static Stripe.Connect.Client.Tests.GeneratedSurface.OperationTestSupport;

namespace Stripe.Connect.Client.Tests.GeneratedSurface;

/// <summary>
/// One test per money operation (balance, balance transactions, balance settings, payouts, tokens, events, webhook
/// endpoints): HTTP method, exact (escaped) path on the API host, form body or query, typed result.
/// </summary>
public class MoneyOperationTests
{
    private const string BalanceJson = """{"object":"balance","livemode":false,"available":[{"amount":1200,"currency":"usd","source_types":{"card":1200}}],"pending":[{"amount":300,"currency":"usd"}]}""";
    private const string TxnJson = """{"id":"txn_1","object":"balance_transaction","amount":-400,"available_on":1700000000,"created":1700000000,"currency":"usd","fee":0,"fee_details":[],"net":-400,"reporting_category":"payout","source":"po_1","status":"available","type":"payout"}""";
    private const string SettingsJson = """{"object":"balance_settings","payments":{"debit_negative_balances":true,"payouts":{"schedule":{"interval":"weekly","weekly_payout_days":["monday"]},"statement_descriptor":"SHOP","status":"enabled"},"settlement_timing":{"delay_days":2}}}""";
    private const string PayoutJson = """{"id":"po_1","object":"payout","amount":400,"arrival_date":1700086400,"automatic":false,"created":1700000000,"currency":"usd","destination":"ba_1","method":"standard","reconciliation_status":"not_applicable","source_type":"card","status":"pending","type":"bank_account","balance_transaction":"txn_1"}""";
    private const string TokenJson = """{"id":"tok_1","object":"token","created":1700000000,"livemode":false,"type":"account","used":false}""";
    private const string EventJson = """{"id":"evt_1","object":"event","type":"payout.paid","api_version":"2026-10-28.endive","created":1700000000,"livemode":false,"account":"acct_1","pending_webhooks":0,"request":{"id":null,"idempotency_key":null},"data":{"object":{"id":"po_1","object":"payout","amount":400,"currency":"usd","status":"paid"}}}""";
    private const string EndpointJson = """{"id":"we_1","object":"webhook_endpoint","url":"https://platform.example/hooks","enabled_events":["payout.paid"],"status":"enabled","created":1700000000,"livemode":false,"metadata":{},"secret":"whsec_topsecret","application":null,"api_version":null,"description":null}""";

    // ---------------------------------------------------------------- balance

    [Test]
    public async Task Balance_Get_for_a_connected_account()
    {
        using var client = NewClient(BalanceJson, out var req);
        var balance = await client.Balance.GetAsync(new BalanceGetRequest { Expand = ["available"] }, new RequestOptions { StripeAccount = "acct_1" });
        req.Verify("GET", "/v1/balance", query: "expand[]=available");
        Assert.Multiple(() =>
        {
            Assert.That(req.Host, Is.EqualTo("api.stripe.com"));
            Assert.That(balance.Available.Single().Amount, Is.EqualTo(1200));
            Assert.That(balance.Available.Single().SourceTypes?.Card, Is.EqualTo(1200));
            Assert.That(balance.Pending.Single().Currency, Is.EqualTo("usd"));
        });
    }

    [Test]
    public async Task BalanceTransactions_Get()
    {
        using var client = NewClient(TxnJson, out var req);
        var txn = await client.BalanceTransactions.GetAsync(TrickyId);
        req.Verify("GET", "/v1/balance_transactions/" + TrickyIdEscaped);
        Assert.Multiple(() =>
        {
            Assert.That(txn.Net, Is.EqualTo(-400));
            Assert.That(txn.Type, Is.EqualTo(BalanceTransactionType.Payout));
            Assert.That(txn.AvailableOn, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1700000000)));
            Assert.That(txn.Source!.Id, Is.EqualTo("po_1"));
        });
    }

    [Test]
    public async Task BalanceTransactions_List_by_payout_and_type()
    {
        using var client = NewClient(List("/v1/balance_transactions", TxnJson), out var req);
        var page = await client.BalanceTransactions.ListAsync(new BalanceTransactionListRequest { Payout = "po_1", Type = "payout", Currency = "usd", Limit = 10 });
        req.Verify("GET", "/v1/balance_transactions", query: "currency=usd&limit=10&payout=po_1&type=payout");
        Assert.That(page.Data.Single().Id, Is.EqualTo("txn_1"));
    }

    [Test]
    public async Task BalanceTransactions_ListAutoPaging()
    {
        using var client = NewClient(List("/v1/balance_transactions", TxnJson), out var req);
        var ids = new List<string>();
        await foreach (var txn in client.BalanceTransactions.ListAutoPagingAsync())
        {
            ids.Add(txn.Id);
        }

        req.Verify("GET", "/v1/balance_transactions");
        Assert.That(ids, Is.EqualTo(new[] { "txn_1" }));
    }

    [Test]
    public async Task BalanceSettings_Get()
    {
        using var client = NewClient(SettingsJson, out var req);
        var settings = await client.BalanceSettings.GetAsync();
        req.Verify("GET", "/v1/balance_settings");
        Assert.Multiple(() =>
        {
            Assert.That(settings.Payments.DebitNegativeBalances, Is.True);
            Assert.That(settings.Payments.Payouts!.Schedule!.Interval, Is.EqualTo(TransferScheduleInterval.Weekly));
            Assert.That(settings.Payments.SettlementTiming.DelayDays, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task BalanceSettings_Update()
    {
        using var client = NewClient(SettingsJson, out var req);
        var settings = await client.BalanceSettings.UpdateAsync(new BalanceSettingsUpdateRequest
        {
            Payments = new()
            {
                DebitNegativeBalances = true,
                Payouts = new()
                {
                    Schedule = new() { Interval = TransferScheduleInterval.Weekly, WeeklyPayoutDays = [TransferScheduleWeeklyPayoutDays.Monday] },
                    StatementDescriptor = "SHOP",
                },
            },
        });
        req.Verify("POST", "/v1/balance_settings", body:
            "payments[debit_negative_balances]=true&payments[payouts][schedule][interval]=weekly&payments[payouts][schedule][weekly_payout_days][]=monday&payments[payouts][statement_descriptor]=SHOP");
        Assert.That(settings.Payments.Payouts!.StatementDescriptor, Is.EqualTo("SHOP"));
    }

    // ---------------------------------------------------------------- payouts

    [Test]
    public async Task Payouts_Create()
    {
        using var client = NewClient(PayoutJson, out var req);
        var payout = await client.Payouts.CreateAsync(
            new PayoutCreateRequest { Amount = 400, Currency = "usd", Destination = "ba_1", Method = PayoutMethod.Standard, Metadata = new Dictionary<string, string> { ["run"] = "7" } },
            new RequestOptions { StripeAccount = "acct_1" });
        req.Verify("POST", "/v1/payouts", body: "amount=400&currency=usd&destination=ba_1&metadata[run]=7&method=standard");
        Assert.Multiple(() =>
        {
            Assert.That(payout.Id, Is.EqualTo("po_1"));
            Assert.That(payout.ArrivalDate, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1700086400)));
            Assert.That(payout.BalanceTransaction!.Id, Is.EqualTo("txn_1"));
            Assert.That(payout.Type, Is.EqualTo(PayoutType.BankAccount));
        });
    }

    [Test]
    public async Task Payouts_Get()
    {
        using var client = NewClient(PayoutJson, out var req);
        var payout = await client.Payouts.GetAsync(TrickyId, new PayoutGetRequest { Expand = ["balance_transaction"] });
        req.Verify("GET", "/v1/payouts/" + TrickyIdEscaped, query: "expand[]=balance_transaction");
        Assert.That(payout.Status, Is.EqualTo("pending"));
    }

    [Test]
    public async Task Payouts_Update()
    {
        using var client = NewClient(PayoutJson, out var req);
        await client.Payouts.UpdateAsync(TrickyId, new PayoutUpdateRequest { Metadata = new Dictionary<string, string> { ["k"] = "v" } });
        req.Verify("POST", "/v1/payouts/" + TrickyIdEscaped, body: "metadata[k]=v");
    }

    [Test]
    public async Task Payouts_List_by_status_and_arrival_date()
    {
        using var client = NewClient(List("/v1/payouts", PayoutJson), out var req);
        var page = await client.Payouts.ListAsync(new PayoutListRequest { Status = "paid", ArrivalDate = new TimeRangeInput { Gte = DateTimeOffset.FromUnixTimeSeconds(1700000000) } });
        req.Verify("GET", "/v1/payouts", query: "arrival_date[gte]=1700000000&status=paid");
        Assert.That(page.Data.Single().Amount, Is.EqualTo(400));
    }

    [Test]
    public async Task Payouts_ListAutoPaging()
    {
        using var client = NewClient(List("/v1/payouts", PayoutJson), out var req);
        var count = 0;
        await foreach (var payout in client.Payouts.ListAutoPagingAsync(new PayoutListRequest { Limit = 1 }))
        {
            count++;
        }

        req.Verify("GET", "/v1/payouts", query: "limit=1");
        Assert.That(count, Is.EqualTo(1));
    }

    [Test]
    public async Task Payouts_Cancel()
    {
        using var client = NewClient(PayoutJson.Replace("pending", "canceled", StringComparison.Ordinal), out var req);
        var payout = await client.Payouts.CancelAsync(TrickyId);
        req.Verify("POST", "/v1/payouts/" + TrickyIdEscaped + "/cancel");
        Assert.That(payout.Status, Is.EqualTo("canceled"));
    }

    [Test]
    public async Task Payouts_Reverse()
    {
        using var client = NewClient(PayoutJson, out var req);
        await client.Payouts.ReverseAsync(TrickyId, new PayoutReverseRequest { Metadata = new Dictionary<string, string> { ["why"] = "typo" } });
        req.Verify("POST", "/v1/payouts/" + TrickyIdEscaped + "/reverse", body: "metadata[why]=typo");
    }

    // ---------------------------------------------------------------- tokens

    [Test]
    public async Task Tokens_Create_account_token()
    {
        using var client = NewClient(TokenJson, out var req);
        var token = await client.Tokens.CreateAsync(new TokenCreateRequest
        {
            Account = new() { BusinessType = AccountBusinessType.Individual, Individual = new() { FirstName = "Jo" }, TosShownAndAccepted = true },
        });
        req.Verify("POST", "/v1/tokens", body: "account[business_type]=individual&account[individual][first_name]=Jo&account[tos_shown_and_accepted]=true");
        Assert.Multiple(() =>
        {
            Assert.That(token.Id, Is.EqualTo("tok_1"));
            Assert.That(token.Type, Is.EqualTo("account"));
            Assert.That(token.Used, Is.False);
        });
    }

    [Test]
    public async Task Tokens_Create_person_pii_and_cvc_tokens()
    {
        using var client = NewClient(TokenJson, out var person);
        await client.Tokens.CreateAsync(new TokenCreateRequest { Person = new() { FirstName = "Ann", Email = "ann@example.com" } });
        person.Verify("POST", "/v1/tokens", body: "person[email]=ann@example.com&person[first_name]=Ann");

        using var client2 = NewClient(TokenJson, out var pii);
        await client2.Tokens.CreateAsync(new TokenCreateRequest { Pii = new() { IdNumber = "000000000" } });
        pii.Verify("POST", "/v1/tokens", body: "pii[id_number]=000000000");

        using var client3 = NewClient(TokenJson, out var cvc);
        await client3.Tokens.CreateAsync(new TokenCreateRequest { CvcUpdate = new() { Cvc = "123" } });
        cvc.Verify("POST", "/v1/tokens", body: "cvc_update[cvc]=123");
    }

    [Test]
    public async Task Tokens_Create_bank_account_and_card_tokens()
    {
        using var client = NewClient(TokenJson, out var bank);
        await client.Tokens.CreateAsync(new TokenCreateRequest
        {
            BankAccount = new TokenBankAccountDetailsInput { Country = "US", Currency = "usd", RoutingNumber = "110000000", AccountNumber = "000123456789" },
        });
        bank.Verify("POST", "/v1/tokens", body: "bank_account[account_number]=000123456789&bank_account[country]=US&bank_account[currency]=usd&bank_account[routing_number]=110000000");

        using var client2 = NewClient(TokenJson, out var card);
        await client2.Tokens.CreateAsync(new TokenCreateRequest { Card = "card_1" });
        card.Verify("POST", "/v1/tokens", body: "card=card_1");
    }

    [Test]
    public async Task Tokens_Get()
    {
        using var client = NewClient(TokenJson, out var req);
        var token = await client.Tokens.GetAsync(TrickyId);
        req.Verify("GET", "/v1/tokens/" + TrickyIdEscaped);
        Assert.That(token.Created, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1700000000)));
    }

    // ---------------------------------------------------------------- events

    [Test]
    public async Task Events_Get_is_the_same_typed_event_as_a_webhook()
    {
        using var client = NewClient(EventJson, out var req);
        var evt = await client.Events.GetAsync(TrickyId);
        req.Verify("GET", "/v1/events/" + TrickyIdEscaped);
        Assert.Multiple(() =>
        {
            Assert.That(evt, Is.InstanceOf<StripeEvent>());
            Assert.That(evt.Type, Is.EqualTo(StripeEventType.PayoutPaid));
            Assert.That(evt.Account, Is.EqualTo("acct_1"));
            Assert.That(evt.Data.Object, Is.InstanceOf<Payout>());
            Assert.That(((Payout)evt.Data.Object).Status, Is.EqualTo("paid"));
        });
    }

    [Test]
    public async Task Events_List_by_types_and_created()
    {
        using var client = NewClient(List("/v1/events", EventJson), out var req);
        var page = await client.Events.ListAsync(new EventListRequest { Types = ["payout.paid", "payout.failed"], Created = new TimeRangeInput { Gt = DateTimeOffset.FromUnixTimeSeconds(1700000000) }, DeliverySuccess = false });
        req.Verify("GET", "/v1/events", query: "created[gt]=1700000000&delivery_success=false&types[]=payout.paid&types[]=payout.failed");
        Assert.That(page.Data.Single().Data.Object, Is.InstanceOf<Payout>());
    }

    [Test]
    public async Task Events_ListAutoPaging_replays_through_a_webhook_handler()
    {
        using var client = NewClient(List("/v1/events", EventJson), out var req);
        var handled = new List<string>();
        void Handle(StripeEvent evt)
        {
            if (evt.Data.Object is Payout payout)
            {
                handled.Add(evt.Type.Value + " " + payout.Id);
            }
        }

        await foreach (var evt in client.Events.ListAutoPagingAsync(new EventListRequest { Type = "payout.*" }))
        {
            Handle(evt);
        }

        req.Verify("GET", "/v1/events", query: "type=payout.*");
        Assert.That(handled, Is.EqualTo(new[] { "payout.paid po_1" }));
    }

    // ---------------------------------------------------------------- webhook endpoints

    [Test]
    public async Task WebhookEndpoints_Create_for_connected_accounts()
    {
        using var client = NewClient(EndpointJson, out var req);
        var endpoint = await client.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateRequest
        {
            Url = "https://platform.example/hooks",
            EnabledEvents = [WebhookEndpointEnabledEvents.PayoutPaid, WebhookEndpointEnabledEvents.AccountUpdated],
            Connect = true,
            Description = "payouts",
        });
        req.Verify("POST", "/v1/webhook_endpoints", body: "connect=true&description=payouts&enabled_events[]=payout.paid&enabled_events[]=account.updated&url=https://platform.example/hooks");
        Assert.Multiple(() =>
        {
            Assert.That(endpoint.Secret, Is.EqualTo("whsec_topsecret"));
            Assert.That(endpoint.ToString(), Does.Not.Contain("whsec_topsecret"), "the signing secret is masked");
            Assert.That(endpoint.EnabledEvents, Is.EqualTo(new[] { "payout.paid" }));
        });
    }

    [Test]
    public async Task WebhookEndpoints_Get()
    {
        using var client = NewClient(EndpointJson, out var req);
        var endpoint = await client.WebhookEndpoints.GetAsync(TrickyId);
        req.Verify("GET", "/v1/webhook_endpoints/" + TrickyIdEscaped);
        Assert.That(endpoint.Status, Is.EqualTo("enabled"));
    }

    [Test]
    public async Task WebhookEndpoints_Update()
    {
        using var client = NewClient(EndpointJson, out var req);
        await client.WebhookEndpoints.UpdateAsync(TrickyId, new WebhookEndpointUpdateRequest { Disabled = true, EnabledEvents = [WebhookEndpointEnabledEvents.PayoutFailed] });
        req.Verify("POST", "/v1/webhook_endpoints/" + TrickyIdEscaped, body: "disabled=true&enabled_events[]=payout.failed");
    }

    [Test]
    public async Task WebhookEndpoints_List()
    {
        using var client = NewClient(List("/v1/webhook_endpoints", EndpointJson), out var req);
        var page = await client.WebhookEndpoints.ListAsync(new WebhookEndpointListRequest { Limit = 3 });
        req.Verify("GET", "/v1/webhook_endpoints", query: "limit=3");
        Assert.That(page.Data.Single().Url, Is.EqualTo("https://platform.example/hooks"));
    }

    [Test]
    public async Task WebhookEndpoints_Delete()
    {
        using var client = NewClient("""{"id":"we_1","object":"webhook_endpoint","deleted":true}""", out var req);
        var deleted = await client.WebhookEndpoints.DeleteAsync(TrickyId);
        req.Verify("DELETE", "/v1/webhook_endpoints/" + TrickyIdEscaped);
        Assert.That(deleted.Deleted, Is.True);
    }

    [Test]
    public async Task Every_money_post_carries_an_idempotency_key()
    {
        using var client = NewClient(PayoutJson, out _);
        var payout = await client.Payouts.CreateAsync(new PayoutCreateRequest { Amount = 1, Currency = "usd" });
        Assert.That(payout.StripeResponse?.IdempotencyKey, Is.Not.Null.And.Not.Empty);
    }
}
