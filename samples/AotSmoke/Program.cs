// Native AOT smoke test: the offline onboarding flow of samples/ConnectOnboarding, published as a native binary.
// It runs against the in-memory Connect API (no network, no key), checks every result, and exits 0 only when the
// whole flow worked: source-generated JSON, form encoding, the Polly pipeline (one retry with an idempotent replay),
// typed errors, dependency injection and IHttpClientFactory, all without reflection.
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Stripe.Connect.Client;
using Stripe.Connect.Client.Testing;

var clock = Stopwatch.StartNew();
try
{
    var api = new InMemoryConnectApi();
    var services = new ServiceCollection();
    services.AddConnectClient(options =>
    {
        options.ApiKey = "sk_test_in_memory_aot_smoke";
        options.AppInfo = new AppInfo { Name = "AotSmoke", Version = "1.0" };
        options.InitialRetryDelay = TimeSpan.Zero;
        options.MaxRetryDelay = TimeSpan.Zero;
    }).UseInMemoryConnectApi(api);
    await using var provider = services.BuildServiceProvider();
    var client = provider.GetRequiredService<ConnectClient>();

    var account = await client.Accounts.CreateAsync(new AccountCreateRequest
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
    Check(account.Id.StartsWith("acct_", StringComparison.Ordinal) && account.Type == AccountType.Custom, "the account has an acct_ id and is custom");
    Check(account.Metadata?.GetValueOrDefault("internal_id") == "bakery-42", "the account's metadata round-trips");
    Console.WriteLine($"created account {account.Id} ({account.Type}, {account.Country})");

    var person = await client.Persons.CreateAsync(account.Id, new PersonCreateRequest
    {
        FirstName = "Jenny",
        LastName = "Rosen",
        Relationship = new() { Representative = true, Owner = true, PercentOwnership = 100m, Title = "Owner" },
    });
    Check(person.Account == account.Id && person.Relationship?.PercentOwnership == 100m, "the person belongs to the account and owns 100%");
    Console.WriteLine($"added representative {person.Id}: {person.FirstName} {person.LastName}");

    var external = await client.ExternalAccounts.CreateAsync(account.Id, new ExternalAccountCreateRequest
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
    Check(external is BankAccount { Last4: "6789", DefaultForCurrency: true }, "the bank account is typed as BankAccount, ****6789, default for usd");
    Console.WriteLine($"added payout bank account {external.Id} ****{external.Last4}");

    var link = await client.AccountLinks.CreateAsync(new AccountLinkCreateRequest
    {
        Account = account.Id,
        RefreshUrl = "https://platform.example/onboarding/refresh",
        ReturnUrl = "https://platform.example/onboarding/done",
        Type = AccountLinkType.AccountOnboarding,
    });
    Check(link.ExpiresAt > link.Created && api.TryRedeemAccountLink(link.Url), "the account link is valid once");
    Console.WriteLine($"account link {link.Url} (expires {link.ExpiresAt:u})");

    // The answer to this one is lost on the way back: the client retries with the same idempotency key and the
    // API replays the stored session.
    api.Faults.DropNextConnections(1, "/v1/account_sessions", afterProcessing: true);
    var session = await client.AccountSessions.CreateAsync(new AccountSessionCreateRequest
    {
        Account = account.Id,
        Components = new()
        {
            AccountOnboarding = new() { Enabled = true },
        },
    });
    Check(session.ClientSecret.Length > 0 && session.Components.AccountOnboarding?.Enabled == true, "the session enables embedded onboarding");
    Check(session.StripeResponse is { IdempotentReplayed: true, Attempts: 2 }, "the session came from an idempotent replay on the second attempt");
    Console.WriteLine($"account session created after {session.StripeResponse?.Attempts} attempts (replayed: {session.StripeResponse?.IdempotentReplayed})");

    api.ActivateCapabilities(account.Id);
    var capabilities = new List<Capability>();
    await foreach (var capability in client.Capabilities.ListAutoPagingAsync(account.Id))
    {
        capabilities.Add(capability);
        Console.WriteLine($"  capability {capability.Id,-14} {capability.Status}");
    }

    Check(capabilities.Count == 2 && capabilities.All(c => c.Status == CapabilityStatus.Active), "both capabilities are active");

    var refreshed = await client.Accounts.GetAsync(account.Id);
    Check(refreshed.ChargesEnabled && refreshed.PayoutsEnabled, "charges and payouts are enabled");
    Check(refreshed.ExternalAccounts?.Data.SingleOrDefault()?.Id == external.Id, "the account lists its bank account");
    Console.WriteLine($"account {refreshed.Id}: {refreshed.BusinessProfile?.Name}, charges enabled {refreshed.ChargesEnabled}, payouts enabled {refreshed.PayoutsEnabled}");

    try
    {
        await client.Accounts.GetAsync("acct_missing");
        Check(false, "a missing account is an error");
    }
    catch (InvalidRequestException e) when (e.StripeError?.Code == "resource_missing" && e.StripeError.Param == "id")
    {
        Console.WriteLine($"typed error: {e.GetType().Name} {(int?)e.HttpStatusCode} {e.StripeError.Code}");
    }

    Console.WriteLine($"AotSmoke: OK ({api.Requests.Count} requests, {clock.ElapsedMilliseconds} ms in Main)");
    return 0;
}
catch (Exception e)
{
    Console.Error.WriteLine($"AotSmoke: FAILED: {e.GetType().Name}: {e.Message}");
    return 1;
}

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("check failed: " + what);
    }
}
