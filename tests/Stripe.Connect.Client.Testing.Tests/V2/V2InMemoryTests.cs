using System.Net;
using System.Net.Sockets;
using System.Text;
using Stripe.Connect.Client.V2.Core;
using V2Core = Stripe.Connect.Client.V2.Core;

namespace Stripe.Connect.Client.Testing.Tests.V2;

/// <summary>The real client's v2 services against the in-memory API: v2 accounts over v1 machinery, thin events, v2 errors.</summary>
public class V2InMemoryTests
{
    private InMemoryConnectApi _api = null!;
    private ConnectClient _client = null!;

    [SetUp]
    public void CreateClient()
    {
        _api = new InMemoryConnectApi();
        _api.FundBalance(1_000_000);
        _client = new ConnectClient(
            new ConnectClientOptions { ApiKey = "sk_test_v2_in_memory", InitialRetryDelay = TimeSpan.Zero, MaxRetryDelay = TimeSpan.Zero },
            new HttpClient(_api.CreateHandler()));
    }

    [TearDown]
    public void DisposeClient() => _client.Dispose();

    private static V2Core.AccountCreateRequest NewAccount() => new()
    {
        DisplayName = "Corner Bakery",
        Dashboard = AccountDashboard.None,
        Identity = new() { Country = "US", EntityType = AccountIdentityEntityType.Individual },
        Configuration = new()
        {
            Merchant = new() { Capabilities = new() { CardPayments = new() { Requested = true } } },
            Recipient = new() { Capabilities = new() { StripeBalance = new() { StripeTransfers = new() { Requested = true } } } },
        },
        Include = [AccountInclude.Requirements, AccountInclude.ConfigurationMerchant, AccountInclude.ConfigurationRecipient],
    };

    private static V2Core.AccountUpdateRequest Onboarding() => new()
    {
        Identity = new()
        {
            Individual = new()
            {
                GivenName = "Jenny",
                Surname = "Rosen",
                Email = "jenny@bakery.example",
                Phone = "+15555550100",
                DateOfBirth = new() { Day = 14, Month = 6, Year = 1986 },
                Address = new() { Line1 = "77 Lakeshore Ave", City = "Oakland", State = "CA", PostalCode = "94610", Country = "US" },
                IdNumbers = [new() { Type = "us_ssn", Value = "000000000" }],
            },
            Attestations = new() { TermsOfService = new() { Account = new() { Date = DateTimeOffset.UtcNow, Ip = "203.0.113.24", UserAgent = "test" } } },
        },
        Configuration = new() { Merchant = new() { Mcc = "5462" } },
        Defaults = new() { Profile = new() { BusinessUrl = "https://bakery.example" } },
    };

    [Test]
    public async Task Requirements_clear_and_capabilities_activate_through_thin_events_delivered_to_a_loopback_endpoint_then_v1_transfers_to_it()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var http = new HttpListener();
        http.Prefixes.Add($"http://127.0.0.1:{port}/");
        http.Start();
        var received = new List<EventNotification>();
        string? secret = null;
        var serving = Task.Run(async () =>
        {
            while (http.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await http.GetContextAsync();
                }
                catch (HttpListenerException)
                {
                    return;
                }
                catch (ObjectDisposedException)
                {
                    return;
                }

                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                var notification = StripeWebhook.ParseEventNotification(body, context.Request.Headers["Stripe-Signature"], secret!);
                lock (received)
                {
                    received.Add(notification);
                }

                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });

        var destination = await _client.V2.Core.EventDestinations.CreateAsync(new EventDestinationCreateRequest
        {
            Name = "loopback",
            Type = EventDestinationType.WebhookEndpoint,
            EventPayload = EventDestinationEventPayload.Thin,
            EventsFrom = ["@accounts"],
            EnabledEvents = [V2CoreAccountIncludingRequirementsUpdatedEventNotification.EventType, V2CoreAccountIncludingConfigurationMerchantCapabilityStatusUpdatedEventNotification.EventType, V2CoreAccountCreatedEventNotification.EventType],
            WebhookEndpoint = new() { Url = $"http://127.0.0.1:{port}/thin" },
            Include = [EventDestinationInclude.WebhookEndpointSigningSecret],
        });
        secret = destination.WebhookEndpoint!.SigningSecret;

        var account = await _client.V2.Core.Accounts.CreateAsync(NewAccount());
        Assert.Multiple(() =>
        {
            Assert.That(account.Requirements!.Entries!.Select(e => e.Description), Does.Contain("identity.individual.given_name"));
            Assert.That(account.Configuration!.Merchant!.Capabilities!.CardPayments!.Status, Is.EqualTo(V2Core.AccountCapabilityStatus.Restricted));
            Assert.That(account.Identity, Is.Null, "identity is returned only when included");
        });

        var link = await _client.V2.Core.AccountLinks.CreateAsync(new V2Core.AccountLinkCreateRequest
        {
            Account = account.Id,
            UseCase = new() { Type = AccountLinkUseCaseType.AccountOnboarding, AccountOnboarding = new() { RefreshUrl = "https://p.example/refresh", ReturnUrl = "https://p.example/done" } },
        });
        Assert.That(_api.TryRedeemAccountLink(link.Url), Is.True, "a v2 link is single use and redeemable like v1 links");
        Assert.That(_api.TryRedeemAccountLink(link.Url), Is.False);

        await _client.ExternalAccounts.CreateAsync(account.Id, new ExternalAccountCreateRequest
        {
            ExternalAccount = new() { BankAccount = new() { Country = "US", Currency = "usd", AccountHolderName = "Jenny Rosen", RoutingNumber = "110000000", AccountNumber = "000123456789" } },
        });
        await _client.V2.Core.Accounts.UpdateAsync(account.Id, Onboarding());
        var pending = await _client.V2.Core.Accounts.GetAsync(account.Id, new V2Core.AccountGetRequest { Include = [AccountInclude.Requirements, AccountInclude.ConfigurationMerchant] });
        Assert.Multiple(() =>
        {
            Assert.That(pending.Requirements!.Entries!.Where(e => e.AwaitingActionFrom == EntriesAwaitingActionFrom.User && e.MinimumDeadline.Status != DeadlineStatus.EventuallyDue), Is.Empty, "nothing is due from the holder now");
            Assert.That(pending.Requirements.Entries!.Where(e => e.AwaitingActionFrom == EntriesAwaitingActionFrom.Stripe).Select(e => e.Description), Is.EqualTo(new[] { "identity.individual.documents.primary_verification" }), "the identity check runs: Stripe's to act on");
            Assert.That(pending.GetRequirementsView().PendingVerification, Is.EqualTo(new[] { "identity.individual.documents.primary_verification" }));
            Assert.That(pending.Configuration!.Merchant!.Capabilities!.CardPayments!.Status, Is.EqualTo(V2Core.AccountCapabilityStatus.Pending));
        });

        _api.ActivateCapabilities(account.Id);
        await _api.Webhooks.WhenIdleAsync();
        var active = await _client.V2.Core.Accounts.GetAsync(account.Id, new V2Core.AccountGetRequest { Include = [AccountInclude.ConfigurationMerchant] });
        var transfer = await _client.Transfers.CreateAsync(new TransferCreateRequest { Amount = 2_500, Currency = "usd", Destination = account.Id });
        http.Stop();
        await serving;

        List<string> types;
        lock (received)
        {
            types = received.Select(n => n.Type).ToList();
        }

        Assert.Multiple(() =>
        {
            Assert.That(active.Configuration!.Merchant!.Capabilities!.CardPayments!.Status, Is.EqualTo(V2Core.AccountCapabilityStatus.Active));
            Assert.That(transfer.Destination?.Id, Is.EqualTo(account.Id));
            Assert.That(types, Does.Contain("v2.core.account.created"));
            Assert.That(types, Does.Contain("v2.core.account[requirements].updated"));
            Assert.That(types.Count(t => t == "v2.core.account[configuration.merchant].capability_status_updated"), Is.EqualTo(2), "restricted → pending → active");
            Assert.That(received.All(n => n.Context == account.Id), Is.True);
            Assert.That(received.OfType<V2CoreAccountIncludingConfigurationMerchantCapabilityStatusUpdatedEventNotification>(), Is.Not.Empty);
        });
    }

    [Test]
    public async Task Requirement_entries_follow_the_v1_lists_eventually_due_then_due_by_a_deadline_then_past_due()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
        var api = new InMemoryConnectApi(time);
        using var client = new ConnectClient(new ConnectClientOptions { ApiKey = "sk_test_v2_in_memory" }, new HttpClient(api.CreateHandler()));
        var account = await client.V2.Core.Accounts.CreateAsync(NewAccount());
        var onboarding = Onboarding();
        await client.V2.Core.Accounts.UpdateAsync(account.Id, onboarding with { Identity = onboarding.Identity! with { Individual = onboarding.Identity.Individual! with { IdNumbers = null } } });
        await client.Accounts.UpdateAsync(account.Id, new AccountUpdateRequest { Individual = new() { SsnLast4 = "0000" } });
        await client.ExternalAccounts.CreateAsync(account.Id, new ExternalAccountCreateRequest
        {
            ExternalAccount = new() { BankAccount = new() { Country = "US", Currency = "usd", AccountHolderName = "Jenny Rosen", RoutingNumber = "110000000", AccountNumber = "000123456789" } },
        });
        api.ActivateCapabilities(account.Id);
        var include = new V2Core.AccountGetRequest { Include = [AccountInclude.Requirements, AccountInclude.ConfigurationMerchant] };

        var later = await client.V2.Core.Accounts.GetAsync(account.Id, include);
        var deadline = api.ReachVerificationThreshold(account.Id, TimeSpan.FromDays(7));
        var due = await client.V2.Core.Accounts.GetAsync(account.Id, include);
        time.Advance(TimeSpan.FromDays(8));
        var late = await client.V2.Core.Accounts.GetAsync(account.Id, include);

        static AccountRequirementsEntries IdNumbers(V2Core.Account a) => a.Requirements!.Entries!.Single(e => e.Description == "identity.individual.id_numbers");
        Assert.Multiple(() =>
        {
            Assert.That(IdNumbers(later).MinimumDeadline.Status, Is.EqualTo(DeadlineStatus.EventuallyDue), "the full SSN is asked for later");
            Assert.That(later.Requirements!.Summary!.MinimumDeadline!.Status, Is.EqualTo(DeadlineStatus.EventuallyDue));
            Assert.That(later.Configuration!.Merchant!.Capabilities!.CardPayments!.Status, Is.EqualTo(V2Core.AccountCapabilityStatus.Active), "what is due eventually restricts nothing yet");
            Assert.That(later.GetRequirementsView().CurrentlyDue, Is.Empty);
            Assert.That(later.GetRequirementsView().EventuallyDue, Does.Contain("identity.individual.id_numbers"));

            Assert.That(IdNumbers(due).MinimumDeadline.Status, Is.EqualTo(DeadlineStatus.CurrentlyDue));
            Assert.That(IdNumbers(due).AwaitingActionFrom, Is.EqualTo(EntriesAwaitingActionFrom.User));
            Assert.That(due.Requirements!.Summary!.MinimumDeadline!.Time, Is.EqualTo(deadline));
            Assert.That(due.GetRequirementsView().Deadline, Is.EqualTo(deadline));

            Assert.That(IdNumbers(late).MinimumDeadline.Status, Is.EqualTo(DeadlineStatus.PastDue));
            Assert.That(late.Requirements!.Summary!.MinimumDeadline!.Status, Is.EqualTo(DeadlineStatus.PastDue));
            Assert.That(late.Configuration!.Merchant!.Capabilities!.CardPayments!.Status, Is.EqualTo(V2Core.AccountCapabilityStatus.Restricted));
            Assert.That(late.GetRequirementsView().PastDue, Does.Contain("identity.individual.id_numbers"));
        });
    }

    [Test]
    public async Task Errors_have_the_v2_shape_and_map_to_typed_exceptions()
    {
        var missing = Assert.ThrowsAsync<InvalidRequestException>(() => _client.V2.Core.Accounts.GetAsync("acct_nope"));
        Assert.That(missing!.HttpStatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var invalid = Assert.ThrowsAsync<InvalidRequestException>(() => _client.V2.Core.Accounts.GetAsync("acct_nope", new V2Core.AccountGetRequest { Include = [V2Core.AccountInclude.FromWire("nonsense")] }))!;
        Assert.Multiple(() =>
        {
            Assert.That(invalid.StripeError!.Code, Is.EqualTo("invalid_fields"));
            Assert.That(invalid.StripeError.Type, Is.Null, "bad input carries no v2 type");
            Assert.That(invalid.StripeError.Param, Is.EqualTo("include[0]"));
        });

        var account = await _client.V2.Core.Accounts.CreateAsync(NewAccount());
        await _client.V2.Core.Accounts.CloseAsync(account.Id);
        var closed = Assert.ThrowsAsync<CannotProceedException>(() => _client.V2.Core.Accounts.UpdateAsync(account.Id, new V2Core.AccountUpdateRequest { DisplayName = "x" }));
        Assert.That(closed!.StripeError!.Code, Is.EqualTo("account_closed"));
    }

    [Test]
    public async Task Persons_tokens_events_and_destinations_round_trip()
    {
        var account = await _client.V2.Core.Accounts.CreateAsync(NewAccount());
        var token = await _client.V2.Core.AccountPersonTokens.CreateAsync(account.Id, new AccountPersonTokenCreateRequest { GivenName = "Jo" });
        var person = await _client.V2.Core.AccountPersons.CreateAsync(account.Id, new AccountPersonCreateRequest
        {
            PersonToken = token.Id,
            Surname = "Doe",
            Relationship = new() { Owner = true, PercentOwnership = 25.5m },
            Metadata = new Dictionary<string, string?> { ["a"] = "1", ["b"] = "2" },
        });
        var updated = await _client.V2.Core.AccountPersons.UpdateAsync(account.Id, person.Id, new AccountPersonUpdateRequest { Metadata = new Dictionary<string, string?> { ["a"] = null } });
        var people = await _client.V2.Core.AccountPersons.ListAsync(account.Id);
        var usedToken = await _client.V2.Core.AccountPersonTokens.GetAsync(account.Id, token.Id);
        var deleted = await _client.V2.Core.AccountPersons.DeleteAsync(account.Id, person.Id);
        var events = new List<V2Core.Event>();
        await foreach (var e in _client.V2.Core.Events.ListAutoPagingAsync(new V2Core.EventListRequest { ObjectId = person.Id, Limit = 1 }))
        {
            events.Add(e);
        }

        var destination = await _client.V2.Core.EventDestinations.CreateAsync(new EventDestinationCreateRequest
        {
            Name = "d",
            Type = EventDestinationType.WebhookEndpoint,
            EventPayload = EventDestinationEventPayload.Thin,
            EnabledEvents = ["v2.core.account.updated"],
            WebhookEndpoint = new() { Url = "https://platform.example/hook" },
        });
        var disabled = await _client.V2.Core.EventDestinations.DisableAsync(destination.Id);
        var enabled = await _client.V2.Core.EventDestinations.EnableAsync(destination.Id);
        var ping = await _client.V2.Core.EventDestinations.PingAsync(destination.Id);
        Assert.Multiple(() =>
        {
            Assert.That(person.GivenName, Is.EqualTo("Jo"), "the token's details are merged in");
            Assert.That(person.Relationship!.PercentOwnership, Is.EqualTo(25.5m));
            Assert.That(updated.Metadata, Is.EqualTo(new Dictionary<string, string> { ["b"] = "2" }), "JSON null removes a key");
            Assert.That(people.Data.Select(p => p.Id), Is.EqualTo(new[] { person.Id }));
            Assert.That(usedToken.Used, Is.True);
            Assert.That(deleted.Object, Is.EqualTo("v2.core.account_person"));
            Assert.That(events.Select(e => e.Type), Is.EqualTo(new[] { "v2.core.account_person.deleted", "v2.core.account_person.updated", "v2.core.account_person.created" }));
            Assert.That(destination.WebhookEndpoint?.Url, Is.Null, "the URL is returned only when included");
            Assert.That(disabled.Status, Is.EqualTo(EventDestinationStatus.Disabled));
            Assert.That(enabled.Status, Is.EqualTo(EventDestinationStatus.Enabled));
            Assert.That(ping.Type, Is.EqualTo(V2CoreEventDestinationPingEventNotification.EventType));
        });
    }
}
