using System.Net;
using static Stripe.Connect.Client.V2.Core.Tests.V2TestSupport;

namespace Stripe.Connect.Client.V2.Core.Tests;

/// <summary>One test per v2 Core operation: HTTP method, exact (escaped) path, exact JSON body or query, typed result, idempotency key.</summary>
public class V2OperationTests
{
    private const string AccountJson = """{"id":"acct_1","object":"v2.core.account","applied_configurations":["merchant","recipient"],"created":"2026-10-29T14:02:11.517Z","dashboard":"express","display_name":"Shop","livemode":false,"metadata":{"order":"42"}}""";
    private const string PersonJson = """{"id":"person_1","object":"v2.core.account_person","account":"acct_1","created":"2026-10-29T14:04:55.901Z","given_name":"Jo","relationship":{"owner":true,"percent_ownership":"25.5"},"updated":"2026-10-29T14:04:55.901Z","livemode":false}""";
    private const string TokenJson = """{"id":"perstok_1","object":"v2.core.account_person_token","created":"2026-10-29T14:01:48.204Z","expires_at":"2026-10-29T14:11:48.204Z","livemode":false,"used":false}""";
    private const string AccountTokenJson = """{"id":"accttok_1","object":"v2.core.account_token","created":"2026-10-29T14:01:48.204Z","expires_at":"2026-10-29T14:11:48.204Z","livemode":false,"used":true}""";
    private const string LinkJson = """{"object":"v2.core.account_link","account":"acct_1","created":"2026-10-29T14:03:02.118Z","expires_at":"2026-10-29T14:08:02.118Z","livemode":false,"url":"https://connect.stripe.com/d/setup/s/x","use_case":{"type":"account_onboarding","account_onboarding":{"refresh_url":"https://p.example/refresh","return_url":"https://p.example/done"}}}""";
    private const string EventJson = """{"id":"evt_1","object":"v2.core.event","type":"v2.core.account.updated","created":"2026-10-30T09:41:28.052Z","livemode":false,"context":"acct_1","related_object":{"id":"acct_1","type":"v2.core.account","url":"/v2/core/accounts/acct_1"}}""";
    private const string DestinationJson = """{"id":"ed_1","object":"v2.core.event_destination","created":"2026-10-28T18:20:03.245Z","description":"d","enabled_events":["v2.core.account.updated"],"event_payload":"thin","livemode":false,"metadata":{},"name":"n","status":"enabled","type":"webhook_endpoint","updated":"2026-10-28T18:20:03.245Z","webhook_endpoint":{"url":"https://p.example/hook"}}""";
    private const string DeletedJson = """{"id":"person_1","object":"v2.core.account_person"}""";

    // ---------------------------------------------------------------- accounts

    [Test]
    public async Task Accounts_Create()
    {
        using var client = NewClient(AccountJson, out var req);
        var account = await client.V2.Core.Accounts.CreateAsync(new AccountCreateRequest
        {
            Configuration = new()
            {
                Merchant = new() { Capabilities = new() { CardPayments = new() { Requested = true } }, Mcc = "5734" },
                Recipient = new() { Capabilities = new() { StripeBalance = new() { StripeTransfers = new() { Requested = true } } } },
            },
            ContactEmail = "jo@example.com",
            Dashboard = AccountDashboard.Express,
            Identity = new() { Country = "US", EntityType = AccountIdentityEntityType.Company },
            Include = [AccountInclude.ConfigurationMerchant, AccountInclude.Requirements],
            Metadata = new Dictionary<string, string?> { ["order"] = "42" },
        });
        req.Verify("POST", "/v2/core/accounts", body:
            """{"configuration":{"merchant":{"capabilities":{"card_payments":{"requested":true}},"mcc":"5734"},"recipient":{"capabilities":{"stripe_balance":{"stripe_transfers":{"requested":true}}}}}"""
            + ""","contact_email":"jo@example.com","dashboard":"express","identity":{"country":"US","entity_type":"company"},"include":["configuration.merchant","requirements"],"metadata":{"order":"42"}}""");
        Assert.Multiple(() =>
        {
            Assert.That(account.Id, Is.EqualTo("acct_1"));
            Assert.That(account.AppliedConfigurations, Is.EqualTo(new[] { AccountAppliedConfigurations.Merchant, AccountAppliedConfigurations.Recipient }));
            Assert.That(account.Created, Is.EqualTo(new DateTimeOffset(2026, 10, 29, 14, 2, 11, 517, TimeSpan.Zero)));
            Assert.That(account.Dashboard, Is.EqualTo(AccountDashboard.Express));
            Assert.That(account.Metadata["order"], Is.EqualTo("42"));
            Assert.That(account.StripeResponse?.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task Accounts_Get()
    {
        using var client = NewClient(AccountJson, out var req);
        var account = await client.V2.Core.Accounts.GetAsync(TrickyId, new AccountGetRequest { Include = [AccountInclude.Identity, AccountInclude.Requirements] });
        req.Verify("GET", "/v2/core/accounts/" + TrickyIdEscaped, query: "include[0]=identity&include[1]=requirements");
        Assert.That(account.DisplayName, Is.EqualTo("Shop"));
    }

    [Test]
    public async Task Accounts_Update_sends_null_to_remove_a_metadata_key()
    {
        using var client = NewClient(AccountJson, out var req);
        var account = await client.V2.Core.Accounts.UpdateAsync(TrickyId, new AccountUpdateRequest
        {
            DisplayName = "Shop & Co",
            Metadata = new Dictionary<string, string?> { ["old"] = null, ["order"] = "43" },
        });
        req.Verify("POST", "/v2/core/accounts/" + TrickyIdEscaped, body: """{"display_name":"Shop \u0026 Co","metadata":{"old":null,"order":"43"}}""");
        Assert.That(account.Id, Is.EqualTo("acct_1"));
    }

    [Test]
    public async Task Accounts_List()
    {
        using var client = NewClient(Page("/v2/core/accounts?page=p2", AccountJson), out var req);
        var page = await client.V2.Core.Accounts.ListAsync(new AccountListRequest
        {
            AppliedConfigurations = [AccountAppliedConfigurations.Merchant, AccountAppliedConfigurations.Recipient],
            Closed = false,
            Limit = 10,
        });
        req.Verify("GET", "/v2/core/accounts", query: "applied_configurations[0]=merchant&applied_configurations[1]=recipient&closed=false&limit=10");
        Assert.Multiple(() =>
        {
            Assert.That(page.Data.Single().Id, Is.EqualTo("acct_1"));
            Assert.That(page.NextPageUrl, Is.EqualTo("/v2/core/accounts?page=p2"));
            Assert.That(page.PreviousPageUrl, Is.Null);
        });
    }

    [Test]
    public async Task Accounts_Close()
    {
        using var client = NewClient(AccountJson, out var req);
        var account = await client.V2.Core.Accounts.CloseAsync(TrickyId, new AccountCloseRequest { AppliedConfigurations = [AccountAppliedConfigurations.Merchant] });
        req.Verify("POST", "/v2/core/accounts/" + TrickyIdEscaped + "/close", body: """{"applied_configurations":["merchant"]}""");
        Assert.That(account.Id, Is.EqualTo("acct_1"));
    }

    [Test]
    public async Task Accounts_Close_without_parameters_sends_an_empty_object()
    {
        using var client = NewClient(AccountJson, out var req);
        await client.V2.Core.Accounts.CloseAsync("acct_1");
        req.Verify("POST", "/v2/core/accounts/acct_1/close", body: "{}");
    }

    // ---------------------------------------------------------------- persons

    [Test]
    public async Task AccountPersons_Create()
    {
        using var client = NewClient(PersonJson, out var req);
        var person = await client.V2.Core.AccountPersons.CreateAsync(TrickyId, new AccountPersonCreateRequest
        {
            DateOfBirth = new() { Day = 14, Month = 6, Year = 1986 },
            GivenName = "Jo",
            Relationship = new() { Owner = true, PercentOwnership = 25.5m },
            Surname = "Doe",
        });
        req.Verify("POST", $"/v2/core/accounts/{TrickyIdEscaped}/persons", body:
            """{"date_of_birth":{"day":14,"month":6,"year":1986},"given_name":"Jo","relationship":{"owner":true,"percent_ownership":"25.5"},"surname":"Doe"}""");
        Assert.Multiple(() =>
        {
            Assert.That(person.Id, Is.EqualTo("person_1"));
            Assert.That(person.Relationship!.PercentOwnership, Is.EqualTo(25.5m));
        });
    }

    [Test]
    public async Task AccountPersons_Get()
    {
        using var client = NewClient(PersonJson, out var req);
        var person = await client.V2.Core.AccountPersons.GetAsync("acct_1", "person/1");
        req.Verify("GET", "/v2/core/accounts/acct_1/persons/person%2F1");
        Assert.That(person.GivenName, Is.EqualTo("Jo"));
    }

    [Test]
    public async Task AccountPersons_Update()
    {
        using var client = NewClient(PersonJson, out var req);
        await client.V2.Core.AccountPersons.UpdateAsync("acct_1", "person_1", new AccountPersonUpdateRequest { Email = "jo@example.com", Nationalities = ["US", "FR"] });
        req.Verify("POST", "/v2/core/accounts/acct_1/persons/person_1", body: """{"email":"jo@example.com","nationalities":["US","FR"]}""");
    }

    [Test]
    public async Task AccountPersons_Delete()
    {
        using var client = NewClient(DeletedJson, out var req);
        var deleted = await client.V2.Core.AccountPersons.DeleteAsync("acct_1", "person_1");
        req.Verify("DELETE", "/v2/core/accounts/acct_1/persons/person_1");
        Assert.Multiple(() =>
        {
            Assert.That(deleted.Id, Is.EqualTo("person_1"));
            Assert.That(deleted.Object, Is.EqualTo("v2.core.account_person"));
        });
    }

    [Test]
    public async Task AccountPersons_List()
    {
        using var client = NewClient(Page(null, PersonJson), out var req);
        var page = await client.V2.Core.AccountPersons.ListAsync("acct_1", new AccountPersonListRequest { Limit = 5 });
        req.Verify("GET", "/v2/core/accounts/acct_1/persons", query: "limit=5");
        Assert.That(page.Data.Single().Account, Is.EqualTo("acct_1"));
    }

    // ---------------------------------------------------------------- person tokens and account tokens

    [Test]
    public async Task AccountPersonTokens_Create()
    {
        using var client = NewClient(TokenJson, out var req);
        var token = await client.V2.Core.AccountPersonTokens.CreateAsync("acct_1", new AccountPersonTokenCreateRequest { GivenName = "Jo", Metadata = new Dictionary<string, string?> { ["k"] = "v" } });
        req.Verify("POST", "/v2/core/accounts/acct_1/person_tokens", body: """{"given_name":"Jo","metadata":{"k":"v"}}""");
        Assert.Multiple(() =>
        {
            Assert.That(token.Id, Is.EqualTo("perstok_1"));
            Assert.That(token.ExpiresAt, Is.EqualTo(new DateTimeOffset(2026, 10, 29, 14, 11, 48, 204, TimeSpan.Zero)));
        });
    }

    [Test]
    public async Task AccountPersonTokens_Get()
    {
        using var client = NewClient(TokenJson, out var req);
        var token = await client.V2.Core.AccountPersonTokens.GetAsync("acct_1", "perstok_1");
        req.Verify("GET", "/v2/core/accounts/acct_1/person_tokens/perstok_1");
        Assert.That(token.Used, Is.False);
    }

    [Test]
    public async Task AccountTokens_Create()
    {
        using var client = NewClient(AccountTokenJson, out var req);
        var token = await client.V2.Core.AccountTokens.CreateAsync(new AccountTokenCreateRequest { ContactEmail = "jo@example.com", DisplayName = "Shop" });
        req.Verify("POST", "/v2/core/account_tokens", body: """{"contact_email":"jo@example.com","display_name":"Shop"}""");
        Assert.That(token.Id, Is.EqualTo("accttok_1"));
    }

    [Test]
    public async Task AccountTokens_Get()
    {
        using var client = NewClient(AccountTokenJson, out var req);
        var token = await client.V2.Core.AccountTokens.GetAsync("accttok_1");
        req.Verify("GET", "/v2/core/account_tokens/accttok_1");
        Assert.That(token.Used, Is.True);
    }

    // ---------------------------------------------------------------- account links

    [Test]
    public async Task AccountLinks_Create()
    {
        using var client = NewClient(LinkJson, out var req);
        var link = await client.V2.Core.AccountLinks.CreateAsync(new AccountLinkCreateRequest
        {
            Account = "acct_1",
            UseCase = new()
            {
                Type = AccountLinkUseCaseType.AccountOnboarding,
                AccountOnboarding = new() { RefreshUrl = "https://p.example/refresh", ReturnUrl = "https://p.example/done" },
            },
        });
        req.Verify("POST", "/v2/core/account_links", body:
            """{"account":"acct_1","use_case":{"account_onboarding":{"refresh_url":"https://p.example/refresh","return_url":"https://p.example/done"},"type":"account_onboarding"}}""");
        Assert.Multiple(() =>
        {
            Assert.That(link.Url, Is.EqualTo("https://connect.stripe.com/d/setup/s/x"));
            Assert.That(link.UseCase.Type, Is.EqualTo(AccountLinkUseCaseType.AccountOnboarding));
            Assert.That(link.ExpiresAt - link.Created, Is.EqualTo(TimeSpan.FromMinutes(5)));
        });
    }

    [Test]
    public void AccountLinks_Create_refuses_a_missing_required_member_before_sending()
    {
        using var client = NewClient(LinkJson, out var req);
        var request = new AccountLinkCreateRequest { Account = null!, UseCase = new() { Type = AccountLinkUseCaseType.AccountUpdate } };
        var e = Assert.ThrowsAsync<ArgumentException>(() => client.V2.Core.AccountLinks.CreateAsync(request));
        Assert.Multiple(() =>
        {
            Assert.That(e!.ParamName, Is.EqualTo("account"));
            Assert.That(req.Count, Is.Zero);
        });
    }

    // ---------------------------------------------------------------- events

    [Test]
    public async Task Events_List()
    {
        using var client = NewClient(Page(null, EventJson), out var req);
        var page = await client.V2.Core.Events.ListAsync(new EventListRequest
        {
            Created = new() { Gte = 1700000000 },
            Limit = 20,
            ObjectId = "acct_1",
            Types = ["v2.core.account.updated", "v2.core.account.created"],
        });
        req.Verify("GET", "/v2/core/events", query: "created[gte]=1700000000&limit=20&object_id=acct_1&types[0]=v2.core.account.updated&types[1]=v2.core.account.created");
        Assert.Multiple(() =>
        {
            var e = page.Data.Single();
            Assert.That(e.Type, Is.EqualTo("v2.core.account.updated"));
            Assert.That(e.Context, Is.EqualTo("acct_1"));
            Assert.That(e.RelatedObject!.Url, Is.EqualTo("/v2/core/accounts/acct_1"));
        });
    }

    [Test]
    public async Task Events_Get()
    {
        using var client = NewClient(EventJson, out var req);
        var e = await client.V2.Core.Events.GetAsync("evt_1");
        req.Verify("GET", "/v2/core/events/evt_1");
        Assert.That(e.Id, Is.EqualTo("evt_1"));
    }

    // ---------------------------------------------------------------- event destinations

    [Test]
    public async Task EventDestinations_Create()
    {
        using var client = NewClient(DestinationJson, out var req);
        var destination = await client.V2.Core.EventDestinations.CreateAsync(new EventDestinationCreateRequest
        {
            EnabledEvents = ["v2.core.account.updated"],
            EventPayload = EventDestinationEventPayload.Thin,
            EventsFrom = ["@accounts"],
            Include = [EventDestinationInclude.WebhookEndpointUrl],
            Name = "n",
            Type = EventDestinationType.WebhookEndpoint,
            WebhookEndpoint = new() { Url = "https://p.example/hook" },
        });
        req.Verify("POST", "/v2/core/event_destinations", body:
            """{"enabled_events":["v2.core.account.updated"],"event_payload":"thin","events_from":["@accounts"],"include":["webhook_endpoint.url"],"name":"n","type":"webhook_endpoint","webhook_endpoint":{"url":"https://p.example/hook"}}""");
        Assert.Multiple(() =>
        {
            Assert.That(destination.Status, Is.EqualTo(EventDestinationStatus.Enabled));
            Assert.That(destination.WebhookEndpoint!.Url, Is.EqualTo("https://p.example/hook"));
        });
    }

    [Test]
    public async Task EventDestinations_Get()
    {
        using var client = NewClient(DestinationJson, out var req);
        var destination = await client.V2.Core.EventDestinations.GetAsync("ed_1", new EventDestinationGetRequest { Include = [EventDestinationInclude.WebhookEndpointUrl] });
        req.Verify("GET", "/v2/core/event_destinations/ed_1", query: "include[0]=webhook_endpoint.url");
        Assert.That(destination.Id, Is.EqualTo("ed_1"));
    }

    [Test]
    public async Task EventDestinations_Update()
    {
        using var client = NewClient(DestinationJson, out var req);
        await client.V2.Core.EventDestinations.UpdateAsync("ed_1", new EventDestinationUpdateRequest { Description = "new", EnabledEvents = ["v1.payout.paid"] });
        req.Verify("POST", "/v2/core/event_destinations/ed_1", body: """{"description":"new","enabled_events":["v1.payout.paid"]}""");
    }

    [Test]
    public async Task EventDestinations_Delete()
    {
        using var client = NewClient("""{"id":"ed_1","object":"v2.core.event_destination"}""", out var req);
        var deleted = await client.V2.Core.EventDestinations.DeleteAsync("ed_1");
        req.Verify("DELETE", "/v2/core/event_destinations/ed_1");
        Assert.That(deleted.Object, Is.EqualTo("v2.core.event_destination"));
    }

    [Test]
    public async Task EventDestinations_List()
    {
        using var client = NewClient(Page(null, DestinationJson), out var req);
        var page = await client.V2.Core.EventDestinations.ListAsync(new EventDestinationListRequest { Include = [EventDestinationInclude.WebhookEndpointUrl], Limit = 2 });
        req.Verify("GET", "/v2/core/event_destinations", query: "include[0]=webhook_endpoint.url&limit=2");
        Assert.That(page.Data.Single().Name, Is.EqualTo("n"));
    }

    [Test]
    public async Task EventDestinations_Enable()
    {
        using var client = NewClient(DestinationJson, out var req);
        var destination = await client.V2.Core.EventDestinations.EnableAsync("ed_1");
        req.Verify("POST", "/v2/core/event_destinations/ed_1/enable", body: "{}");
        Assert.That(destination.Id, Is.EqualTo("ed_1"));
    }

    [Test]
    public async Task EventDestinations_Disable()
    {
        using var client = NewClient(DestinationJson.Replace("\"enabled\"", "\"disabled\"", StringComparison.Ordinal), out var req);
        var destination = await client.V2.Core.EventDestinations.DisableAsync("ed_1");
        req.Verify("POST", "/v2/core/event_destinations/ed_1/disable", body: "{}");
        Assert.That(destination.Status, Is.EqualTo(EventDestinationStatus.Disabled));
    }

    [Test]
    public async Task EventDestinations_Ping()
    {
        using var client = NewClient(EventJson.Replace("v2.core.account.updated", "v2.core.event_destination.ping", StringComparison.Ordinal), out var req);
        var e = await client.V2.Core.EventDestinations.PingAsync("ed_1");
        req.Verify("POST", "/v2/core/event_destinations/ed_1/ping", body: "{}");
        Assert.That(e.Type, Is.EqualTo("v2.core.event_destination.ping"));
    }

    [Test]
    public void The_v2_services_have_exactly_the_25_operations()
    {
        var count = typeof(CoreServices).Assembly.GetExportedTypes()
            .Where(t => t.IsSubclassOf(typeof(ConnectService)) && t.Namespace == "Stripe.Connect.Client.V2.Core")
            .SelectMany(t => t.GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly))
            .Count(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.Name != "ListAutoPagingAsync");
        Assert.That(count, Is.EqualTo(25));
    }
}
