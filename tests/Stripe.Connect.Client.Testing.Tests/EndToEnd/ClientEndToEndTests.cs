using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Stripe.Connect.Client.Testing.Tests.EndToEnd;

/// <summary>The real <see cref="ConnectClient"/> (typed services, pipeline, retries, error mapping) against the in-memory API.</summary>
public class ClientEndToEndTests
{
    private const string ApiKey = "sk_test_end_to_end_4eC39HqLyjWD";

    private InMemoryConnectApi _api = null!;
    private ConnectClient _client = null!;

    [SetUp]
    public void CreateClient()
    {
        _api = new InMemoryConnectApi(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero)));

        // A fresh platform has no funds, as a new test-mode account has none; these tests transfer money.
        _api.FundBalance(1_000_000);
        _client = CreateClient(_api);
    }

    [TearDown]
    public void DisposeClient() => _client.Dispose();

    /// <summary>A client over the API whose retries wait no time, so fault tests need no clock and no sleep.</summary>
    private static ConnectClient CreateClient(InMemoryConnectApi api, int maxNetworkRetries = 2) => new(
        new ConnectClientOptions
        {
            ApiKey = ApiKey,
            MaxNetworkRetries = maxNetworkRetries,
            InitialRetryDelay = TimeSpan.Zero,
            MaxRetryDelay = TimeSpan.Zero,
        },
        new HttpClient(api.CreateHandler()));

    [Test]
    public async Task The_scenario_calls_every_operation_through_the_typed_services_and_each_one_succeeds()
    {
        await EveryOperationScenario.RunAsync(_client, _api);

        var requests = _api.Requests;
        Assert.Multiple(() =>
        {
            Assert.That(requests, Has.Count.GreaterThanOrEqualTo(71));
            Assert.That(requests.Where(r => r.StatusCode != 200), Is.Empty, "no call of the scenario failed");
            Assert.That(requests.Where(r => r.Method == "POST").Select(r => r.IdempotencyKey), Is.All.Not.Null, "every POST carries a key");
            Assert.That(requests.Where(r => r.Method == "POST").Select(r => r.IdempotencyKey), Is.Unique, "each POST its own key");
            Assert.That(requests.Where(r => r.Method != "POST").Select(r => r.Body), Is.All.Empty);
        });
    }

    [Test]
    public async Task The_scenario_covers_exactly_the_operations_of_connect_surface_json()
    {
        var surface = ConnectSurface.LoadGenerated();
        Assert.That(surface, Has.Count.EqualTo(71), "the SDK generates the 71 v1 operations of connect.surface.json");

        await EveryOperationScenario.RunAsync(_client, _api);

        var unmatched = new List<string>();
        var seen = new HashSet<SurfaceOperation>();
        foreach (var request in _api.Requests.Where(r => r.StatusCode is >= 200 and < 300))
        {
            if (ConnectSurface.Match(surface, request.Method, request.Path) is { } operation)
            {
                seen.Add(operation);
            }
            else
            {
                unmatched.Add(request.Method + " " + request.Path);
            }
        }

        Assert.Multiple(() =>
        {
            Assert.That(unmatched, Is.Empty, "every request maps back to an operation of the surface");
            Assert.That(surface.Except(seen).Select(o => o.ToString()), Is.Empty, "operations the scenario never called successfully");
            Assert.That(seen, Is.EquivalentTo(surface));
        });
    }

    [Test]
    public void Paths_map_back_to_their_templates()
    {
        SurfaceOperation[] surface =
        [
            new("GET", "/v1/accounts/{account}"),
            new("GET", "/v1/account"),
            new("GET", "/v1/apps/secrets/find"),
            new("GET", "/v1/apps/secrets/{id}"),
            new("POST", "/v1/accounts/{account}/persons/{person}"),
        ];
        Assert.Multiple(() =>
        {
            Assert.That(ConnectSurface.Match(surface, "GET", "/v1/accounts/acct_1"), Is.EqualTo(surface[0]));
            Assert.That(ConnectSurface.Match(surface, "GET", "/v1/account"), Is.EqualTo(surface[1]));
            Assert.That(ConnectSurface.Match(surface, "GET", "/v1/apps/secrets/find"), Is.EqualTo(surface[2]), "the literal segment wins");
            Assert.That(ConnectSurface.Match(surface, "GET", "/v1/apps/secrets/appsecret_1"), Is.EqualTo(surface[3]));
            Assert.That(ConnectSurface.Match(surface, "POST", "/v1/accounts/acct_1/persons/person_2"), Is.EqualTo(surface[4]));
            Assert.That(ConnectSurface.Match(surface, "DELETE", "/v1/accounts/acct_1"), Is.Null, "the method counts");
            Assert.That(ConnectSurface.Match(surface, "GET", "/v1/accounts/acct_1/persons"), Is.Null);
        });
    }

    [Test]
    public async Task AddConnectClient_with_UseInMemoryConnectApi_serves_the_scenario_from_the_container()
    {
        var api = new InMemoryConnectApi(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero)));
        api.FundBalance(1_000_000);
        var services = new ServiceCollection();
        services.AddConnectClient(options =>
        {
            options.ApiKey = ApiKey;
            options.InitialRetryDelay = TimeSpan.Zero;
            options.MaxRetryDelay = TimeSpan.Zero;
        }).UseInMemoryConnectApi(api);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ConnectClient>();
        var accounts = provider.GetRequiredService<AccountService>();
        Assert.That(accounts, Is.SameAs(client.Accounts), "the services are the client's own");

        var account = await accounts.CreateAsync(new AccountCreateRequest { Controller = AccountControllerInput.Custom, Country = "US" });
        Assert.Multiple(() =>
        {
            Assert.That(api.Requests.Single().Path, Is.EqualTo("/v1/accounts"), "the request reached the given API, not the network");
            Assert.That(api.ActivateCapabilities(account.Id), Is.Zero, "the account exists in the given API");
        });

        api.Reset();
        await EveryOperationScenario.RunAsync(client, api);
        Assert.That(api.Requests.Select(r => r.Method + " " + r.Path).Distinct().Count(), Is.GreaterThanOrEqualTo(71));
    }

    [Test]
    public async Task UseInMemoryConnectApi_without_an_api_registers_one_the_test_can_seed()
    {
        var services = new ServiceCollection();
        services.AddConnectClient(options => options.ApiKey = ApiKey).UseInMemoryConnectApi();
        await using var provider = services.BuildServiceProvider();

        var api = provider.GetRequiredService<InMemoryConnectApi>();
        var accounts = provider.GetRequiredService<AccountService>();
        var account = await accounts.CreateAsync(new AccountCreateRequest
        {
            Controller = AccountControllerInput.Custom,
            Capabilities = new AccountCapabilitiesInput { Transfers = new CapabilityInput { Requested = true } },
        });
        var fee = api.SeedApplicationFee(account.Id, 321);

        var fetched = await provider.GetRequiredService<ApplicationFeeService>().GetAsync(fee);
        Assert.Multiple(() =>
        {
            Assert.That(fetched.Amount, Is.EqualTo(321));
            Assert.That(fetched.Account?.Id, Is.EqualTo(account.Id));
        });
    }

    [Test]
    public async Task A_response_lost_after_processing_is_retried_with_the_same_key_and_replayed()
    {
        var shop = await CreateAccountWithActiveTransfers();
        _api.Faults.DropNextConnections(1, "/v1/transfers", afterProcessing: true);

        var transfer = await _client.Transfers.CreateAsync(new TransferCreateRequest { Amount = 1500, Currency = "usd", Destination = shop });

        var attempts = _api.Requests.Where(r => r.Method == "POST" && r.Path == "/v1/transfers").ToList();
        var all = await _client.Transfers.ListAsync(new TransferListRequest { Destination = shop });
        Assert.Multiple(() =>
        {
            Assert.That(transfer.Amount, Is.EqualTo(1500));
            Assert.That(transfer.StripeResponse?.IdempotentReplayed, Is.True, "the second attempt got the stored result");
            Assert.That(transfer.StripeResponse?.Attempts, Is.EqualTo(2));
            Assert.That(attempts, Has.Count.EqualTo(2));
            Assert.That(attempts[0].StatusCode, Is.Null, "the first answer was lost");
            Assert.That(attempts[1].StatusCode, Is.EqualTo(200));
            Assert.That(attempts.Select(a => a.IdempotencyKey).Distinct().Count(), Is.EqualTo(1), "both attempts carried the same key");
            Assert.That(attempts[0].IdempotencyKey, Is.EqualTo(transfer.StripeResponse?.IdempotencyKey));
            Assert.That(all.Data.Select(t => t.Id), Is.EqualTo(new[] { transfer.Id }), "exactly one transfer exists");
        });
    }

    [Test]
    public async Task Server_errors_and_lock_timeouts_are_retried_until_the_call_succeeds()
    {
        _api.Faults.FailNext(1, HttpStatusCode.InternalServerError, "/v1/topups");
        _api.Faults.FailNextWithLockTimeout(1, "/v1/topups");

        var topup = await _client.Topups.CreateAsync(new TopupCreateRequest { Amount = 900, Currency = "usd" });

        var list = await _client.Topups.ListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(topup.StripeResponse?.Attempts, Is.EqualTo(3));
            Assert.That(topup.StripeResponse?.IdempotentReplayed, Is.False, "failed attempts left no idempotency record");
            Assert.That(list.Data.Select(t => t.Id), Is.EqualTo(new[] { topup.Id }));
            Assert.That(_api.Faults.Pending, Is.Zero);
        });
    }

    [Test]
    public async Task A_dropped_connection_past_the_retry_budget_is_an_ApiConnectionException()
    {
        using var client = CreateClient(_api, maxNetworkRetries: 1);
        _api.Faults.DropNextConnections(2, "/v1/topups");

        var e = Assert.ThrowsAsync<ApiConnectionException>(() => client.Topups.CreateAsync(new TopupCreateRequest { Amount = 900, Currency = "usd" }));

        var list = await client.Topups.ListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(e!.InnerException, Is.Not.Null);
            Assert.That(list.Data, Is.Empty, "connections dropped before processing change nothing");
            Assert.That(_api.Requests.Count(r => r.Path == "/v1/topups" && r.Method == "POST"), Is.EqualTo(2));
        });
    }

    [Test]
    public void A_validation_error_is_an_InvalidRequestException_naming_the_parameter()
    {
        var e = Assert.ThrowsAsync<InvalidRequestException>(() => _client.Topups.CreateAsync(new TopupCreateRequest { Amount = 0, Currency = "usd" }));

        Assert.Multiple(() =>
        {
            Assert.That(e!.HttpStatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(e.StripeError?.Type, Is.EqualTo("invalid_request_error"));
            Assert.That(e.StripeError?.Param, Is.EqualTo("amount"));
            Assert.That(e.StripeError?.Code, Is.EqualTo("amount_too_small"));
            Assert.That(e.RequestId, Does.StartWith("req_"));
            Assert.That(e.Message, Does.Contain("amount"));
        });
    }

    [Test]
    public async Task A_transfer_to_an_account_without_active_transfers_names_the_destination()
    {
        var account = await _client.Accounts.CreateAsync(new AccountCreateRequest { Controller = AccountControllerInput.Custom });

        var e = Assert.ThrowsAsync<InvalidRequestException>(() => _client.Transfers.CreateAsync(new TransferCreateRequest { Amount = 100, Currency = "usd", Destination = account.Id }));

        Assert.Multiple(() =>
        {
            Assert.That(e!.StripeError?.Param, Is.EqualTo("destination"));
            Assert.That(e.StripeError?.Code, Is.EqualTo("insufficient_capabilities_for_transfer"));
        });
    }

    [Test]
    public async Task A_missing_object_is_a_404_resource_missing()
    {
        var account = await _client.Accounts.CreateAsync(new AccountCreateRequest { Controller = AccountControllerInput.Custom });
        await _client.Accounts.DeleteAsync(account.Id);

        var e = Assert.ThrowsAsync<InvalidRequestException>(() => _client.Accounts.GetAsync(account.Id));
        var missingTransfer = Assert.ThrowsAsync<InvalidRequestException>(() => _client.Transfers.GetAsync("tr_doesnotexist"));

        Assert.Multiple(() =>
        {
            Assert.That(e!.HttpStatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(e.StripeError?.Code, Is.EqualTo("resource_missing"));
            Assert.That(e.StripeError?.Param, Is.EqualTo("id"));
            Assert.That(missingTransfer!.HttpStatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(missingTransfer.StripeError?.Code, Is.EqualTo("resource_missing"));
            Assert.That(missingTransfer.StripeError?.Param, Is.EqualTo("id"));
        });
    }

    [Test]
    public async Task Reusing_an_idempotency_key_with_other_parameters_is_an_IdempotencyException()
    {
        var options = new RequestOptions { IdempotencyKey = "topup-2026-11-02" };
        var first = await _client.Topups.CreateAsync(new TopupCreateRequest { Amount = 100, Currency = "usd" }, options);
        var again = await _client.Topups.CreateAsync(new TopupCreateRequest { Amount = 100, Currency = "usd" }, options);

        var e = Assert.ThrowsAsync<IdempotencyException>(() => _client.Topups.CreateAsync(new TopupCreateRequest { Amount = 200, Currency = "usd" }, options));

        var list = await _client.Topups.ListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(again.Id, Is.EqualTo(first.Id));
            Assert.That(again.StripeResponse?.IdempotentReplayed, Is.True);
            Assert.That(first.StripeResponse?.IdempotentReplayed, Is.False);
            Assert.That(e!.StripeError?.Type, Is.EqualTo("idempotency_error"));
            Assert.That(e.HttpStatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(list.Data, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void A_bad_card_is_a_CardException()
    {
        var e = Assert.ThrowsAsync<CardException>(async () =>
        {
            var account = await _client.Accounts.CreateAsync(new AccountCreateRequest { Controller = AccountControllerInput.Custom });
            await _client.ExternalAccounts.CreateAsync(account.Id, new ExternalAccountCreateRequest
            {
                ExternalAccount = new CardInput { Number = "4242", ExpMonth = 12, ExpYear = 2030, Currency = "usd" },
            });
        });

        Assert.Multiple(() =>
        {
            Assert.That(e!.HttpStatusCode, Is.EqualTo(HttpStatusCode.PaymentRequired));
            Assert.That(e.StripeError?.Code, Is.EqualTo("invalid_number"));
            Assert.That(e.StripeError?.Param, Is.EqualTo("external_account[number]"));
        });
    }

    [Test]
    public async Task Acting_on_an_unknown_connected_account_is_a_PermissionException()
    {
        var e = Assert.ThrowsAsync<PermissionException>(() => _client.Topups.ListAsync(options: new RequestOptions { StripeAccount = "acct_not_connected" }));
        Assert.That(e!.StripeError?.Code, Is.EqualTo("account_invalid"));

        var account = await _client.Accounts.CreateAsync(new AccountCreateRequest { Controller = AccountControllerInput.Custom });
        var scoped = await _client.Topups.ListAsync(options: new RequestOptions { StripeAccount = account.Id });
        Assert.That(scoped.Data, Is.Empty);
    }

    private async Task<string> CreateAccountWithActiveTransfers()
    {
        var account = await _client.Accounts.CreateAsync(new AccountCreateRequest
        {
            Controller = AccountControllerInput.Custom,
            Capabilities = new AccountCapabilitiesInput { Transfers = new CapabilityInput { Requested = true } },
        });
        _api.ActivateCapability(account.Id, "transfers");
        return account.Id;
    }
}
