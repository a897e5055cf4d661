using Microsoft.Extensions.Time.Testing;

namespace Stripe.Connect.Client.Testing.Tests.EndToEnd;

/// <summary>
/// Shapes that only a real round trip proves: auto-paging cursors, <c>expand[]</c> into typed objects, clearing
/// metadata with an empty value, <c>Stripe-Account</c> scoping, card external accounts and date filters.
/// </summary>
public class ClientRoundTripTests
{
    private FakeTimeProvider _time = null!;
    private InMemoryConnectApi _api = null!;
    private ConnectClient _client = null!;

    [SetUp]
    public void CreateClient()
    {
        _time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
        _api = new InMemoryConnectApi(_time);
        _api.FundBalance(1_000_000);
        _client = new ConnectClient(new ConnectClientOptions { ApiKey = "sk_test_round_trip_4eC39HqLyjWD" }, new HttpClient(_api.CreateHandler()));
    }

    [TearDown]
    public void DisposeClient() => _client.Dispose();

    [Test]
    public async Task Auto_paging_walks_every_page_newest_first_without_duplicates()
    {
        var shop = await ShopWithTransfers();
        var created = new List<string>();
        for (var i = 1; i <= 7; i++)
        {
            created.Add((await _client.Transfers.CreateAsync(new TransferCreateRequest { Amount = i * 100, Currency = "usd", Destination = shop })).Id);
        }

        var seen = new List<Transfer>();
        await foreach (var transfer in _client.Transfers.ListAutoPagingAsync(new TransferListRequest { Limit = 3 }))
        {
            seen.Add(transfer);
        }

        var pages = _api.Requests.Count(r => r.Method == "GET" && r.Path == "/v1/transfers");
        Assert.Multiple(() =>
        {
            Assert.That(seen.Select(t => t.Id), Is.EqualTo(Enumerable.Reverse(created)), "newest first, each once");
            Assert.That(seen.Sum(t => t.Amount), Is.EqualTo(2800));
            Assert.That(pages, Is.EqualTo(3), "7 items in pages of 3");
        });
    }

    [Test]
    public async Task Expanded_fields_arrive_as_typed_objects()
    {
        var shop = await ShopWithTransfers();
        var transfer = await _client.Transfers.CreateAsync(new TransferCreateRequest { Amount = 400, Currency = "usd", Destination = shop });

        var plain = await _client.Transfers.GetAsync(transfer.Id);
        var expanded = await _client.Transfers.GetAsync(transfer.Id, new TransferGetRequest { Expand = ["destination"] });

        Assert.Multiple(() =>
        {
            Assert.That(plain.Destination?.IsExpanded, Is.False);
            Assert.That(plain.Destination?.Id, Is.EqualTo(shop));
            Assert.That(expanded.Destination?.IsExpanded, Is.True);
            Assert.That(expanded.Destination?.Id, Is.EqualTo(shop));
            Assert.That(expanded.Destination?.Value?.Email, Is.EqualTo("shop@example.com"));
        });
    }

    [Test]
    public async Task Empty_metadata_clears_it_and_a_key_set_to_empty_removes_only_that_key()
    {
        var topup = await _client.Topups.CreateAsync(new TopupCreateRequest
        {
            Amount = 100,
            Currency = "usd",
            Metadata = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["c"] = "3" },
        });
        var oneRemoved = await _client.Topups.UpdateAsync(topup.Id, new TopupUpdateRequest
        {
            Metadata = new Dictionary<string, string> { ["a"] = string.Empty },
        });
        var cleared = await _client.Topups.UpdateAsync(topup.Id, new TopupUpdateRequest { Metadata = StripeMetadata.Clear });

        Assert.Multiple(() =>
        {
            Assert.That(topup.Metadata.Keys, Is.EquivalentTo(new[] { "a", "b", "c" }));
            Assert.That(oneRemoved.Metadata.Keys, Is.EquivalentTo(new[] { "b", "c" }));
            Assert.That(cleared.Metadata, Is.Empty);
            Assert.That(_api.Requests[^1].Body, Does.Contain("metadata="), "Empty is sent as an empty value");
        });
    }

    [Test]
    public async Task A_client_acting_as_a_connected_account_sees_only_that_accounts_objects()
    {
        var shop = await _client.Accounts.CreateAsync(new AccountCreateRequest { Controller = AccountControllerInput.Custom });
        using var asShop = new ConnectClient(
            new ConnectClientOptions { ApiKey = "sk_test_round_trip_4eC39HqLyjWD", StripeAccount = shop.Id },
            new HttpClient(_api.CreateHandler()));

        var shopTopup = await asShop.Topups.CreateAsync(new TopupCreateRequest { Amount = 100, Currency = "usd" });
        var platformTopup = await _client.Topups.CreateAsync(new TopupCreateRequest { Amount = 200, Currency = "usd" });

        var fromShop = await asShop.Topups.ListAsync();
        var fromPlatform = await _client.Topups.ListAsync();
        var perCall = await _client.Topups.ListAsync(options: new RequestOptions { StripeAccount = shop.Id });
        var current = await asShop.Accounts.GetCurrentAsync();

        Assert.Multiple(() =>
        {
            Assert.That(fromShop.Data.Select(t => t.Id), Is.EqualTo(new[] { shopTopup.Id }));
            Assert.That(fromPlatform.Data.Select(t => t.Id), Is.EqualTo(new[] { platformTopup.Id }));
            Assert.That(perCall.Data.Select(t => t.Id), Is.EqualTo(new[] { shopTopup.Id }));
            Assert.That(current.Id, Is.EqualTo(shop.Id), "GET /v1/account with Stripe-Account is that account");
            Assert.That(_api.Requests.Where(r => r.StripeAccount is not null).Select(r => r.StripeAccount), Is.All.EqualTo(shop.Id));
        });
        var missing = Assert.ThrowsAsync<InvalidRequestException>(() => asShop.Topups.GetAsync(platformTopup.Id));
        Assert.That(missing!.StripeError?.Code, Is.EqualTo("resource_missing"));
    }

    [Test]
    public async Task A_debit_card_external_account_round_trips_as_Card_and_deletes_as_card()
    {
        var shop = await _client.Accounts.CreateAsync(new AccountCreateRequest { Controller = AccountControllerInput.Custom, Country = "US" });
        await _client.ExternalAccounts.CreateAsync(shop.Id, new ExternalAccountCreateRequest
        {
            ExternalAccount = new BankAccountInput
            {
                Country = "US",
                Currency = "usd",
                RoutingNumber = "110000000",
                AccountNumber = "000123456789",
            },
        });

        var external = await _client.ExternalAccounts.CreateAsync(shop.Id, new ExternalAccountCreateRequest
        {
            ExternalAccount = new CardInput
            {
                Number = "4000056655665556",
                ExpMonth = 12,
                ExpYear = 2030,
                Currency = "usd",
            },
        });
        var cards = await _client.ExternalAccounts.ListAsync(shop.Id, new ExternalAccountListRequest { Object = ExternalAccountObject.Card });
        var deleted = await _client.ExternalAccounts.DeleteAsync(shop.Id, external.Id);

        Assert.That(external, Is.InstanceOf<Card>());
        var card = (Card)external;
        Assert.Multiple(() =>
        {
            Assert.That(card.Last4, Is.EqualTo("5556"));
            Assert.That(card.ExpMonth, Is.EqualTo(12));
            Assert.That(card.ExpYear, Is.EqualTo(2030));
            Assert.That(cards.Data.Select(c => c.Id), Is.EqualTo(new[] { card.Id }), "the object filter leaves the bank account out");
            Assert.That(cards.Data.Single(), Is.InstanceOf<Card>());
            Assert.That(deleted.Deleted, Is.True);
            Assert.That(deleted.Object, Is.EqualTo("card"));
        });
    }

    [Test]
    public async Task A_created_date_filter_selects_by_the_apis_clock()
    {
        var early = await _client.Accounts.CreateAsync(new AccountCreateRequest { Controller = AccountControllerInput.Custom });
        _time.Advance(TimeSpan.FromHours(2));
        var late = await _client.Accounts.CreateAsync(new AccountCreateRequest { Controller = AccountControllerInput.Custom });

        var recent = await _client.Accounts.ListAsync(new AccountListRequest { Created = new TimeRangeInput { Gt = _time.GetUtcNow().AddHours(-1) } });
        var older = await _client.Accounts.ListAsync(new AccountListRequest { Created = new TimeRangeInput { Lte = early.Created } });

        Assert.Multiple(() =>
        {
            Assert.That(late.Created - early.Created, Is.EqualTo(TimeSpan.FromHours(2)));
            Assert.That(recent.Data.Select(a => a.Id), Is.EqualTo(new[] { late.Id }));
            Assert.That(older.Data.Select(a => a.Id), Is.EqualTo(new[] { early.Id }));
        });
    }

    private async Task<string> ShopWithTransfers()
    {
        var account = await _client.Accounts.CreateAsync(new AccountCreateRequest
        {
            Controller = AccountControllerInput.Custom,
            Email = "shop@example.com",
            Capabilities = new AccountCapabilitiesInput { Transfers = new CapabilityInput { Requested = true } },
        });
        _api.ActivateCapability(account.Id, "transfers");
        return account.Id;
    }
}
