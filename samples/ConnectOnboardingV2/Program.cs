// Onboarding with Accounts v2 and thin events: one account with merchant and recipient configurations, an event
// destination that receives thin events, a v2 account link, requirements clearing and capabilities activating as
// notifications arrive, then a v1 transfer to the new account. Offline (no STRIPE_SECRET_KEY) against the in-memory API.
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Stripe.Connect.Client;
using Stripe.Connect.Client.Samples;
using Stripe.Connect.Client.V2.Core;
using V2Core = Stripe.Connect.Client.V2.Core;

return await SampleHost.RunAsync("ConnectOnboardingV2", args, async (services, context) =>
{
    var client = services.GetRequiredService<ConnectClient>();
    var v2 = client.V2.Core;
    const string HookUrl = "https://platform.example/stripe/thin-events";

    // 1. Where Stripe sends thin events about connected accounts; the signing secret comes back only when asked for.
    var destination = await v2.EventDestinations.CreateAsync(new EventDestinationCreateRequest
    {
        Name = "platform-thin-events",
        Type = EventDestinationType.WebhookEndpoint,
        EventPayload = EventDestinationEventPayload.Thin,
        EventsFrom = ["@accounts"],
        EnabledEvents =
        [
            V2CoreAccountIncludingRequirementsUpdatedEventNotification.EventType,
            V2CoreAccountIncludingConfigurationMerchantCapabilityStatusUpdatedEventNotification.EventType,
            V2CoreAccountIncludingConfigurationRecipientCapabilityStatusUpdatedEventNotification.EventType,
            V1TransferCreatedEventNotification.EventType,
        ],
        WebhookEndpoint = new() { Url = HookUrl },
        Include = [EventDestinationInclude.WebhookEndpointSigningSecret],
    });
    var secret = destination.WebhookEndpoint?.SigningSecret ?? Environment.GetEnvironmentVariable("STRIPE_THIN_EVENTS_SECRET") ?? string.Empty;
    Console.WriteLine($"Event destination {destination.Id} ({destination.Status}) for {destination.EnabledEvents.Count} event types");

    // 2. What the platform does with each notification: typed handlers, and a fallback for the rest.
    var dispatcher = new EventNotificationDispatcher()
        .On<V2CoreAccountIncludingRequirementsUpdatedEventNotification>(async (n, ct) =>
        {
            var account = await n.FetchRelatedObjectAsync(client, ct);
            Console.WriteLine($"  thin event {n.Type}: account {account.Id} changed its requirements");
        })
        .On<V2CoreAccountIncludingConfigurationMerchantCapabilityStatusUpdatedEventNotification>(async (n, ct) =>
        {
            var fetched = await n.FetchEventAsync(client, ct);
            Console.WriteLine($"  thin event {n.Type}: merchant capability {fetched.Data.UpdatedCapability} changed (context {n.Context})");
        })
        .On<V2CoreAccountIncludingConfigurationRecipientCapabilityStatusUpdatedEventNotification>(async (n, ct) =>
        {
            var fetched = await n.FetchEventAsync(client, ct);
            Console.WriteLine($"  thin event {n.Type}: recipient capability {fetched.Data.UpdatedCapability} changed");
        })
        .OnUnhandled((n, _) =>
        {
            Console.WriteLine($"  thin event {n.Type} about {n.RelatedObject?.Type} {n.RelatedObject?.Id}");
            return Task.CompletedTask;
        });

    if (context.Api is { } api)
    {
        // Offline, the in-memory API delivers to this callback what Stripe would POST to the URL; an ASP.NET Core app
        // does the same in its endpoint with HttpRequest.Body and the Stripe-Signature header.
        api.Webhooks.RegisterCallback(HookUrl, async (delivery, ct) =>
        {
            var notification = StripeWebhook.ParseEventNotification(delivery.Payload, delivery.SignatureHeader, secret);
            await dispatcher.DispatchAsync(notification, ct);
            return HttpStatusCode.OK;
        });
    }

    // 3. One account: it sells (merchant) and receives transfers (recipient).
    var created = await v2.Accounts.CreateAsync(new V2Core.AccountCreateRequest
    {
        DisplayName = "Corner Bakery",
        ContactEmail = "owner@bakery.example",
        Dashboard = AccountDashboard.None,
        Identity = new() { Country = "US", EntityType = AccountIdentityEntityType.Individual },
        Configuration = new()
        {
            Merchant = new() { Capabilities = new() { CardPayments = new() { Requested = true } } },
            Recipient = new() { Capabilities = new() { StripeBalance = new() { StripeTransfers = new() { Requested = true } } } },
        },
        Metadata = new Dictionary<string, string?> { ["internal_id"] = "bakery-42" },
        Include = [AccountInclude.Requirements, AccountInclude.ConfigurationMerchant, AccountInclude.ConfigurationRecipient],
    });
    Console.WriteLine($"Created v2 account {created.Id} ({string.Join(", ", created.AppliedConfigurations)}); {created.Requirements?.Entries?.Count ?? 0} requirement(s) due:");
    foreach (var entry in created.Requirements?.Entries ?? [])
    {
        Console.WriteLine($"  {entry.Description} ({entry.MinimumDeadline.Status})");
    }

    // 4. Hand the owner a v2 account link to Stripe-hosted onboarding.
    var link = await v2.AccountLinks.CreateAsync(new V2Core.AccountLinkCreateRequest
    {
        Account = created.Id,
        UseCase = new()
        {
            Type = AccountLinkUseCaseType.AccountOnboarding,
            AccountOnboarding = new()
            {
                RefreshUrl = "https://platform.example/onboarding/refresh",
                ReturnUrl = "https://platform.example/onboarding/done",
            },
        },
    });
    Console.WriteLine($"Onboarding link (single use, expires {link.ExpiresAt:u}): {link.Url}");

    // 5. The owner fills in the form; offline the sample sends the same details itself, then plays Stripe's review.
    await v2.Accounts.UpdateAsync(created.Id, new V2Core.AccountUpdateRequest
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
            Attestations = new() { TermsOfService = new() { Account = new() { Date = DateTimeOffset.UtcNow, Ip = "203.0.113.24", UserAgent = "sample" } } },
        },
        Configuration = new() { Merchant = new() { Mcc = "5462" } },
        Defaults = new() { Profile = new() { BusinessUrl = "https://bakery.example" } },
    });

    // A payout bank account through v1: a v2 account id works with the v1 operations.
    await client.ExternalAccounts.CreateAsync(created.Id, new ExternalAccountCreateRequest
    {
        ExternalAccount = new()
        {
            BankAccount = new() { Country = "US", Currency = "usd", AccountHolderName = "Jenny Rosen", RoutingNumber = "110000000", AccountNumber = "000123456789" },
        },
    });
    if (context.Api is { } offline)
    {
        offline.ActivateCapabilities(created.Id);
        await offline.Webhooks.WhenIdleAsync();
    }

    var account = await v2.Accounts.GetAsync(created.Id, new V2Core.AccountGetRequest { Include = [AccountInclude.Requirements, AccountInclude.ConfigurationMerchant, AccountInclude.ConfigurationRecipient] });
    Console.WriteLine($"Requirements due now: {account.Requirements?.Entries?.Count ?? 0} {string.Join(", ", account.Requirements?.Entries?.Select(e => e.Description) ?? [])}");
    Console.WriteLine($"  merchant card_payments: {account.Configuration?.Merchant?.Capabilities?.CardPayments?.Status}");
    Console.WriteLine($"  recipient stripe_balance.stripe_transfers: {account.Configuration?.Recipient?.Capabilities?.StripeBalance?.StripeTransfers?.Status}");

    // 6. The same account id works with v1: move money to it.
    context.Api?.FundBalance(10_000);
    var transfer = await client.Transfers.CreateAsync(new TransferCreateRequest { Amount = 2_500, Currency = "usd", Destination = account.Id });
    Console.WriteLine($"Transferred {transfer.Amount / 100m:0.00} {transfer.Currency.ToUpperInvariant()} to {transfer.Destination?.Id} ({transfer.Id})");
    if (context.Api is { } done)
    {
        await done.Webhooks.WhenIdleAsync();
    }
});
