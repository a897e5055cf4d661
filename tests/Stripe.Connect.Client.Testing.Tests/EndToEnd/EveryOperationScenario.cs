using Microsoft.Extensions.Time.Testing;

namespace Stripe.Connect.Client.Testing.Tests.EndToEnd;

/// <summary>
/// A platform's life in one run: every operation of the Connect surface, called through the typed services of a real
/// <see cref="ConnectClient"/> against an <see cref="InMemoryConnectApi"/>, on state the run creates itself. Each step
/// checks what came back (ids, amounts adding up, statuses, deleted flags, list contents).
/// </summary>
internal static class EveryOperationScenario
{
    private static readonly string[] CardPaymentsAndTransfers = ["card_payments", "transfers"];

    private static Dictionary<string, string> Meta(string key, string value) => new() { [key] = value };

    public static async Task RunAsync(ConnectClient client, InMemoryConnectApi api)
    {
        // A new platform has no funds (as a new test-mode account); the transfers below need some.
        api.FundBalance(10_000);
        var (shop, express) = await AccountsAsync(client, api);
        await CapabilitiesAndCountrySpecsAsync(client, api, shop);
        await ExternalAccountsAsync(client, shop);
        await PersonsAsync(client, shop);
        await TransfersAndReversalsAsync(client, shop);
        await ApplicationFeesAndRefundsAsync(client, api, shop);
        await TopupsAsync(client, api);
        await SecretsAsync(client);
        await MoneyAsync(client, api, shop);
        await TokensEventsAndWebhookEndpointsAsync(client, shop);
        await OAuthAsync(client, api);

        // Last: deleting an account (the express one; the shop keeps its history).
        var deleted = await client.Accounts.DeleteAsync(express);
        Assert.Multiple(() =>
        {
            Assert.That(deleted.Deleted, Is.True);
            Assert.That(deleted.Id, Is.EqualTo(express));
        });
        var remaining = await client.Accounts.ListAsync(new AccountListRequest { Limit = 100 });
        Assert.That(remaining.Data.Select(a => a.Id), Does.Contain(shop).And.Not.Contain(express));
    }

    private static async Task<(string Shop, string Express)> AccountsAsync(ConnectClient client, InMemoryConnectApi api)
    {
        var platform = await client.Accounts.GetCurrentAsync();
        Assert.That(platform.Id, Is.EqualTo(api.PlatformAccountId));

        var shop = await client.Accounts.CreateAsync(new AccountCreateRequest
        {
            Controller = AccountControllerInput.Custom,
            Country = "US",
            Email = "owner@bakery.example",
            BusinessType = AccountBusinessType.Company,
            BusinessProfile = new AccountBusinessProfileInput { Name = "Corner Bakery", Url = "https://bakery.example" },
            Capabilities = new AccountCapabilitiesInput
            {
                CardPayments = new CapabilityInput { Requested = true },
                Transfers = new CapabilityInput { Requested = true },
            },
            Metadata = new Dictionary<string, string> { ["internal_id"] = "bakery-42" },
        });
        Assert.Multiple(() =>
        {
            Assert.That(shop.Id, Does.StartWith("acct_"));
            Assert.That(shop.Id, Is.Not.EqualTo(platform.Id));
            Assert.That(shop.Type, Is.EqualTo(AccountType.Custom));
            Assert.That(shop.Metadata, Does.ContainKey("internal_id").WithValue("bakery-42"));
            Assert.That(shop.StripeResponse?.RequestId, Does.StartWith("req_"));
        });

        var express = await client.Accounts.CreateAsync(new AccountCreateRequest { Controller = AccountControllerInput.Express, Country = "US", Email = "courier@example.com" });
        Assert.That(express.Type, Is.EqualTo(AccountType.Express));

        var fetched = await client.Accounts.GetAsync(shop.Id);
        Assert.Multiple(() =>
        {
            Assert.That(fetched.Email, Is.EqualTo("owner@bakery.example"));
            Assert.That(fetched.BusinessProfile?.Name, Is.EqualTo("Corner Bakery"));
            Assert.That(fetched.Capabilities?.CardPayments?.Value, Is.EqualTo("inactive"), "requested, but its requirements are due");
            Assert.That(fetched.Requirements?.CurrentlyDue, Does.Contain("business_profile.mcc").And.Contain("external_account"));
            Assert.That(fetched.ChargesEnabled, Is.False);
        });

        var updated = await client.Accounts.UpdateAsync(shop.Id, new AccountUpdateRequest
        {
            Email = "billing@bakery.example",
            Metadata = Meta("tier", "gold"),
        });
        Assert.Multiple(() =>
        {
            Assert.That(updated.Email, Is.EqualTo("billing@bakery.example"));
            Assert.That(updated.Metadata, Does.ContainKey("tier").WithValue("gold"));
            Assert.That(updated.Metadata, Does.ContainKey("internal_id"), "an update merges metadata");
        });

        var list = await client.Accounts.ListAsync(new AccountListRequest { Limit = 10 });
        Assert.That(list.Data.Select(a => a.Id), Is.EquivalentTo(new[] { shop.Id, express.Id }), "the platform itself is not a connected account");

        var rejected = await client.Accounts.RejectAsync(express.Id, new AccountRejectRequest { Reason = AccountRejectReason.TermsOfService });
        Assert.That(rejected.Requirements?.DisabledReason?.Value, Is.EqualTo("rejected.platform_terms_of_service"));
        var unrejected = await client.Accounts.UnrejectAsync(express.Id);
        Assert.That(unrejected.Requirements?.DisabledReason, Is.Null);

        var login = await client.LoginLinks.CreateAsync(express.Id);
        Assert.That(login.Url, Does.StartWith("https://").And.Contain(express.Id));

        var link = await client.AccountLinks.CreateAsync(new AccountLinkCreateRequest
        {
            Account = shop.Id,
            RefreshUrl = "https://platform.example/onboarding/refresh",
            ReturnUrl = "https://platform.example/onboarding/done",
            Type = AccountLinkType.AccountOnboarding,
        });
        Assert.Multiple(() =>
        {
            Assert.That(link.Url, Does.Contain(shop.Id));
            Assert.That(link.ExpiresAt, Is.GreaterThan(link.Created));
        });
        Assert.Multiple(() =>
        {
            Assert.That(api.TryRedeemAccountLink(link.Url), Is.True, "the link the client got is the one the API knows");
            Assert.That(api.TryRedeemAccountLink(link.Url), Is.False, "single use");
        });

        var session = await client.AccountSessions.CreateAsync(new AccountSessionCreateRequest
        {
            Account = shop.Id,
            Components = new AccountSessionComponentsInput
            {
                AccountOnboarding = new AccountComponentInput { Enabled = true },
            },
        });
        Assert.Multiple(() =>
        {
            Assert.That(session.Account, Is.EqualTo(shop.Id));
            Assert.That(session.ClientSecret, Is.Not.Empty);
            Assert.That(session.Components.AccountOnboarding?.Enabled, Is.True);
            Assert.That(session.Components.Payouts.Enabled, Is.False, "components not asked for stay disabled");
        });

        return (shop.Id, express.Id);
    }

    private static async Task CapabilitiesAndCountrySpecsAsync(ConnectClient client, InMemoryConnectApi api, string shop)
    {
        var capabilities = await client.Capabilities.ListAsync(shop);
        Assert.Multiple(() =>
        {
            Assert.That(capabilities.Data.Select(c => c.Id), Is.EquivalentTo(CardPaymentsAndTransfers));
            Assert.That(capabilities.Data.Select(c => c.Status), Is.All.EqualTo(CapabilityStatus.Inactive), "requested while the account's requirements are due");
        });

        Assert.That(api.ActivateCapabilities(shop), Is.EqualTo(2));
        var transfers = await client.Capabilities.GetAsync(shop, "transfers");
        Assert.Multiple(() =>
        {
            Assert.That(transfers.Status, Is.EqualTo(CapabilityStatus.Active));
            Assert.That(transfers.Requested, Is.True);
            Assert.That(transfers.Account?.Id, Is.EqualTo(shop));
        });

        var sepa = await client.Capabilities.UpdateAsync(shop, "sepa_debit_payments", new CapabilityUpdateRequest { Requested = true });
        Assert.Multiple(() =>
        {
            Assert.That(sepa.Id, Is.EqualTo("sepa_debit_payments"));
            Assert.That(sepa.Status, Is.EqualTo(CapabilityStatus.Inactive), "the approval of the others does not cover a new capability");
        });

        var us = await client.CountrySpecs.GetAsync("US");
        Assert.Multiple(() =>
        {
            Assert.That(us.Id, Is.EqualTo("US"));
            Assert.That(us.DefaultCurrency, Is.EqualTo("usd"));
            Assert.That(us.SupportedPaymentCurrencies, Does.Contain("usd"));
        });

        var specs = await client.CountrySpecs.ListAsync(new CountrySpecListRequest { Limit = 100 });
        Assert.That(specs.Data.Select(s => s.Id), Does.Contain("US"));
    }

    private static async Task ExternalAccountsAsync(ConnectClient client, string shop)
    {
        var first = await client.ExternalAccounts.CreateAsync(shop, new ExternalAccountCreateRequest
        {
            ExternalAccount = new BankAccountInput
            {
                Country = "US",
                Currency = "usd",
                AccountHolderName = "Corner Bakery LLC",
                RoutingNumber = "110000000",
                AccountNumber = "000123456789",
            },
        });
        var bank = first as BankAccount;
        Assert.That(bank, Is.Not.Null, "a bank account comes back as BankAccount");
        Assert.Multiple(() =>
        {
            Assert.That(bank!.Last4, Is.EqualTo("6789"));
            Assert.That(bank.DefaultForCurrency, Is.True, "the first account in a currency is its default");
            Assert.That(bank.Account?.Id, Is.EqualTo(shop));
        });

        var second = await client.ExternalAccounts.CreateAsync(shop, new ExternalAccountCreateRequest
        {
            ExternalAccount = new BankAccountInput
            {
                Country = "US",
                Currency = "usd",
                RoutingNumber = "110000000",
                AccountNumber = "000111111116",
            },
        });
        Assert.That(second.DefaultForCurrency, Is.False);

        var fetched = await client.ExternalAccounts.GetAsync(shop, first.Id);
        Assert.That(fetched, Is.InstanceOf<BankAccount>().And.Property(nameof(BankAccount.AccountHolderName)).EqualTo("Corner Bakery LLC"));

        var renamed = await client.ExternalAccounts.UpdateAsync(shop, first.Id, new ExternalAccountUpdateRequest
        {
            AccountHolderName = "Corner Bakery Inc.",
            Metadata = Meta("purpose", "payouts"),
        });
        Assert.Multiple(() =>
        {
            Assert.That(((BankAccount)renamed).AccountHolderName, Is.EqualTo("Corner Bakery Inc."));
            Assert.That(renamed.Metadata, Does.ContainKey("purpose").WithValue("payouts"));
        });

        var all = await client.ExternalAccounts.ListAsync(shop, new ExternalAccountListRequest { Object = ExternalAccountObject.BankAccount });
        Assert.That(all.Data.Select(e => e.Id), Is.EquivalentTo(new[] { first.Id, second.Id }));

        var deleted = await client.ExternalAccounts.DeleteAsync(shop, second.Id);
        Assert.Multiple(() =>
        {
            Assert.That(deleted.Deleted, Is.True);
            Assert.That(deleted.Id, Is.EqualTo(second.Id));
        });

        var account = await client.Accounts.GetAsync(shop);
        Assert.Multiple(() =>
        {
            Assert.That(account.ExternalAccounts?.Data.Select(e => e.Id), Is.EqualTo(new[] { first.Id }));
            Assert.That(account.ChargesEnabled, Is.True, "card_payments is active");
            Assert.That(account.PayoutsEnabled, Is.True, "an active capability and a bank account");
        });
    }

    private static async Task PersonsAsync(ConnectClient client, string shop)
    {
        var owner = await client.Persons.CreateAsync(shop, new PersonCreateRequest
        {
            FirstName = "Jenny",
            LastName = "Rosen",
            Email = "jenny@bakery.example",
            Relationship = new PersonRelationshipInput { Representative = true, Owner = true, Title = "Owner", PercentOwnership = 60m },
        });
        var partner = await client.Persons.CreateAsync(shop, new PersonCreateRequest
        {
            FirstName = "Sam",
            LastName = "Baker",
            Relationship = new PersonRelationshipInput { Owner = true, PercentOwnership = 40m },
        });
        Assert.Multiple(() =>
        {
            Assert.That(owner.Id, Does.StartWith("person_"));
            Assert.That(owner.Account, Is.EqualTo(shop));
            Assert.That(owner.Relationship?.PercentOwnership + partner.Relationship?.PercentOwnership, Is.EqualTo(100m));
        });

        var fetched = await client.Persons.GetAsync(shop, owner.Id);
        Assert.That(fetched.Email, Is.EqualTo("jenny@bakery.example"));

        var updated = await client.Persons.UpdateAsync(shop, owner.Id, new PersonUpdateRequest { Phone = "+14155550123", IdNumber = "000000000" });
        Assert.Multiple(() =>
        {
            Assert.That(updated.Phone, Is.EqualTo("+14155550123"));
            Assert.That(updated.IdNumberProvided, Is.True, "the number itself is never echoed");
            Assert.That(updated.FirstName, Is.EqualTo("Jenny"));
        });

        var representatives = await client.Persons.ListAsync(shop, new PersonListRequest { Relationship = new PersonListRelationshipInput { Representative = true } });
        Assert.That(representatives.Data.Select(p => p.Id), Is.EqualTo(new[] { owner.Id }));

        var deleted = await client.Persons.DeleteAsync(shop, partner.Id);
        Assert.Multiple(() =>
        {
            Assert.That(deleted.Deleted, Is.True);
            Assert.That(deleted.Id, Is.EqualTo(partner.Id));
        });
        var everyone = await client.Persons.ListAsync(shop);
        Assert.That(everyone.Data.Select(p => p.Id), Is.EqualTo(new[] { owner.Id }));
    }

    private static async Task TransfersAndReversalsAsync(ConnectClient client, string shop)
    {
        var transfer = await client.Transfers.CreateAsync(new TransferCreateRequest
        {
            Amount = 1000,
            Currency = "usd",
            Destination = shop,
            TransferGroup = "order-17",
            Metadata = new Dictionary<string, string> { ["order"] = "17" },
        });
        var other = await client.Transfers.CreateAsync(new TransferCreateRequest { Amount = 250, Currency = "usd", Destination = shop, TransferGroup = "order-18" });
        Assert.Multiple(() =>
        {
            Assert.That(transfer.Id, Does.StartWith("tr_"));
            Assert.That(transfer.Amount, Is.EqualTo(1000));
            Assert.That(transfer.Destination?.Id, Is.EqualTo(shop));
            Assert.That(transfer.AmountReversed, Is.Zero);
            Assert.That(transfer.Reversed, Is.False);
        });

        var described = await client.Transfers.UpdateAsync(transfer.Id, new TransferUpdateRequest { Description = "Order 17 payout" });
        Assert.Multiple(() =>
        {
            Assert.That(described.Description, Is.EqualTo("Order 17 payout"));
            Assert.That(described.Metadata, Does.ContainKey("order").WithValue("17"));
        });

        var byGroup = await client.Transfers.ListAsync(new TransferListRequest { TransferGroup = "order-17" });
        Assert.That(byGroup.Data.Select(t => t.Id), Is.EqualTo(new[] { transfer.Id }));
        var byDestination = await client.Transfers.ListAsync(new TransferListRequest { Destination = shop });
        Assert.That(byDestination.Data.Select(t => t.Id), Is.EquivalentTo(new[] { transfer.Id, other.Id }));

        var partial = await client.TransferReversals.CreateAsync(transfer.Id, new TransferReversalCreateRequest { Amount = 300 });
        Assert.Multiple(() =>
        {
            Assert.That(partial.Amount, Is.EqualTo(300));
            Assert.That(partial.Transfer?.Id, Is.EqualTo(transfer.Id));
        });

        var noted = await client.TransferReversals.UpdateAsync(transfer.Id, partial.Id, new TransferReversalUpdateRequest { Metadata = Meta("reason", "returned item") });
        Assert.That(noted.Metadata, Does.ContainKey("reason").WithValue("returned item"));
        var fetchedReversal = await client.TransferReversals.GetAsync(transfer.Id, partial.Id);
        Assert.Multiple(() =>
        {
            Assert.That(fetchedReversal.Amount, Is.EqualTo(300));
            Assert.That(fetchedReversal.Metadata, Does.ContainKey("reason"));
        });

        var halfway = await client.Transfers.GetAsync(transfer.Id);
        Assert.Multiple(() =>
        {
            Assert.That(halfway.AmountReversed, Is.EqualTo(300));
            Assert.That(halfway.Reversed, Is.False);
        });

        var rest = await client.TransferReversals.CreateAsync(transfer.Id);
        Assert.That(rest.Amount, Is.EqualTo(700), "without an amount, the rest is reversed");

        var reversals = await client.TransferReversals.ListAsync(transfer.Id);
        Assert.Multiple(() =>
        {
            Assert.That(reversals.Data.Select(r => r.Id), Is.EquivalentTo(new[] { partial.Id, rest.Id }));
            Assert.That(reversals.Data.Sum(r => r.Amount), Is.EqualTo(transfer.Amount));
        });

        var done = await client.Transfers.GetAsync(transfer.Id);
        Assert.Multiple(() =>
        {
            Assert.That(done.AmountReversed, Is.EqualTo(1000));
            Assert.That(done.Reversed, Is.True);
            Assert.That(done.Reversals.Data, Has.Count.EqualTo(2));
        });
    }

    private static async Task ApplicationFeesAndRefundsAsync(ConnectClient client, InMemoryConnectApi api, string shop)
    {
        var feeId = api.SeedApplicationFee(shop, 500, "usd", "ch_order17");
        var other = api.SeedApplicationFee(shop, 120);

        var fee = await client.ApplicationFees.GetAsync(feeId);
        Assert.Multiple(() =>
        {
            Assert.That(fee.Amount, Is.EqualTo(500));
            Assert.That(fee.Account?.Id, Is.EqualTo(shop));
            Assert.That(fee.Charge?.Id, Is.EqualTo("ch_order17"));
            Assert.That(fee.Refunded, Is.False);
        });

        var fees = await client.ApplicationFees.ListAsync();
        Assert.That(fees.Data.Select(f => f.Id), Is.EquivalentTo(new[] { feeId, other }));
        var byCharge = await client.ApplicationFees.ListAsync(new ApplicationFeeListRequest { Charge = "ch_order17" });
        Assert.That(byCharge.Data.Select(f => f.Id), Is.EqualTo(new[] { feeId }));

        var partial = await client.ApplicationFeeRefunds.CreateAsync(feeId, new ApplicationFeeRefundCreateRequest { Amount = 200 });
        Assert.Multiple(() =>
        {
            Assert.That(partial.Amount, Is.EqualTo(200));
            Assert.That(partial.Fee?.Id, Is.EqualTo(feeId));
        });

        var noted = await client.ApplicationFeeRefunds.UpdateAsync(feeId, partial.Id, new ApplicationFeeRefundUpdateRequest { Metadata = Meta("ticket", "T-9") });
        Assert.That(noted.Metadata, Does.ContainKey("ticket").WithValue("T-9"));
        var fetched = await client.ApplicationFeeRefunds.GetAsync(feeId, partial.Id);
        Assert.That(fetched.Amount, Is.EqualTo(200));

        var rest = await client.ApplicationFeeRefunds.CreateAsync(feeId);
        Assert.That(rest.Amount, Is.EqualTo(300));

        var refunds = await client.ApplicationFeeRefunds.ListAsync(feeId);
        Assert.That(refunds.Data.Sum(r => r.Amount), Is.EqualTo(fee.Amount));

        var refunded = await client.ApplicationFees.GetAsync(feeId);
        Assert.Multiple(() =>
        {
            Assert.That(refunded.AmountRefunded, Is.EqualTo(500));
            Assert.That(refunded.Refunded, Is.True);
            Assert.That(refunded.Refunds.Data.Select(r => r.Id), Is.EquivalentTo(new[] { partial.Id, rest.Id }));
        });
    }

    private static async Task TopupsAsync(ConnectClient client, InMemoryConnectApi api)
    {
        var kept = await client.Topups.CreateAsync(new TopupCreateRequest { Amount = 5000, Currency = "usd", Description = "Float for payouts", StatementDescriptor = "PLATFORM FLOAT" });
        var dropped = await client.Topups.CreateAsync(new TopupCreateRequest { Amount = 700, Currency = "usd" });
        Assert.Multiple(() =>
        {
            Assert.That(kept.Id, Does.StartWith("tu_"));
            Assert.That(kept.Status, Is.EqualTo(TopupStatus.Pending));
            Assert.That(kept.Amount, Is.EqualTo(5000));
        });

        var described = await client.Topups.UpdateAsync(kept.Id, new TopupUpdateRequest { Metadata = Meta("batch", "2026-11") });
        Assert.That(described.Metadata, Does.ContainKey("batch").WithValue("2026-11"));

        var canceled = await client.Topups.CancelAsync(dropped.Id);
        Assert.That(canceled.Status, Is.EqualTo(TopupStatus.Canceled));

        api.SucceedTopup(kept.Id);
        var succeeded = await client.Topups.GetAsync(kept.Id);
        Assert.Multiple(() =>
        {
            Assert.That(succeeded.Status, Is.EqualTo(TopupStatus.Succeeded));
            Assert.That(succeeded.BalanceTransaction?.Id, Does.StartWith("txn_"));
            Assert.That(succeeded.Description, Is.EqualTo("Float for payouts"));
        });

        var canceledOnly = await client.Topups.ListAsync(new TopupListRequest { Status = TopupStatus.Canceled });
        Assert.That(canceledOnly.Data.Select(t => t.Id), Is.EqualTo(new[] { dropped.Id }));
        var all = await client.Topups.ListAsync();
        Assert.That(all.Data.Sum(t => t.Amount), Is.EqualTo(5700));
    }

    private static async Task SecretsAsync(ConnectClient client)
    {
        var created = await client.Secrets.CreateAsync(new SecretCreateRequest
        {
            Name = "shipping_api_key",
            Payload = "sk_live_shipping_example",
            Scope = new SecretScopeInput { Type = SecretScopeType.Account },
        });
        await client.Secrets.CreateAsync(new SecretCreateRequest
        {
            Name = "oauth_token",
            Payload = "user-token",
            Scope = new SecretScopeInput { Type = SecretScopeType.User, User = "usr_1" },
        });
        Assert.Multiple(() =>
        {
            Assert.That(created.Id, Does.StartWith("appsecret_"));
            Assert.That(created.Payload, Is.Null, "the payload is only returned when expanded");
        });

        var found = await client.Secrets.FindAsync(new SecretFindRequest
        {
            Name = "shipping_api_key",
            Scope = new SecretScopeInput { Type = SecretScopeType.Account },
            Expand = ["payload"],
        });
        Assert.Multiple(() =>
        {
            Assert.That(found.Id, Is.EqualTo(created.Id));
            Assert.That(found.Payload, Is.EqualTo("sk_live_shipping_example"));
        });

        var accountScoped = await client.Secrets.ListAsync(new SecretListRequest { Scope = new SecretScopeInput { Type = SecretScopeType.Account } });
        Assert.That(accountScoped.Data.Select(s => s.Name), Is.EqualTo(new[] { "shipping_api_key" }), "the user-scoped secret is listed under its own scope only");

        var deleted = await client.Secrets.DeleteWhereAsync(new SecretDeleteWhereRequest
        {
            Name = "shipping_api_key",
            Scope = new SecretScopeInput { Type = SecretScopeType.Account },
        });
        Assert.Multiple(() =>
        {
            Assert.That(deleted.Deleted, Is.True);
            Assert.That(deleted.Id, Is.EqualTo(created.Id));
        });

        var afterDelete = await client.Secrets.ListAsync(new SecretListRequest { Scope = new SecretScopeInput { Type = SecretScopeType.Account } });
        Assert.That(afterDelete.Data, Is.Empty);
    }

    private static async Task MoneyAsync(ConnectClient client, InMemoryConnectApi api, string shop)
    {
        var clock = api.TimeProvider as FakeTimeProvider
            ?? throw new InvalidOperationException("The scenario pays payouts out on the fake's clock: create the InMemoryConnectApi with a FakeTimeProvider.");
        var asShop = new RequestOptions { StripeAccount = shop };

        var platform = await client.Balance.GetAsync();
        var before = await client.Balance.GetAsync(options: asShop);
        var shopUsd = before.Available.Single(a => a.Currency == "usd").Amount;
        Assert.Multiple(() =>
        {
            Assert.That(platform.Object, Is.EqualTo("balance"));
            Assert.That(shopUsd, Is.GreaterThan(600), "the shop received transfers earlier in the scenario");
        });

        var settings = await client.BalanceSettings.GetAsync(options: asShop);
        var updatedSettings = await client.BalanceSettings.UpdateAsync(new BalanceSettingsUpdateRequest { Payments = new() { DebitNegativeBalances = true } }, asShop);
        Assert.Multiple(() =>
        {
            Assert.That(settings.Object, Is.EqualTo("balance_settings"));
            Assert.That(updatedSettings.Payments.DebitNegativeBalances, Is.True);
        });

        var bank = await client.ExternalAccounts.CreateAsync(shop, new ExternalAccountCreateRequest
        {
            ExternalAccount = new BankAccountInput { Country = "US", Currency = "usd", RoutingNumber = "110000000", AccountNumber = "000123456789" },
        });
        var toCancel = await client.Payouts.CreateAsync(new PayoutCreateRequest { Amount = 200, Currency = "usd", Destination = bank.Id }, asShop);
        var canceled = await client.Payouts.CancelAsync(toCancel.Id, options: asShop);
        var toPay = await client.Payouts.CreateAsync(new PayoutCreateRequest { Amount = 300, Currency = "usd", Destination = bank.Id }, asShop);
        var labeled = await client.Payouts.UpdateAsync(toPay.Id, new PayoutUpdateRequest { Metadata = Meta("run", "weekly") }, asShop);
        clock.Advance(TimeSpan.FromDays(3));
        var paid = await client.Payouts.GetAsync(toPay.Id, options: asShop);
        var reversal = await client.Payouts.ReverseAsync(toPay.Id, options: asShop);
        var paidPayouts = await client.Payouts.ListAsync(new PayoutListRequest { Status = "paid" }, asShop);
        Assert.Multiple(() =>
        {
            Assert.That(canceled.Status, Is.EqualTo("canceled"));
            Assert.That(labeled.Metadata["run"], Is.EqualTo("weekly"));
            Assert.That(paid.Status, Is.EqualTo("paid"));
            Assert.That(reversal.OriginalPayout?.Id, Is.EqualTo(toPay.Id));
            Assert.That(paidPayouts.Data.Select(p => p.Id), Does.Contain(toPay.Id));
        });

        var transactions = await client.BalanceTransactions.ListAsync(new BalanceTransactionListRequest { Limit = 100 }, asShop);
        var payoutTxn = await client.BalanceTransactions.GetAsync(paid.BalanceTransaction!.Id, options: asShop);
        var after = await client.Balance.GetAsync(options: asShop);
        Assert.Multiple(() =>
        {
            Assert.That(payoutTxn.Amount, Is.EqualTo(-300));
            Assert.That(payoutTxn.Source?.Id, Is.EqualTo(toPay.Id));
            Assert.That(transactions.Data.Sum(t => t.Net), Is.EqualTo(after.Available.Sum(a => a.Amount) + after.Pending.Sum(a => a.Amount)), "the shop's transactions add up to its balance");
        });
    }

    private static async Task TokensEventsAndWebhookEndpointsAsync(ConnectClient client, string shop)
    {
        var token = await client.Tokens.CreateAsync(new TokenCreateRequest { Pii = new() { IdNumber = "000000000" } });
        var read = await client.Tokens.GetAsync(token.Id);
        Assert.Multiple(() =>
        {
            Assert.That(token.Id, Does.StartWith("pii_"), "PII tokens have their own prefix");
            Assert.That(read.Type, Is.EqualTo("pii"));
        });

        var events = await client.Events.ListAsync(new EventListRequest { Type = "payout.*", Limit = 100 }, new RequestOptions { StripeAccount = shop });
        var first = await client.Events.GetAsync(events.Data[0].Id, options: new RequestOptions { StripeAccount = shop });
        Assert.Multiple(() =>
        {
            Assert.That(events.Data.Select(e => e.Type), Does.Contain(StripeEventType.PayoutPaid));
            Assert.That(first.Data.Object, Is.InstanceOf<Payout>(), "the same typed object as a webhook delivery");
        });

        var endpoint = await client.WebhookEndpoints.CreateAsync(new WebhookEndpointCreateRequest
        {
            Url = "https://bakery-platform.example/stripe/webhooks",
            EnabledEvents = [WebhookEndpointEnabledEvents.PayoutPaid],
            Connect = true,
        });
        var fetched = await client.WebhookEndpoints.GetAsync(endpoint.Id);
        var disabled = await client.WebhookEndpoints.UpdateAsync(endpoint.Id, new WebhookEndpointUpdateRequest { Disabled = true });
        var listed = await client.WebhookEndpoints.ListAsync();
        var removed = await client.WebhookEndpoints.DeleteAsync(endpoint.Id);
        Assert.Multiple(() =>
        {
            Assert.That(endpoint.Secret, Does.StartWith("whsec_"));
            Assert.That(fetched.Secret, Is.Null, "the signing secret is only returned on creation");
            Assert.That(disabled.Status, Is.EqualTo("disabled"));
            Assert.That(listed.Data.Select(e => e.Id), Does.Contain(endpoint.Id));
            Assert.That(removed.Deleted, Is.True);
        });
    }

    private static async Task OAuthAsync(ConnectClient client, InMemoryConnectApi api)
    {
        var token = await client.OAuth.CreateTokenAsync(new OAuthCreateTokenRequest { GrantType = OAuthGrantType.AuthorizationCode, Code = api.CreateOAuthAuthorizationCode() });
        var deauthorized = await client.OAuth.DeauthorizeAsync(new OAuthDeauthorizeRequest { ClientId = api.ClientId, StripeUserId = token.StripeUserId });
        Assert.That(deauthorized.StripeUserId, Is.EqualTo(token.StripeUserId));
    }
}
