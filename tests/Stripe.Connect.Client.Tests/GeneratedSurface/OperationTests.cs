using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;
using static Stripe.Connect.Client.Tests.GeneratedSurface.OperationTestSupport;

namespace Stripe.Connect.Client.Tests.GeneratedSurface;

/// <summary>One test per Connect operation: HTTP method, exact (escaped) path, form body or query, typed result.</summary>
public class OperationTests
{
    private const string AccountJson = """{"id":"acct_1","object":"account","type":"custom","charges_enabled":true,"details_submitted":false,"payouts_enabled":false,"email":"jo@example.com"}""";
    private const string FeeJson = """{"id":"fee_1","object":"application_fee","amount":100,"amount_refunded":0,"account":"acct_1","charge":"ch_1","created":1700000000,"currency":"usd","livemode":false,"refunded":false}""";
    private const string FeeRefundJson = """{"id":"fr_1","object":"fee_refund","amount":50,"created":1700000000,"currency":"usd","fee":"fee_1","metadata":{"reason":"dup"}}""";
    private const string CapabilityJson = """{"id":"card_payments","object":"capability","account":"acct_1","requested":true,"status":"active"}""";
    private const string CountrySpecJson = """{"id":"US","object":"country_spec","default_currency":"usd","supported_bank_account_currencies":{"usd":["US"]}}""";
    private const string BankJson = """{"id":"ba_1","object":"bank_account","account":"acct_1","bank_name":"STRIPE TEST BANK","country":"US","currency":"usd","last4":"6789","status":"new"}""";
    private const string CardJson = """{"object":"card","id":"card_1","brand":"Visa","exp_month":8,"exp_year":2030,"last4":"4242"}""";
    private const string PersonJson = """{"id":"person_1","object":"person","account":"acct_1","first_name":"Jo","relationship":{"owner":true,"percent_ownership":25.5}}""";
    private const string TopupJson = """{"id":"tu_1","object":"topup","amount":2000,"currency":"usd","status":"pending","created":1700000000}""";
    private const string TransferJson = """{"id":"tr_1","object":"transfer","amount":1100,"currency":"usd","destination":"acct_1","created":1700000000}""";
    private const string ReversalJson = """{"id":"trr_1","object":"transfer_reversal","amount":100,"currency":"usd","transfer":"tr_1","created":1700000000}""";
    private const string SecretJson = """{"id":"appsecret_1","object":"apps.secret","name":"api-key","created":1700000000,"livemode":false,"scope":{"type":"account"},"payload":"s3cr3t"}""";

    private static readonly DateTimeOffset T0 = DateTimeOffset.FromUnixTimeSeconds(1700000000);

    private static Dictionary<string, string> Meta(string key, string value) => new() { [key] = value };

    // ---------------------------------------------------------------- accounts

    [Test]
    public async Task Accounts_Create()
    {
        using var client = NewClient(AccountJson, out var req);
        var account = await client.Accounts.CreateAsync(new AccountCreateRequest
        {
            BusinessProfile = new() { Mcc = "5734", Name = "Shop" },
            Capabilities = new() { CardPayments = new() { Requested = true }, Transfers = new() { Requested = true } },
            Country = "US",
            Email = "jo@example.com",
            Expand = ["external_accounts"],
            Metadata = Meta("order", "42"),
#pragma warning disable CS0618 // The deprecated 'type' parameter is still sent when set.
            Type = AccountType.Custom,
#pragma warning restore CS0618
        });
        req.Verify("POST", "/v1/accounts", body:
            "business_profile[mcc]=5734&business_profile[name]=Shop&capabilities[card_payments][requested]=true&capabilities[transfers][requested]=true"
            + "&country=US&email=jo@example.com&expand[]=external_accounts&metadata[order]=42&type=custom");
        Assert.That(account.Id, Is.EqualTo("acct_1"));
        Assert.That(account.Type, Is.EqualTo(AccountType.Custom));
        Assert.That(account.ChargesEnabled, Is.True);
        Assert.That(account.StripeResponse?.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Accounts_Get()
    {
        using var client = NewClient(AccountJson, out var req);
        var account = await client.Accounts.GetAsync(TrickyId, new AccountGetRequest { Expand = ["capabilities"] });
        req.Verify("GET", "/v1/accounts/" + TrickyIdEscaped, query: "expand[]=capabilities");
        Assert.That(account.Email, Is.EqualTo("jo@example.com"));
    }

    [Test]
    public async Task Accounts_GetCurrent()
    {
        using var client = NewClient(AccountJson, out var req);
        var account = await client.Accounts.GetCurrentAsync(new AccountGetCurrentRequest { Expand = ["settings"] });
        req.Verify("GET", "/v1/account", query: "expand[]=settings");
        Assert.That(account.Id, Is.EqualTo("acct_1"));
    }

    [Test]
    public async Task Accounts_Update()
    {
        using var client = NewClient(AccountJson, out var req);
        var account = await client.Accounts.UpdateAsync(TrickyId, new AccountUpdateRequest
        {
            Metadata = StripeMetadata.Clear,
            Settings = new()
            {
                Payouts = new()
                {
                    Schedule = new()
                    {
                        DelayDays = 7L,
                        Interval = TransferScheduleInterval.Weekly,
                        MonthlyPayoutDays = [1, 15],
                        WeeklyAnchor = TransferScheduleWeeklyAnchor.Friday,
                    },
                },
            },
            TosAcceptance = new() { Date = T0, Ip = "127.0.0.1" },
        });
        req.Verify("POST", "/v1/accounts/" + TrickyIdEscaped, body:
            "metadata=&settings[payouts][schedule][delay_days]=7&settings[payouts][schedule][interval]=weekly"
            + "&settings[payouts][schedule][monthly_payout_days][]=1&settings[payouts][schedule][monthly_payout_days][]=15"
            + "&settings[payouts][schedule][weekly_anchor]=friday&tos_acceptance[date]=1700000000&tos_acceptance[ip]=127.0.0.1");
        Assert.That(account.Id, Is.EqualTo("acct_1"));
    }

    [Test]
    public async Task Accounts_Delete()
    {
        using var client = NewClient("""{"id":"acct_1","object":"account","deleted":true}""", out var req);
        var deleted = await client.Accounts.DeleteAsync(TrickyId);
        req.Verify("DELETE", "/v1/accounts/" + TrickyIdEscaped);
        Assert.That(deleted.Deleted, Is.True);
        Assert.That(deleted.Id, Is.EqualTo("acct_1"));
    }

    [Test]
    public async Task Accounts_List()
    {
        using var client = NewClient(List("/v1/accounts", AccountJson), out var req);
        var page = await client.Accounts.ListAsync(new AccountListRequest { Created = new TimeRangeInput { Gte = T0 }, Limit = 3, StartingAfter = "acct_0" });
        req.Verify("GET", "/v1/accounts", query: "created[gte]=1700000000&limit=3&starting_after=acct_0");
        Assert.That(page.Data, Has.Count.EqualTo(1));
        Assert.That(page.Data[0].Id, Is.EqualTo("acct_1"));
        Assert.That(page.HasMore, Is.False);
    }

    [Test]
    public async Task Accounts_Reject()
    {
        using var client = NewClient(AccountJson, out var req);
        var account = await client.Accounts.RejectAsync(TrickyId, new AccountRejectRequest { Reason = AccountRejectReason.TermsOfService });
        req.Verify("POST", $"/v1/accounts/{TrickyIdEscaped}/reject", body: "reason=terms_of_service");
        Assert.That(account.Id, Is.EqualTo("acct_1"));
    }

    [Test]
    public async Task Accounts_Unreject()
    {
        using var client = NewClient(AccountJson, out var req);
        var account = await client.Accounts.UnrejectAsync(TrickyId, new AccountUnrejectRequest { Expand = ["settings"] });
        req.Verify("POST", $"/v1/accounts/{TrickyIdEscaped}/unreject", body: "expand[]=settings");
        Assert.That(account.Id, Is.EqualTo("acct_1"));
    }

    [Test]
    public async Task LoginLinks_Create()
    {
        using var client = NewClient("""{"object":"login_link","created":1700000000,"url":"https://connect.stripe.com/express/x"}""", out var req);
        var link = await client.LoginLinks.CreateAsync(TrickyId);
        req.Verify("POST", $"/v1/accounts/{TrickyIdEscaped}/login_links");
        Assert.That(link.Url, Is.EqualTo("https://connect.stripe.com/express/x"));
        Assert.That(link.Created, Is.EqualTo(T0));
    }

    [Test]
    public async Task AccountLinks_Create()
    {
        using var client = NewClient("""{"object":"account_link","created":1700000000,"expires_at":1700000300,"url":"https://connect.stripe.com/setup/x"}""", out var req);
        var link = await client.AccountLinks.CreateAsync(new AccountLinkCreateRequest
        {
            Account = "acct_1",
            CollectionOptions = new() { Fields = AccountLinkCollectionOptionsFields.EventuallyDue },
            RefreshUrl = "https://example.com/refresh",
            ReturnUrl = "https://example.com/done",
            Type = AccountLinkType.AccountOnboarding,
        });
        req.Verify("POST", "/v1/account_links", body:
            "account=acct_1&collection_options[fields]=eventually_due&refresh_url=https://example.com/refresh&return_url=https://example.com/done&type=account_onboarding");
        Assert.That(link.ExpiresAt, Is.EqualTo(T0.AddSeconds(300)));
    }

    [Test]
    public async Task AccountSessions_Create()
    {
        using var client = NewClient("""{"object":"account_session","account":"acct_1","client_secret":"accs_secret_abc","expires_at":1700000000,"livemode":false,"components":{"payments":{"enabled":true,"features":{"refund_management":true}}}}""", out var req);
        var session = await client.AccountSessions.CreateAsync(new AccountSessionCreateRequest
        {
            Account = "acct_1",
            Components = new()
            {
                AccountOnboarding = new() { Enabled = true, Features = new() { ExternalAccountCollection = false } },
                Payments = new() { Enabled = true },
            },
        });
        req.Verify("POST", "/v1/account_sessions", body:
            "account=acct_1&components[account_onboarding][enabled]=true&components[account_onboarding][features][external_account_collection]=false&components[payments][enabled]=true");
        Assert.That(session.ClientSecret, Is.EqualTo("accs_secret_abc"));
        Assert.That(session.Components.Payments?.Enabled, Is.True);
    }

    // ---------------------------------------------------------------- application fees

    [Test]
    public async Task ApplicationFees_Get()
    {
        using var client = NewClient(FeeJson, out var req);
        var fee = await client.ApplicationFees.GetAsync(TrickyId, new ApplicationFeeGetRequest { Expand = ["account"] });
        req.Verify("GET", "/v1/application_fees/" + TrickyIdEscaped, query: "expand[]=account");
        Assert.That(fee.Amount, Is.EqualTo(100));
        Assert.That(fee.Account?.Id, Is.EqualTo("acct_1"));
        Assert.That(fee.Charge?.Id, Is.EqualTo("ch_1"));
    }

    [Test]
    public async Task ApplicationFees_List()
    {
        using var client = NewClient(List("/v1/application_fees", FeeJson), out var req);
        var page = await client.ApplicationFees.ListAsync(new ApplicationFeeListRequest { Charge = "ch_1", Created = new TimeRangeInput { Exact = T0 }, Limit = 10 });
        req.Verify("GET", "/v1/application_fees", query: "charge=ch_1&created=1700000000&limit=10");
        Assert.That(page.Data[0].Id, Is.EqualTo("fee_1"));
    }

    [Test]
    public async Task ApplicationFeeRefunds_Create()
    {
        using var client = NewClient(FeeRefundJson, out var req);
        var refund = await client.ApplicationFeeRefunds.CreateAsync(TrickyId, new ApplicationFeeRefundCreateRequest { Amount = 50, Metadata = Meta("reason", "dup") });
        req.Verify("POST", $"/v1/application_fees/{TrickyIdEscaped}/refunds", body: "amount=50&metadata[reason]=dup");
        Assert.That(refund.Amount, Is.EqualTo(50));
        Assert.That(refund.Fee?.Id, Is.EqualTo("fee_1"));
    }

    [Test]
    public async Task ApplicationFeeRefunds_Get()
    {
        using var client = NewClient(FeeRefundJson, out var req);
        var refund = await client.ApplicationFeeRefunds.GetAsync(TrickyId, "fr_1");
        req.Verify("GET", $"/v1/application_fees/{TrickyIdEscaped}/refunds/fr_1");
        Assert.That(refund.Id, Is.EqualTo("fr_1"));
    }

    [Test]
    public async Task ApplicationFeeRefunds_Update()
    {
        using var client = NewClient(FeeRefundJson, out var req);
        var refund = await client.ApplicationFeeRefunds.UpdateAsync("fee_1", TrickyId, new ApplicationFeeRefundUpdateRequest { Metadata = Meta("a", "b") });
        req.Verify("POST", $"/v1/application_fees/fee_1/refunds/{TrickyIdEscaped}", body: "metadata[a]=b");
        Assert.That(refund.Metadata!["reason"], Is.EqualTo("dup"));
    }

    [Test]
    public async Task ApplicationFeeRefunds_List()
    {
        using var client = NewClient(List("/v1/application_fees/fee_1/refunds", FeeRefundJson), out var req);
        var page = await client.ApplicationFeeRefunds.ListAsync(TrickyId, new ApplicationFeeRefundListRequest { Limit = 2 });
        req.Verify("GET", $"/v1/application_fees/{TrickyIdEscaped}/refunds", query: "limit=2");
        Assert.That(page.Data[0].Id, Is.EqualTo("fr_1"));
    }

    // ---------------------------------------------------------------- capabilities and country specs

    [Test]
    public async Task Capabilities_Get()
    {
        using var client = NewClient(CapabilityJson, out var req);
        var capability = await client.Capabilities.GetAsync(TrickyId, "card_payments");
        req.Verify("GET", $"/v1/accounts/{TrickyIdEscaped}/capabilities/card_payments");
        Assert.That(capability.Status, Is.EqualTo(CapabilityStatus.Active));
    }

    [Test]
    public async Task Capabilities_Update()
    {
        using var client = NewClient(CapabilityJson, out var req);
        var capability = await client.Capabilities.UpdateAsync(TrickyId, "card_payments", new CapabilityUpdateRequest { Requested = true });
        req.Verify("POST", $"/v1/accounts/{TrickyIdEscaped}/capabilities/card_payments", body: "requested=true");
        Assert.That(capability.Requested, Is.True);
    }

    [Test]
    public async Task Capabilities_List()
    {
        using var client = NewClient(List("/v1/accounts/acct_1/capabilities", CapabilityJson), out var req);
        var page = await client.Capabilities.ListAsync(TrickyId);
        req.Verify("GET", $"/v1/accounts/{TrickyIdEscaped}/capabilities");
        Assert.That(page.Data[0].Id, Is.EqualTo("card_payments"));
    }

    [Test]
    public async Task CountrySpecs_Get()
    {
        using var client = NewClient(CountrySpecJson, out var req);
        var spec = await client.CountrySpecs.GetAsync("US");
        req.Verify("GET", "/v1/country_specs/US");
        Assert.That(spec.SupportedBankAccountCurrencies!["usd"], Is.EqualTo(new[] { "US" }));
    }

    [Test]
    public async Task CountrySpecs_List()
    {
        using var client = NewClient(List("/v1/country_specs", CountrySpecJson), out var req);
        var page = await client.CountrySpecs.ListAsync(new CountrySpecListRequest { Limit = 5, EndingBefore = "FR" });
        req.Verify("GET", "/v1/country_specs", query: "ending_before=FR&limit=5");
        Assert.That(page.Data[0].DefaultCurrency, Is.EqualTo("usd"));
    }

    // ---------------------------------------------------------------- external accounts

    [Test]
    public async Task ExternalAccounts_Create()
    {
        using var client = NewClient(BankJson, out var req);
        var created = await client.ExternalAccounts.CreateAsync(TrickyId, new ExternalAccountCreateRequest
        {
            DefaultForCurrency = true,
            ExternalAccount = new BankAccountInput
            {
                AccountNumber = "000123456789",
                Country = "US",
                Currency = "usd",
                RoutingNumber = "110000000",
            },
        });
        req.Verify("POST", $"/v1/accounts/{TrickyIdEscaped}/external_accounts", body:
            "default_for_currency=true&external_account[account_number]=000123456789&external_account[country]=US&external_account[currency]=usd"
            + "&external_account[object]=bank_account&external_account[routing_number]=110000000");
        Assert.That(created, Is.TypeOf<BankAccount>());
        Assert.That(((BankAccount)created).BankName, Is.EqualTo("STRIPE TEST BANK"));
    }

    [Test]
    public async Task ExternalAccounts_Create_with_a_token()
    {
        using var client = NewClient(CardJson, out var req);
        var created = await client.ExternalAccounts.CreateAsync("acct_1", new ExternalAccountCreateRequest { ExternalAccount = "tok_visa_debit" });
        req.Verify("POST", "/v1/accounts/acct_1/external_accounts", body: "external_account=tok_visa_debit");
        Assert.That(created, Is.TypeOf<Card>());
    }

    [Test]
    public async Task ExternalAccounts_Get()
    {
        using var client = NewClient(CardJson, out var req);
        var account = await client.ExternalAccounts.GetAsync(TrickyId, "card_1");
        req.Verify("GET", $"/v1/accounts/{TrickyIdEscaped}/external_accounts/card_1");
        Assert.That(account, Is.TypeOf<Card>());
        Assert.That(((Card)account).Brand, Is.EqualTo("Visa"));
        Assert.That(account.Last4, Is.EqualTo("4242"));
    }

    [Test]
    public async Task ExternalAccounts_Update()
    {
        using var client = NewClient(BankJson, out var req);
        var updated = await client.ExternalAccounts.UpdateAsync(TrickyId, "ba_1", new ExternalAccountUpdateRequest
        {
            AccountHolderName = "Jo",
            AccountHolderType = Emptyable<AccountHolderType>.Empty,
            DefaultForCurrency = true,
        });
        req.Verify("POST", $"/v1/accounts/{TrickyIdEscaped}/external_accounts/ba_1", body: "account_holder_name=Jo&account_holder_type=&default_for_currency=true");
        Assert.That(updated.Id, Is.EqualTo("ba_1"));
    }

    [Test]
    public async Task ExternalAccounts_Delete()
    {
        using var client = NewClient("""{"id":"ba_1","object":"bank_account","deleted":true}""", out var req);
        var deleted = await client.ExternalAccounts.DeleteAsync(TrickyId, "ba_1");
        req.Verify("DELETE", $"/v1/accounts/{TrickyIdEscaped}/external_accounts/ba_1");
        Assert.That(deleted, Is.TypeOf<DeletedBankAccount>());
        Assert.That(deleted.Id, Is.EqualTo("ba_1"));
    }

    [Test]
    public async Task ExternalAccounts_List()
    {
        using var client = NewClient(List("/v1/accounts/acct_1/external_accounts", CardJson, BankJson), out var req);
        var page = await client.ExternalAccounts.ListAsync(TrickyId, new ExternalAccountListRequest { Limit = 2, Object = ExternalAccountObject.Card });
        req.Verify("GET", $"/v1/accounts/{TrickyIdEscaped}/external_accounts", query: "limit=2&object=card");
        Assert.That(page.Data[0], Is.TypeOf<Card>());
        Assert.That(page.Data[1], Is.TypeOf<BankAccount>());
    }

    // ---------------------------------------------------------------- persons

    [Test]
    public async Task Persons_Create()
    {
        using var client = NewClient(PersonJson, out var req);
        var person = await client.Persons.CreateAsync(TrickyId, new PersonCreateRequest
        {
            Dob = new CalendarDateInput { Day = 1, Month = 2, Year = 1990 },
            FirstName = "Jo",
            FullNameAliases = new[] { "Jojo" },
            Relationship = new() { Owner = true, PercentOwnership = 25.5m, Title = "CEO" },
        });
        req.Verify("POST", $"/v1/accounts/{TrickyIdEscaped}/persons", body:
            "dob[day]=1&dob[month]=2&dob[year]=1990&first_name=Jo&full_name_aliases[]=Jojo&relationship[owner]=true&relationship[percent_ownership]=25.5&relationship[title]=CEO");
        Assert.That(person.Relationship?.PercentOwnership, Is.EqualTo(25.5m));
    }

    [Test]
    public async Task Persons_Get()
    {
        using var client = NewClient(PersonJson, out var req);
        var person = await client.Persons.GetAsync(TrickyId, "person_1");
        req.Verify("GET", $"/v1/accounts/{TrickyIdEscaped}/persons/person_1");
        Assert.That(person.FirstName, Is.EqualTo("Jo"));
    }

    [Test]
    public async Task Persons_Update()
    {
        using var client = NewClient(PersonJson, out var req);
        var person = await client.Persons.UpdateAsync(TrickyId, "person_1", new PersonUpdateRequest { Dob = Emptyable<CalendarDateInput>.Empty, Email = "jo@example.com" });
        req.Verify("POST", $"/v1/accounts/{TrickyIdEscaped}/persons/person_1", body: "dob=&email=jo@example.com");
        Assert.That(person.Id, Is.EqualTo("person_1"));
    }

    [Test]
    public async Task Persons_Delete()
    {
        using var client = NewClient("""{"id":"person_1","object":"person","deleted":true}""", out var req);
        var deleted = await client.Persons.DeleteAsync(TrickyId, "person_1");
        req.Verify("DELETE", $"/v1/accounts/{TrickyIdEscaped}/persons/person_1");
        Assert.That(deleted.Deleted, Is.True);
    }

    [Test]
    public async Task Persons_List()
    {
        using var client = NewClient(List("/v1/accounts/acct_1/persons", PersonJson), out var req);
        var page = await client.Persons.ListAsync(TrickyId, new PersonListRequest { Limit = 10, Relationship = new() { Owner = true, Representative = true } });
        req.Verify("GET", $"/v1/accounts/{TrickyIdEscaped}/persons", query: "limit=10&relationship[owner]=true&relationship[representative]=true");
        Assert.That(page.Data[0].Id, Is.EqualTo("person_1"));
    }

    // ---------------------------------------------------------------- top-ups

    [Test]
    public async Task Topups_Create()
    {
        using var client = NewClient(TopupJson, out var req);
        var topup = await client.Topups.CreateAsync(new TopupCreateRequest { Amount = 2000, Currency = "usd", Description = "Top up", Metadata = Meta("k", "v") });
        req.Verify("POST", "/v1/topups", body: "amount=2000&currency=usd&description=Top up&metadata[k]=v");
        Assert.That(topup.Status, Is.EqualTo(TopupStatus.Pending));
    }

    [Test]
    public async Task Topups_Get()
    {
        using var client = NewClient(TopupJson, out var req);
        var topup = await client.Topups.GetAsync(TrickyId);
        req.Verify("GET", "/v1/topups/" + TrickyIdEscaped);
        Assert.That(topup.Amount, Is.EqualTo(2000));
    }

    [Test]
    public async Task Topups_Update()
    {
        using var client = NewClient(TopupJson, out var req);
        var topup = await client.Topups.UpdateAsync(TrickyId, new TopupUpdateRequest { Description = "new" });
        req.Verify("POST", "/v1/topups/" + TrickyIdEscaped, body: "description=new");
        Assert.That(topup.Id, Is.EqualTo("tu_1"));
    }

    [Test]
    public async Task Topups_List()
    {
        using var client = NewClient(List("/v1/topups", TopupJson), out var req);
        var page = await client.Topups.ListAsync(new TopupListRequest { Amount = new NumberRangeInput { Gt = 100, Lte = 500 }, Status = TopupStatus.Pending });
        req.Verify("GET", "/v1/topups", query: "amount[gt]=100&amount[lte]=500&status=pending");
        Assert.That(page.Data[0].Created, Is.EqualTo(T0));
    }

    [Test]
    public async Task Topups_Cancel()
    {
        using var client = NewClient(TopupJson.Replace("pending", "canceled", StringComparison.Ordinal), out var req);
        var topup = await client.Topups.CancelAsync(TrickyId);
        req.Verify("POST", $"/v1/topups/{TrickyIdEscaped}/cancel");
        Assert.That(topup.Status, Is.EqualTo(TopupStatus.Canceled));
    }

    // ---------------------------------------------------------------- transfers and reversals

    [Test]
    public async Task Transfers_Create()
    {
        using var client = NewClient(TransferJson, out var req);
        var transfer = await client.Transfers.CreateAsync(new TransferCreateRequest
        {
            Amount = 1100,
            Currency = "usd",
            Destination = "acct_1",
            SourceType = TransferSourceType.BankAccount,
            TransferGroup = "g1",
        });
        req.Verify("POST", "/v1/transfers", body: "amount=1100&currency=usd&destination=acct_1&source_type=bank_account&transfer_group=g1");
        Assert.That(transfer.Destination?.Id, Is.EqualTo("acct_1"));
        Assert.That(transfer.Destination?.IsExpanded, Is.False);
    }

    [Test]
    public async Task Transfers_Get()
    {
        using var client = NewClient(TransferJson.Replace("\"destination\":\"acct_1\"", "\"destination\":" + AccountJson, StringComparison.Ordinal), out var req);
        var transfer = await client.Transfers.GetAsync(TrickyId, new TransferGetRequest { Expand = ["destination"] });
        req.Verify("GET", "/v1/transfers/" + TrickyIdEscaped, query: "expand[]=destination");
        Assert.That(transfer.Destination?.Value?.Email, Is.EqualTo("jo@example.com"));
    }

    [Test]
    public async Task Transfers_Update()
    {
        using var client = NewClient(TransferJson, out var req);
        var transfer = await client.Transfers.UpdateAsync(TrickyId, new TransferUpdateRequest { Description = "d", Metadata = Meta("k", "v") });
        req.Verify("POST", "/v1/transfers/" + TrickyIdEscaped, body: "description=d&metadata[k]=v");
        Assert.That(transfer.Amount, Is.EqualTo(1100));
    }

    [Test]
    public async Task Transfers_List()
    {
        using var client = NewClient(List("/v1/transfers", TransferJson), out var req);
        var page = await client.Transfers.ListAsync(new TransferListRequest { Created = new TimeRangeInput { Gt = T0, Lt = T0.AddDays(1) }, Destination = "acct_1" });
        req.Verify("GET", "/v1/transfers", query: "created[gt]=1700000000&created[lt]=1700086400&destination=acct_1");
        Assert.That(page.Data[0].Id, Is.EqualTo("tr_1"));
    }

    [Test]
    public async Task TransferReversals_Create()
    {
        using var client = NewClient(ReversalJson, out var req);
        var reversal = await client.TransferReversals.CreateAsync(TrickyId, new TransferReversalCreateRequest { Amount = 100, RefundApplicationFee = true });
        req.Verify("POST", $"/v1/transfers/{TrickyIdEscaped}/reversals", body: "amount=100&refund_application_fee=true");
        Assert.That(reversal.Transfer?.Id, Is.EqualTo("tr_1"));
    }

    [Test]
    public async Task TransferReversals_Get()
    {
        using var client = NewClient(ReversalJson, out var req);
        var reversal = await client.TransferReversals.GetAsync("tr_1", TrickyId);
        req.Verify("GET", $"/v1/transfers/tr_1/reversals/{TrickyIdEscaped}");
        Assert.That(reversal.Id, Is.EqualTo("trr_1"));
    }

    [Test]
    public async Task TransferReversals_Update()
    {
        using var client = NewClient(ReversalJson, out var req);
        var reversal = await client.TransferReversals.UpdateAsync(TrickyId, "trr_1", new TransferReversalUpdateRequest { Metadata = Meta("k", "v") });
        req.Verify("POST", $"/v1/transfers/{TrickyIdEscaped}/reversals/trr_1", body: "metadata[k]=v");
        Assert.That(reversal.Amount, Is.EqualTo(100));
    }

    [Test]
    public async Task TransferReversals_List()
    {
        using var client = NewClient(List("/v1/transfers/tr_1/reversals", ReversalJson), out var req);
        var page = await client.TransferReversals.ListAsync(TrickyId, new TransferReversalListRequest { Limit = 1 });
        req.Verify("GET", $"/v1/transfers/{TrickyIdEscaped}/reversals", query: "limit=1");
        Assert.That(page.Data[0].Id, Is.EqualTo("trr_1"));
    }

    // ---------------------------------------------------------------- app secrets

    [Test]
    public async Task Secrets_Create()
    {
        using var client = NewClient(SecretJson, out var req);
        var secret = await client.Secrets.CreateAsync(new SecretCreateRequest
        {
            ExpiresAt = DateTimeOffset.FromUnixTimeSeconds(1800000000),
            Name = "api-key",
            Payload = "s3cr3t",
            Scope = new() { Type = SecretScopeType.User, User = "usr_1" },
        });
        req.Verify("POST", "/v1/apps/secrets", body: "expires_at=1800000000&name=api-key&payload=s3cr3t&scope[type]=user&scope[user]=usr_1");
        Assert.That(secret.Name, Is.EqualTo("api-key"));
        Assert.That(secret.Scope.Type, Is.EqualTo(SecretScopeType.Account));
    }

    [Test]
    public async Task Secrets_Find()
    {
        using var client = NewClient(SecretJson, out var req);
        var secret = await client.Secrets.FindAsync(new SecretFindRequest { Expand = ["payload"], Name = "api-key", Scope = new() { Type = SecretScopeType.Account } });
        req.Verify("GET", "/v1/apps/secrets/find", query: "expand[]=payload&name=api-key&scope[type]=account");
        Assert.That(secret.Payload, Is.EqualTo("s3cr3t"));
    }

    [Test]
    public async Task Secrets_DeleteWhere()
    {
        using var client = NewClient("""{"id":"appsecret_1","object":"apps.secret","name":"api-key","deleted":true,"scope":{"type":"account"}}""", out var req);
        var secret = await client.Secrets.DeleteWhereAsync(new SecretDeleteWhereRequest { Name = "api-key", Scope = new() { Type = SecretScopeType.Account } });
        req.Verify("POST", "/v1/apps/secrets/delete", body: "name=api-key&scope[type]=account");
        Assert.That(secret.Deleted, Is.True);
    }

    [Test]
    public async Task Secrets_List()
    {
        using var client = NewClient(List("/v1/apps/secrets", SecretJson), out var req);
        var page = await client.Secrets.ListAsync(new SecretListRequest { Limit = 2, Scope = new() { Type = SecretScopeType.Account } });
        req.Verify("GET", "/v1/apps/secrets", query: "limit=2&scope[type]=account");
        Assert.That(page.Data[0].Id, Is.EqualTo("appsecret_1"));
    }

    // ---------------------------------------------------------------- shared behaviour

    [Test]
    public async Task Form_keys_and_values_are_percent_encoded_on_the_wire()
    {
        using var client = NewClient(TopupJson, out var req);
        await client.Topups.CreateAsync(new TopupCreateRequest { Amount = 1, Currency = "usd", Metadata = Meta("a b", "x&y") });
        Assert.That(req.RawBody, Is.EqualTo("amount=1&currency=usd&metadata[a%20b]=x%26y"));
    }

    [Test]
    public void Missing_or_invalid_ids_are_rejected_before_sending()
    {
        using var client = NewClient(AccountJson, out var req);
        var ex = Assert.ThrowsAsync<ArgumentException>(() => client.Capabilities.GetAsync("acct_1", " "));
        Assert.That(ex!.ParamName, Is.EqualTo("capabilityId"));
        var nullEx = Assert.ThrowsAsync<ArgumentNullException>(() => client.Accounts.GetAsync(null!));
        Assert.That(nullEx!.ParamName, Is.EqualTo("accountId"));
        var dots = Assert.Throws<ArgumentException>(() => client.Persons.ListAutoPagingAsync(".."));
        Assert.That(dots!.ParamName, Is.EqualTo("accountId"));
        Assert.ThrowsAsync<ArgumentNullException>(() => client.AccountLinks.CreateAsync(null!));
        Assert.That(req.Count, Is.Zero);
    }

    [Test]
    public async Task ListAutoPaging_follows_the_cursor_across_pages()
    {
        var mock = new MockHttpMessageHandler();
        var queries = new List<string>();
        mock.When("*").Respond(request =>
        {
            var query = Uri.UnescapeDataString(request.RequestUri!.Query);
            queries.Add(query);
            var json = query.Contains("starting_after=tr_2", StringComparison.Ordinal)
                ? List("/v1/transfers", TransferJson.Replace("tr_1", "tr_3", StringComparison.Ordinal))
                : List("/v1/transfers", TransferJson, TransferJson.Replace("tr_1", "tr_2", StringComparison.Ordinal)).Replace("\"has_more\":false", "\"has_more\":true", StringComparison.Ordinal);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        });
        using var client = new ConnectClient(new ConnectClientOptions { ApiKey = "sk_test_123", MaxNetworkRetries = 0 }, mock.ToHttpClient());
        var ids = new List<string>();
        await foreach (var transfer in client.Transfers.ListAutoPagingAsync(new TransferListRequest { Limit = 2 }))
        {
            ids.Add(transfer.Id);
        }

        Assert.That(ids, Is.EqualTo(new[] { "tr_1", "tr_2", "tr_3" }));
        Assert.That(queries, Has.Count.EqualTo(2));
        Assert.That(queries[1], Does.Contain("starting_after=tr_2"));
    }

    [Test]
    public async Task Every_list_has_an_auto_paging_method()
    {
        using var client = NewClient(List("/v1/x", AccountJson), out _);
        var count = 0;
        await foreach (var item in client.Accounts.ListAutoPagingAsync())
        {
            count++;
        }

        Assert.That(count, Is.EqualTo(1));
        Assert.That(client.ApplicationFees.ListAutoPagingAsync(), Is.Not.Null);
        Assert.That(client.ApplicationFeeRefunds.ListAutoPagingAsync("fee_1"), Is.Not.Null);
        Assert.That(client.Capabilities.ListAutoPagingAsync("acct_1"), Is.Not.Null);
        Assert.That(client.CountrySpecs.ListAutoPagingAsync(), Is.Not.Null);
        Assert.That(client.ExternalAccounts.ListAutoPagingAsync("acct_1"), Is.Not.Null);
        Assert.That(client.Persons.ListAutoPagingAsync("acct_1"), Is.Not.Null);
        Assert.That(client.Topups.ListAutoPagingAsync(), Is.Not.Null);
        Assert.That(client.Transfers.ListAutoPagingAsync(), Is.Not.Null);
        Assert.That(client.TransferReversals.ListAutoPagingAsync("tr_1"), Is.Not.Null);
        Assert.That(client.Secrets.ListAutoPagingAsync(new SecretListRequest { Scope = new() { Type = SecretScopeType.Account } }), Is.Not.Null);
    }

    [Test]
    public void Every_service_is_a_client_property_and_resolvable_from_dependency_injection()
    {
        var services = new ServiceCollection();
        services.AddConnectClient(o => o.ApiKey = "sk_test_123");
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ConnectClient>();
        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<AccountService>(), Is.SameAs(client.Accounts));
            Assert.That(provider.GetRequiredService<LoginLinkService>(), Is.SameAs(client.LoginLinks));
            Assert.That(provider.GetRequiredService<AccountLinkService>(), Is.SameAs(client.AccountLinks));
            Assert.That(provider.GetRequiredService<AccountSessionService>(), Is.SameAs(client.AccountSessions));
            Assert.That(provider.GetRequiredService<ApplicationFeeService>(), Is.SameAs(client.ApplicationFees));
            Assert.That(provider.GetRequiredService<ApplicationFeeRefundService>(), Is.SameAs(client.ApplicationFeeRefunds));
            Assert.That(provider.GetRequiredService<CapabilityService>(), Is.SameAs(client.Capabilities));
            Assert.That(provider.GetRequiredService<CountrySpecService>(), Is.SameAs(client.CountrySpecs));
            Assert.That(provider.GetRequiredService<ExternalAccountService>(), Is.SameAs(client.ExternalAccounts));
            Assert.That(provider.GetRequiredService<PersonService>(), Is.SameAs(client.Persons));
            Assert.That(provider.GetRequiredService<TopupService>(), Is.SameAs(client.Topups));
            Assert.That(provider.GetRequiredService<TransferService>(), Is.SameAs(client.Transfers));
            Assert.That(provider.GetRequiredService<TransferReversalService>(), Is.SameAs(client.TransferReversals));
            Assert.That(provider.GetRequiredService<SecretService>(), Is.SameAs(client.Secrets));
            Assert.That(provider.GetRequiredService<BalanceService>(), Is.SameAs(client.Balance));
            Assert.That(provider.GetRequiredService<BalanceTransactionService>(), Is.SameAs(client.BalanceTransactions));
            Assert.That(provider.GetRequiredService<BalanceSettingsService>(), Is.SameAs(client.BalanceSettings));
            Assert.That(provider.GetRequiredService<PayoutService>(), Is.SameAs(client.Payouts));
            Assert.That(provider.GetRequiredService<TokenService>(), Is.SameAs(client.Tokens));
            Assert.That(provider.GetRequiredService<EventService>(), Is.SameAs(client.Events));
            Assert.That(provider.GetRequiredService<WebhookEndpointService>(), Is.SameAs(client.WebhookEndpoints));
            Assert.That(provider.GetRequiredService<OAuthService>(), Is.SameAs(client.OAuth));
        });
    }

    [Test]
    public void The_services_have_exactly_the_71_operations()
    {
        var count = 0;
        foreach (var type in typeof(ConnectService).Assembly.GetExportedTypes())
        {
            if (type.IsSubclassOf(typeof(ConnectService)) && type.Namespace == "Stripe.Connect.Client")
            {
                foreach (var method in type.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly))
                {
                    if (method.Name.EndsWith("Async", StringComparison.Ordinal) && method.Name != "ListAutoPagingAsync")
                    {
                        count++;
                    }
                }
            }
        }

        Assert.That(count, Is.EqualTo(71));
    }
}
