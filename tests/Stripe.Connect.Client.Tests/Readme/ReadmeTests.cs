using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Stripe.Connect.Client.Testing;

namespace Stripe.Connect.Client.Tests.Readme;

/// <summary>Keeps README.md honest: its C# blocks compile (they live in ReadmeSnippets.cs) and the offline ones run.</summary>
public partial class ReadmeTests
{
    private static string RepoFile(string relative) => Support.RepoPaths.PathOf(relative);

    private static string Squash(string code) => WhiteSpace().Replace(code, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [Test]
    public void Every_csharp_block_of_the_readme_is_compiled_in_ReadmeSnippets()
    {
        var readme = File.ReadAllText(RepoFile("README.md"));
        var snippets = Squash(File.ReadAllText(RepoFile("tests/Stripe.Connect.Client.Tests/Readme/ReadmeSnippets.cs")));
        var blocks = CSharpBlock().Matches(readme).Select(m => m.Groups[1].Value).ToList();

        Assert.That(blocks, Has.Count.GreaterThanOrEqualTo(8), "the README shows the main uses in C#");
        var missing = blocks.Where(b => !snippets.Contains(Squash(b), StringComparison.Ordinal)).ToList();
        Assert.That(missing, Is.Empty, "README blocks not found verbatim in ReadmeSnippets.cs:\n" + string.Join("\n---\n", missing));
    }

    [Test]
    public async Task The_offline_snippets_run_against_the_in_memory_api()
    {
        await ReadmeSnippets.InMemoryAsync();

        var api = new InMemoryConnectApi();
        api.FundBalance(100_000);
        var services = new ServiceCollection();
        services.AddConnectClient(o => o.ApiKey = "sk_test_readme").UseInMemoryConnectApi(api);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ConnectClient>();

        var seller = await client.Accounts.CreateAsync(new AccountCreateRequest
        {
            Controller = AccountControllerInput.Custom,
            Country = "US",
            Email = "seller@example.com",
            Capabilities = new() { Transfers = new() { Requested = true } },
        });
        api.ActivateCapabilities(seller.Id);
        var first = await ReadmeSnippets.IdempotentPayoutAsync(client, "1001", seller.Id);
        var again = await ReadmeSnippets.IdempotentPayoutAsync(client, "1001", seller.Id);
        Assert.That(again.Id, Is.EqualTo(first.Id), "the same order never pays twice");
        Assert.That(again.StripeResponse!.IdempotentReplayed, Is.True);

        await ReadmeSnippets.ExpandAsync(client, first.Id);
        await ReadmeSnippets.ReconcileSourcesAsync(client);
        await ReadmeSnippets.PaginationAsync(client);
        await ReadmeSnippets.ClearMetadataAsync(client, seller.Id);
        var (express, custom) = await ReadmeSnippets.AccountKindsAsync(client);
        Assert.That(express.Type, Is.EqualTo(AccountType.Express), "the presets create the accounts the old types named");
        Assert.That(custom.Type, Is.EqualTo(AccountType.Custom));
        var fee = api.SeedApplicationFee(seller.Id, 500);
        await ReadmeSnippets.ErrorsAsync(client, fee);
        var due = await ReadmeSnippets.RequirementsViewAsync(client, seller.Id);
        Assert.That(due.EventuallyDue, Is.Not.Empty, "approved outright, the seller's requirements stay eventually due");
        var current = await client.Accounts.GetCurrentAsync(options: new RequestOptions { StripeAccount = seller.Id });
        Assert.That(current.Id, Is.EqualTo(seller.Id));
        Assert.That(await ReadmeSnippets.HostedPagesAsync(api, client, seller), Does.StartWith("http://127.0.0.1:"));
        var v2 = await ReadmeSnippets.V2AccountAsync(client);
        Assert.That(v2.Requirements!.Entries, Is.Not.Empty, "a new v2 account has requirements due");
    }

    [Test]
    public async Task The_money_and_oauth_snippets_run_against_the_in_memory_api()
    {
        var api = new InMemoryConnectApi();
        api.FundBalance(100_000);
        var services = new ServiceCollection();
        services.AddConnectClient(o =>
        {
            o.ApiKey = "sk_test_readme";
            o.ClientId = api.ClientId;
        }).UseInMemoryConnectApi(api);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ConnectClient>();
        var seller = await client.Accounts.CreateAsync(new AccountCreateRequest
        {
            Controller = AccountControllerInput.Custom,
            Country = "US",
            Capabilities = new() { Transfers = new() { Requested = true } },
        });
        api.ActivateCapabilities(seller.Id);
        await client.Transfers.CreateAsync(new TransferCreateRequest { Amount = 5_000, Currency = "usd", Destination = seller.Id });
        var bank = await client.ExternalAccounts.CreateAsync(seller.Id, new ExternalAccountCreateRequest
        {
            ExternalAccount = new BankAccountInput { Country = "US", Currency = "usd", RoutingNumber = "110000000", AccountNumber = "000123456789" },
        });

        var handled = new List<StripeEvent>();
        var net = await ReadmeSnippets.MoneyAsync(client, seller.Id, bank.Id, handled.Add);
        var balance = await client.Balance.GetAsync(options: new RequestOptions { StripeAccount = seller.Id });
        var url = await ReadmeSnippets.OAuthAsync(client, api.CreateOAuthAuthorizationCode());
        Assert.Multiple(() =>
        {
            Assert.That(net, Is.EqualTo(balance.Available.Sum(a => a.Amount) + balance.Pending.Sum(a => a.Amount)));
            Assert.That(handled.Select(e => e.Type), Does.Contain(StripeEventType.PayoutCreated));
            Assert.That(url.AbsoluteUri, Does.StartWith("https://connect.stripe.com/oauth/authorize?client_id=" + api.ClientId));
            Assert.That(api.Requests.Count(r => r.Path == "/oauth/token" && r.StatusCode == 200), Is.EqualTo(1));
        });
    }

    [Test]
    public void The_enum_snippet_switches_on_known_and_unknown_values()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ReadmeSnippets.Enums(new Capability { Status = CapabilityStatus.Active }), Is.EqualTo("ready"));
            Assert.That(ReadmeSnippets.Enums(new Capability { Status = CapabilityStatus.Pending }), Is.EqualTo("in review"));
            Assert.That(ReadmeSnippets.Enums(new Capability { Status = CapabilityStatus.FromWire("paused") }), Is.EqualTo("new status paused"));
        });
    }

    [Test]
    public void The_webhook_snippet_verifies_and_types_the_event()
    {
        const string EndpointSecret = "whsec_readme_test";
        var body = """{"id":"evt_1","object":"event","type":"capability.updated","account":"acct_1","created":1,"livemode":false,"pending_webhooks":1,"api_version":"2026-10-28.endive","data":{"object":{"id":"transfers","object":"capability","account":"acct_1","status":"active","requested":true}}}""";
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var signature = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(EndpointSecret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"))).ToLowerInvariant();

        var stripeEvent = ReadmeSnippets.Webhook(body, $"t={timestamp},v1={signature}", EndpointSecret);

        Assert.That(stripeEvent.Data.Object, Is.TypeOf<Capability>());
        Assert.That(((Capability)stripeEvent.Data.Object).Status, Is.EqualTo(CapabilityStatus.Active));
    }

    [Test]
    public void The_model_factory_snippet_builds_a_page_with_response_metadata()
    {
        var page = ReadmeSnippets.ModelFactory();
        Assert.That(page.Data.Single().StripeResponse?.RequestId, Is.EqualTo("req_test_1"));
        Assert.That(page.Data.Single().PayoutsEnabled, Is.True);
    }

    [Test]
    public void The_plain_client_snippet_builds_a_client()
    {
        using var client = ReadmeSnippets.WithoutDependencyInjection();
        Assert.That(client.Options.ApiKey, Is.EqualTo("sk_test_your_key"));
        Assert.That(client.Accounts, Is.Not.Null);
    }

    [Test]
    public void The_resilience_snippets_build_clients()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["StripeConnect:ApiKey"] = "sk_test_readme" });
        ReadmeSnippets.ResilienceWithDependencyInjection(builder);
        using var host = builder.Build();
        using var inCode = ReadmeSnippets.ResilienceInCode("sk_test_readme");

        Assert.That(host.Services.GetRequiredService<ConnectClient>().Options.ApiKey, Is.EqualTo("sk_test_readme"));
        Assert.That(inCode.Options.ApiKey, Is.EqualTo("sk_test_readme"));
    }

    [Test]
    public void A_wrong_key_is_refused_the_way_the_readme_says()
    {
        Assert.That(() => new ConnectClient("pk_test_publishable"), Throws.ArgumentException.With.Message.Contains("ConnectClientOptions.ApiKey"));
    }
}
