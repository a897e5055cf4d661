// Every C# block of README.md, compiled here; ReadmeTests checks that each block appears in this file verbatim
// (white space aside) and runs the ones that can run offline against the in-memory Connect API.
#pragma warning disable CA1849, CA1031, IDE0059, IDE0008
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Polly;
using Polly.CircuitBreaker;
using Stripe.Connect.Client.Testing;
using V2Core = Stripe.Connect.Client.V2.Core;

namespace Stripe.Connect.Client.Tests.Readme;

internal static class ReadmeSnippets
{
    public static async Task QuickStartAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Services.AddConnectClient(builder.Configuration.GetSection("StripeConnect"));
        using var host = builder.Build();

        var accounts = host.Services.GetRequiredService<AccountService>();
        var account = await accounts.CreateAsync(new AccountCreateRequest
        {
            Controller = AccountControllerInput.Express,
            Country = "US",
            Email = "seller@example.com",
            Capabilities = new()
            {
                Transfers = new() { Requested = true },
            },
        });
        Console.WriteLine($"{account.Id} created, request {account.StripeResponse?.RequestId}");
    }

    public static ConnectClient WithoutDependencyInjection()
    {
        var client = new ConnectClient("sk_test_your_key");
        return client;
    }

    public static async Task<Account> OnConnectedAccountAsync(ConnectClient client)
    {
        var connected = new RequestOptions { StripeAccount = "acct_1Seller" };
        var account = await client.Accounts.GetCurrentAsync(options: connected);
        return account;
    }

    public static async Task<Transfer> IdempotentPayoutAsync(ConnectClient client, string orderId, string sellerAccountId)
    {
        var transfer = await client.Transfers.CreateAsync(
            new TransferCreateRequest { Amount = 2_500, Currency = "usd", Destination = sellerAccountId },
            new RequestOptions { IdempotencyKey = $"order-{orderId}-payout" });
        return transfer;
    }

    public static void ResilienceWithDependencyInjection(HostApplicationBuilder builder)
    {
        builder.Services.AddConnectClient(builder.Configuration.GetSection("StripeConnect"), options =>
            options.Resilience.AddAroundRetry(pipeline => pipeline.AddCircuitBreaker(new CircuitBreakerStrategyOptions<StripeEntity>
            {
                // Count calls that still failed after the SDK's retries: 5xx answers and no answer at all.
                ShouldHandle = new PredicateBuilder<StripeEntity>().Handle<ApiException>().Handle<ApiConnectionException>(),
                FailureRatio = 0.5,
                MinimumThroughput = 20,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
            })));
    }

    public static async Task CircuitOpenAsync(ConnectClient client, TransferCreateRequest request, string key)
    {
        try
        {
            await client.Transfers.CreateAsync(request, new RequestOptions { IdempotencyKey = key });
        }
        catch (ApiConnectionException e) when (e.InnerException is BrokenCircuitException)
        {
            // Stripe kept failing a moment ago, and this transfer was not sent: try again later with the same key.
        }
    }

    public static ConnectClient ResilienceInCode(string apiKey)
    {
        var options = new ConnectClientOptions { ApiKey = apiKey };
        options.Resilience.AddPerAttempt(pipeline => pipeline.AddCircuitBreaker(new CircuitBreakerStrategyOptions<StripeEntity>
        {
            ShouldHandle = new PredicateBuilder<StripeEntity>().Handle<ApiException>(),
            MinimumThroughput = 10,
        }));
        var client = new ConnectClient(options);
        return client;
    }

    public static async Task ErrorsAsync(ConnectClient client, string feeId)
    {
        try
        {
            await client.ApplicationFeeRefunds.CreateAsync(feeId, new ApplicationFeeRefundCreateRequest { Amount = 10_000 });
        }
        catch (InvalidRequestException e) when (e.StripeError?.Param is { } param)
        {
            Console.WriteLine($"Bad parameter {param}: {e.StripeError.Message} (request {e.RequestId})");
        }
        catch (RateLimitException)
        {
            // Still limited after the SDK's own retries: slow the batch down.
        }
        catch (ApiConnectionException e)
        {
            // No answer at all; retrying a POST with e.IdempotencyKey is safe.
            Console.WriteLine($"Retry later with key {e.IdempotencyKey}");
        }
    }

    public static async Task PaginationAsync(ConnectClient client)
    {
        StripeList<Transfer> page = await client.Transfers.ListAsync(new TransferListRequest { Limit = 100 });
        Console.WriteLine($"{page.Data.Count} transfers, more: {page.HasMore}");

        await foreach (var fee in client.ApplicationFees.ListAutoPagingAsync(new ApplicationFeeListRequest { Limit = 100 }))
        {
            Console.WriteLine($"{fee.Id}: {fee.Amount - fee.AmountRefunded}");
        }
    }

    public static async Task ExpandAsync(ConnectClient client, string transferId)
    {
        var transfer = await client.Transfers.GetAsync(transferId, new TransferGetRequest { Expand = ["destination"] });
        if (transfer.Destination is { IsExpanded: true, Value: var destination })
        {
            Console.WriteLine($"Paid to {destination.Email}");
        }
        else
        {
            Console.WriteLine($"Paid to {transfer.Destination?.Id}");
        }
    }

    public static async Task ReconcileSourcesAsync(ConnectClient client)
    {
        var page = await client.BalanceTransactions.ListAsync(new BalanceTransactionListRequest { Expand = ["data.source"] });
        foreach (var txn in page.Data)
        {
            var what = txn.Source?.Value switch
            {
                Payout payout => $"payout to {payout.Destination?.Id}",
                Transfer transfer => $"transfer to {transfer.Destination?.Id}",
                ApplicationFee fee => $"fee from {fee.Account?.Id}",
                OtherBalanceTransactionSource other => other.Object,
                _ => txn.Type.Value,
            };
            Console.WriteLine($"{txn.Id}: {txn.Net} ({what})");
        }
    }

    public static string Enums(Capability capability)
    {
        if (capability.Status == CapabilityStatus.Active)
        {
            return "ready";
        }

        return capability.Status.Value switch
        {
            "pending" => "in review",
            "inactive" or "unrequested" => "not available",
            var other => $"new status {other}",
        };
    }

    public static async Task ClearMetadataAsync(ConnectClient client, string accountId)
    {
        var account = await client.Accounts.GetAsync(accountId);
        await client.Accounts.UpdateAsync(accountId, new AccountUpdateRequest { Metadata = account.Metadata });
        await client.Accounts.UpdateAsync(accountId, new AccountUpdateRequest { Metadata = [new("tier", "gold"), new("trial", "")] });
        await client.Accounts.UpdateAsync(accountId, new AccountUpdateRequest
        {
            Metadata = StripeMetadata.Clear,
        });
    }

    public static async Task<(Account Express, Account Custom)> AccountKindsAsync(ConnectClient client)
    {
        var express = await client.Accounts.CreateAsync(new AccountCreateRequest { Controller = AccountControllerInput.Express, Country = "US" });
        var custom = await client.Accounts.CreateAsync(new AccountCreateRequest
        {
            Country = "DE",
            Controller = new()
            {
                Fees = new() { Payer = AccountControllerFeesPayer.Application },
                Losses = new() { Payments = AccountControllerLossesPayments.Application },
                RequirementCollection = AccountControllerRequirementCollection.Application,
                StripeDashboard = new() { Type = AccountControllerStripeDashboardType.None },
            },
        });
        return (express, custom);
    }

    public static async Task<AccountRequirementsView> RequirementsViewAsync(ConnectClient client, string accountId)
    {
        var account = await client.Accounts.GetAsync(accountId);
        var due = account.GetRequirementsView();
        if (due.HasNothingDue)
        {
            Console.WriteLine(account.PayoutsEnabled ? "All set: payouts enabled." : "Stripe is checking what you sent.");
        }
        else
        {
            Console.WriteLine($"Due now: {string.Join(", ", due.CurrentlyDue)}; deadline {due.Deadline?.ToString("u") ?? "none"}");
            foreach (var error in due.Errors)
            {
                Console.WriteLine($"{error.Requirement}: {error.Reason}");
            }
        }

        return due;
    }

    public static StripeList<Account> ModelFactory()
    {
        var response = ConnectModelFactory.StripeResponse(HttpStatusCode.OK, requestId: "req_test_1");
        var account = ConnectModelFactory.Account(id: "acct_1", chargesEnabled: true, payoutsEnabled: true, stripeResponse: response);
        var page = ConnectModelFactory.StripeList([account], hasMore: false, url: "/v1/accounts");
        return page;
    }

    public static StripeEvent Webhook(string body, string signatureHeader, string endpointSecret)
    {
        var stripeEvent = StripeWebhook.ConstructEvent(body, signatureHeader, endpointSecret);
        switch (stripeEvent.Data.Object)
        {
            case Account account when stripeEvent.Type == StripeEventType.AccountUpdated:
                Console.WriteLine($"{account.Id}: payouts enabled {account.PayoutsEnabled}");
                break;
            case Capability capability:
                Console.WriteLine($"{capability.Id} on {stripeEvent.Account}: {capability.Status}");
                break;
        }

        return stripeEvent;
    }

    public static async Task InMemoryAsync()
    {
        var api = new InMemoryConnectApi();
        var services = new ServiceCollection();
        services.AddConnectClient(options => options.ApiKey = "sk_test_in_memory").UseInMemoryConnectApi(api);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ConnectClient>();

        var seller = await client.Accounts.CreateAsync(new AccountCreateRequest { Controller = AccountControllerInput.Express, Country = "US" });
        api.ActivateCapabilities(seller.Id);
        api.Faults.FailNext(1, HttpStatusCode.ServiceUnavailable);
        var account = await client.Accounts.GetAsync(seller.Id);
        Console.WriteLine($"{account.Id} read after {account.StripeResponse?.Attempts} attempts");

        // A new platform has no funds, as in test mode: fund it (Stripe's 4000000000000077 card) before transferring.
        api.FundBalance(5_000);
        var balance = await client.Balance.GetAsync();
        Console.WriteLine($"Available: {balance.Available.Single(a => a.Currency == "usd").Amount} cents");
    }

    public static async Task<string> HostedPagesAsync(InMemoryConnectApi api, ConnectClient client, Account seller)
    {
        await using var pages = await api.StartHostedPagesAsync();
        var link = await client.AccountLinks.CreateAsync(new AccountLinkCreateRequest
        {
            Account = seller.Id,
            RefreshUrl = "http://127.0.0.1:5000/onboarding/refresh",
            ReturnUrl = "http://127.0.0.1:5000/onboarding/return",
            Type = AccountLinkType.AccountOnboarding,
        });
        // link.Url is http://127.0.0.1:{port}/setup/s/acct_.../...: open it in a browser.
        return link.Url.StartsWith(pages.BaseUrl.ToString(), StringComparison.Ordinal) ? link.Url : throw new InvalidOperationException(link.Url);
    }

    public static async Task<long> MoneyAsync(ConnectClient client, string sellerId, string bankId, Action<StripeEvent> Handle)
    {
        var seller = new RequestOptions { StripeAccount = sellerId };
        var before = await client.Balance.GetAsync(options: seller);
        var payout = await client.Payouts.CreateAsync(new PayoutCreateRequest { Amount = 1_000, Currency = "usd", Destination = bankId }, seller);
        Console.WriteLine($"{payout.Id}: {payout.Amount} cents, {payout.Status}, arrives {payout.ArrivalDate:yyyy-MM-dd}");

        long net = 0;
        await foreach (var txn in client.BalanceTransactions.ListAutoPagingAsync(new BalanceTransactionListRequest { Currency = "usd" }, seller))
        {
            net += txn.Net;
        }

        var after = await client.Balance.GetAsync(options: seller);
        Console.WriteLine($"Available {before.Available.Sum(a => a.Amount)} -> {after.Available.Sum(a => a.Amount)}; transactions add up to {net}");

        await foreach (var missed in client.Events.ListAutoPagingAsync(new EventListRequest { Type = "payout.*" }, seller))
        {
            Handle(missed); // the same handler your webhook endpoint calls
        }

        return net;
    }

    public static async Task<Uri> OAuthAsync(ConnectClient client, string code)
    {
        var state = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var url = client.OAuth.AuthorizeUrl(state, new OAuthAuthorizeUrlOptions
        {
            RedirectUri = new Uri("https://platform.example/oauth/return"),
            SuggestedCapabilities = ["card_payments", "transfers"],
            StripeUser = new OAuthStripeUser { Email = "owner@shop.example", Country = "US" },
        });

        // Back on /oauth/return?code=...&state=...: compare state first, then exchange the code once.
        try
        {
            var token = await client.OAuth.CreateTokenAsync(new OAuthCreateTokenRequest { GrantType = OAuthGrantType.AuthorizationCode, Code = code });
            Console.WriteLine($"Connected {token.StripeUserId} with scope {token.Scope}");
        }
        catch (InvalidGrantException e)
        {
            Console.WriteLine($"The code is unknown, used or expired: {e.ErrorDescription}");
        }

        return url;
    }

    public static async Task<V2Core.Account> V2AccountAsync(ConnectClient client)
    {
        var account = await client.V2.Core.Accounts.CreateAsync(new V2Core.AccountCreateRequest
        {
            DisplayName = "Corner Bakery",
            Dashboard = V2Core.AccountDashboard.Express,
            Identity = new() { Country = "US" },
            Configuration = new()
            {
                Merchant = new() { Capabilities = new() { CardPayments = new() { Requested = true } } },
                Recipient = new() { Capabilities = new() { StripeBalance = new() { StripeTransfers = new() { Requested = true } } } },
            },
            Include = [V2Core.AccountInclude.Requirements],
        });
        foreach (var entry in account.Requirements?.Entries ?? [])
        {
            Console.WriteLine($"{entry.Description}: {entry.MinimumDeadline.Status}");
        }

        return account;
    }

    public static void ThinEventDispatcher(IServiceCollection services)
    {
        services.AddEventNotificationDispatcher((sp, dispatcher) => dispatcher
            .On<V2Core.V2CoreAccountIncludingConfigurationMerchantCapabilityStatusUpdatedEventNotification>(async (notification, ct) =>
            {
                var fetched = await notification.FetchEventAsync(sp.GetRequiredService<ConnectClient>(), ct);
                Console.WriteLine($"{notification.RelatedObject?.Id}: {fetched.Data.UpdatedCapability} changed");
            })
            .OnUnhandled((notification, ct) => Task.CompletedTask));

        // In an ASP.NET Core endpoint:
        // var notification = await verifier.ParseEventNotificationAsync(request.Body, request.Headers["Stripe-Signature"], ct);
        // await dispatcher.DispatchAsync(notification, ct);
    }
}
