// Onboarding a connected account, the way a platform backend does it: create the account with the
// capabilities it needs, add a representative and a payout bank account, then hand the owner an
// account link (Stripe-hosted onboarding) and an account session (embedded components).
using Microsoft.Extensions.DependencyInjection;
using Stripe.Connect.Client;
using Stripe.Connect.Client.Samples;

return await SampleHost.RunAsync("ConnectOnboarding", args, async (services, context) =>
{
    var accounts = services.GetRequiredService<AccountService>();
    var persons = services.GetRequiredService<PersonService>();
    var externalAccounts = services.GetRequiredService<ExternalAccountService>();
    var capabilities = services.GetRequiredService<CapabilityService>();
    var links = services.GetRequiredService<AccountLinkService>();
    var sessions = services.GetRequiredService<AccountSessionService>();

    var account = await accounts.CreateAsync(new AccountCreateRequest
    {
        Controller = AccountControllerInput.Custom,
        Country = "US",
        Email = "owner@bakery.example",
        BusinessType = AccountBusinessType.Company,
        BusinessProfile = new() { Name = "Corner Bakery", Url = "https://bakery.example" },
        Capabilities = new()
        {
            CardPayments = new() { Requested = true },
            Transfers = new() { Requested = true },
        },
        Metadata = new Dictionary<string, string> { ["internal_id"] = "bakery-42" },
    });
    Console.WriteLine($"Created account {account.Id} ({account.Type}, {account.Country}); request {account.StripeResponse?.RequestId}");

    var person = await persons.CreateAsync(account.Id, new PersonCreateRequest
    {
        FirstName = "Jenny",
        LastName = "Rosen",
        Email = "jenny@bakery.example",
        Relationship = new() { Representative = true, Title = "Owner", Owner = true, PercentOwnership = 100m },
    });
    Console.WriteLine($"Added representative {person.Id}: {person.FirstName} {person.LastName}");

    var external = await externalAccounts.CreateAsync(account.Id, new ExternalAccountCreateRequest
    {
        ExternalAccount = new()
        {
            BankAccount = new()
            {
                Country = "US",
                Currency = "usd",
                AccountHolderName = "Corner Bakery LLC",
                RoutingNumber = "110000000",
                AccountNumber = "000123456789",
            },
        },
        DefaultForCurrency = true,
    });
    if (external is BankAccount bank)
    {
        Console.WriteLine($"Added payout bank account {bank.Id}: {bank.BankName ?? "bank"} ****{bank.Last4} ({bank.Currency})");
    }

    var link = await links.CreateAsync(new AccountLinkCreateRequest
    {
        Account = account.Id,
        RefreshUrl = "https://platform.example/onboarding/refresh",
        ReturnUrl = "https://platform.example/onboarding/done",
        Type = AccountLinkType.AccountOnboarding,
    });
    Console.WriteLine($"Onboarding link (single use, expires {link.ExpiresAt:u}): {link.Url}");

    var session = await sessions.CreateAsync(new AccountSessionCreateRequest
    {
        Account = account.Id,
        Components = new()
        {
            AccountOnboarding = new() { Enabled = true },
        },
    });
    // The client secret goes to the browser that renders the embedded component; never log it.
    Console.WriteLine($"Account session for embedded onboarding created (expires {session.ExpiresAt:u}); its client secret is handed to the front end only.");

    if (context.Api is { } api)
    {
        // Offline, play Stripe's part: review done, capabilities become active.
        api.ActivateCapabilities(account.Id);
    }

    Console.WriteLine("Capabilities:");
    await foreach (var capability in capabilities.ListAutoPagingAsync(account.Id))
    {
        var due = capability.Requirements?.CurrentlyDue?.Count ?? 0;
        Console.WriteLine($"  {capability.Id,-16} {capability.Status,-12} {(due == 0 ? "nothing due" : $"{due} requirement(s) due")}");
    }

    var refreshed = await accounts.GetAsync(account.Id);
    Console.WriteLine($"Dashboard: {refreshed.BusinessProfile?.Name} | charges {(refreshed.ChargesEnabled ? "enabled" : "not enabled")} | payouts {(refreshed.PayoutsEnabled ? "enabled" : "not enabled")} | details submitted: {refreshed.DetailsSubmitted}");
});
