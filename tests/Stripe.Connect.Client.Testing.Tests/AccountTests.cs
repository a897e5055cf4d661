using System.Net;

namespace Stripe.Connect.Client.Testing.Tests;

public class AccountTests : ApiTestBase
{
    [Test]
    public async Task Create_returns_a_stored_account_with_stripe_shape()
    {
        var created = await Post("/v1/accounts", "type=express&country=GB&email=jenny%40example.com&metadata[order]=42&business_profile[name]=Shop");

        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.OK));
        var id = created.Str("id");
        var fetched = await Get($"/v1/accounts/{id}");
        Assert.Multiple(() =>
        {
            Assert.That(id, Does.StartWith("acct_"));
            Assert.That(created.Str("object"), Is.EqualTo("account"));
            Assert.That(created.Str("type"), Is.EqualTo("express"));
            Assert.That(created.Str("country"), Is.EqualTo("GB"));
            Assert.That(created.Str("default_currency"), Is.EqualTo("gbp"));
            Assert.That(created.Str("email"), Is.EqualTo("jenny@example.com"));
            Assert.That(created.Long("created"), Is.EqualTo(Time.GetUtcNow().ToUnixTimeSeconds()));
            Assert.That(created.Json["metadata"]!["order"]!.GetValue<string>(), Is.EqualTo("42"));
            Assert.That(created.Json["business_profile"]!["name"]!.GetValue<string>(), Is.EqualTo("Shop"));
            Assert.That(created.Json["controller"]!["stripe_dashboard"]!["type"]!.GetValue<string>(), Is.EqualTo("express"));
            Assert.That(created.Json["external_accounts"]!["url"]!.GetValue<string>(), Is.EqualTo($"/v1/accounts/{id}/external_accounts"));
            Assert.That(created.Headers["Request-Id"], Does.StartWith("req_"));
            Assert.That(fetched.Json.ToJsonString(), Is.EqualTo(created.Json.ToJsonString()));
        });
    }

    [Test]
    public async Task Update_merges_metadata_and_empty_string_unsets()
    {
        var id = await CreateAccount("type=custom&metadata[a]=1&metadata[b]=2&business_profile[support_url]=https%3A%2F%2Fx.example");

        var updated = await Post($"/v1/accounts/{id}", "metadata[a]=&metadata[c]=3&business_profile[support_url]=");

        Assert.Multiple(() =>
        {
            Assert.That(updated.Status, Is.EqualTo(HttpStatusCode.OK), updated.Json.ToJsonString());
            Assert.That(updated.Json["metadata"]!.ToJsonString(), Is.EqualTo("""{"b":"2","c":"3"}"""));
            Assert.That(updated.Json["business_profile"]!["support_url"], Is.Null);
        });

        var cleared = await Post($"/v1/accounts/{id}", "metadata=");
        Assert.That(cleared.Json["metadata"]!.ToJsonString(), Is.EqualTo("{}"));
    }

    [Test]
    public async Task Delete_removes_the_account()
    {
        var id = await CreateAccount();

        var deleted = await Delete($"/v1/accounts/{id}");
        var after = await Get($"/v1/accounts/{id}");

        Assert.That(deleted.Json.ToJsonString(), Is.EqualTo($$"""{"id":"{{id}}","object":"account","deleted":true}"""));
        AssertError(after, HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
    }

    [Test]
    public async Task Reject_and_unreject_change_disabled_reason()
    {
        var id = await CreateAccount();

        var rejected = await Post($"/v1/accounts/{id}/reject", "reason=fraud_other");
        var again = await Post($"/v1/accounts/{id}/reject", "reason=fraud_other");
        var unrejected = await Post($"/v1/accounts/{id}/unreject");

        Assert.Multiple(() =>
        {
            Assert.That(rejected.Json["requirements"]!["disabled_reason"]!.GetValue<string>(), Is.EqualTo("rejected.platform_fraud"));
            Assert.That(rejected.Bool("charges_enabled"), Is.False);
            AssertError(again, HttpStatusCode.BadRequest, "invalid_request_error", null, "account");
            Assert.That(unrejected.Json["requirements"]!["disabled_reason"], Is.Null);
        });
    }

    [Test]
    public async Task Reject_requires_a_valid_reason()
    {
        var id = await CreateAccount();

        AssertError(await Post($"/v1/accounts/{id}/reject"), HttpStatusCode.BadRequest, "invalid_request_error", "parameter_missing", "reason");
        AssertError(await Post($"/v1/accounts/{id}/reject", "reason=bored"), HttpStatusCode.BadRequest, "invalid_request_error", null, "reason");
    }

    [Test]
    public async Task Current_account_is_the_platform_or_the_connected_account()
    {
        var id = await CreateAccount();

        var platform = await Get("/v1/account");
        var connected = await Get("/v1/account", account: id);

        Assert.That(platform.Str("id"), Is.EqualTo(Api.PlatformAccountId));
        Assert.That(connected.Str("id"), Is.EqualTo(id));
    }

    [Test]
    public async Task Capabilities_move_from_inactive_to_active_and_the_account_mirrors_them()
    {
        var id = await CreateAccount("type=custom&capabilities[card_payments][requested]=true&capabilities[transfers][requested]=true");

        var inactive = await Get($"/v1/accounts/{id}/capabilities/transfers");
        var accountBefore = await Get($"/v1/accounts/{id}");
        Api.ActivateCapability(id, "card_payments");
        var active = await Get($"/v1/accounts/{id}/capabilities/card_payments");
        var accountAfter = await Get($"/v1/accounts/{id}");
        var list = await Get($"/v1/accounts/{id}/capabilities");

        Assert.Multiple(() =>
        {
            // A Custom account that lacks its requirements shows requested capabilities as inactive, as Stripe does.
            Assert.That(inactive.Str("status"), Is.EqualTo("inactive"));
            Assert.That(inactive.Bool("requested"), Is.True);
            Assert.That(inactive.Str("account"), Is.EqualTo(id));
            Assert.That(accountBefore.Json["capabilities"]!.ToJsonString(), Is.EqualTo("""{"card_payments":"inactive","transfers":"inactive"}"""));
            Assert.That(accountBefore.Bool("charges_enabled"), Is.False);
            Assert.That(active.Str("status"), Is.EqualTo("active"));
            Assert.That(accountAfter.Json["capabilities"]!["card_payments"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(accountAfter.Bool("charges_enabled"), Is.True);
            Assert.That(list.Ids, Is.EqualTo(new[] { "card_payments", "transfers" }));
        });
    }

    [Test]
    public async Task Capabilities_activate_after_the_configured_delay()
    {
        Api.CapabilityActivationDelay = TimeSpan.FromMinutes(5);
        var id = await CreateAccount();
        var requested = await Post($"/v1/accounts/{id}/capabilities/transfers", "requested=true");

        Time.Advance(TimeSpan.FromMinutes(4));
        var stillInactive = await Get($"/v1/accounts/{id}/capabilities/transfers");
        Time.Advance(TimeSpan.FromMinutes(1));
        var active = await Get($"/v1/accounts/{id}/capabilities/transfers");

        Assert.Multiple(() =>
        {
            Assert.That(requested.Str("status"), Is.EqualTo("inactive"), "its requirements are due");
            Assert.That(stillInactive.Str("status"), Is.EqualTo("inactive"));
            Assert.That(active.Str("status"), Is.EqualTo("active"));
        });
    }

    [Test]
    public async Task Unknown_capability_is_a_404_naming_the_capability()
    {
        var id = await CreateAccount();

        AssertError(await Get($"/v1/accounts/{id}/capabilities/teleportation"), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
    }

    [Test]
    public async Task Persons_are_created_updated_listed_and_deleted()
    {
        var id = await CreateAccount();
        var person = await Post($"/v1/accounts/{id}/persons", "first_name=Jane&relationship[owner]=true&relationship[percent_ownership]=50.5&id_number=000000000");
        var other = await Post($"/v1/accounts/{id}/persons", "first_name=John");
        var personId = person.Str("id");

        var updated = await Post($"/v1/accounts/{id}/persons/{personId}", "last_name=Austen");
        var owners = await Get($"/v1/accounts/{id}/persons?relationship[owner]=true");
        var deleted = await Delete($"/v1/accounts/{id}/persons/{personId}");
        var gone = await Get($"/v1/accounts/{id}/persons/{personId}");

        Assert.Multiple(() =>
        {
            Assert.That(personId, Does.StartWith("person_"));
            Assert.That(person.Str("account"), Is.EqualTo(id));
            Assert.That(person.Json["relationship"]!["percent_ownership"]!.GetValue<decimal>(), Is.EqualTo(50.5m));
            Assert.That(person.Bool("id_number_provided"), Is.True);
            Assert.That(person.Json.ContainsKey("id_number"), Is.False);
            Assert.That(updated.Str("first_name"), Is.EqualTo("Jane"));
            Assert.That(updated.Str("last_name"), Is.EqualTo("Austen"));
            Assert.That(owners.Ids, Is.EqualTo(new[] { personId }));
            Assert.That(deleted.Bool("deleted"), Is.True);
            Assert.That(other.Str("id"), Is.Not.EqualTo(personId));
            AssertError(gone, HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
        });
    }

    [Test]
    public async Task External_accounts_keep_one_default_per_currency()
    {
        var id = await CreateAccount();
        var first = await Post($"/v1/accounts/{id}/external_accounts", "external_account[object]=bank_account&external_account[country]=US&external_account[currency]=usd&external_account[account_number]=000123456789&external_account[routing_number]=110000000");
        var second = await Post($"/v1/accounts/{id}/external_accounts", "external_account=tok_visa_debit&default_for_currency=true");
        var firstAfter = await Get($"/v1/accounts/{id}/external_accounts/{first.Str("id")}");
        var cards = await Get($"/v1/accounts/{id}/external_accounts?object=card");
        var account = await Get($"/v1/accounts/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(first.Str("id"), Does.StartWith("ba_"));
            Assert.That(first.Str("last4"), Is.EqualTo("6789"));
            Assert.That(first.Bool("default_for_currency"), Is.True);
            Assert.That(second.Str("id"), Does.StartWith("card_"));
            Assert.That(second.Str("brand"), Is.EqualTo("Visa"));
            Assert.That(second.Bool("default_for_currency"), Is.True);
            Assert.That(firstAfter.Bool("default_for_currency"), Is.False);
            Assert.That(cards.Ids, Is.EqualTo(new[] { second.Str("id") }));
            Assert.That(account.Json["external_accounts"]!["data"]!.AsArray(), Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task The_default_external_account_cannot_be_deleted_while_others_exist()
    {
        var id = await CreateAccount();
        var first = await Post($"/v1/accounts/{id}/external_accounts", "external_account=btok_us");
        var second = await Post($"/v1/accounts/{id}/external_accounts", "external_account=btok_us");

        var refused = await Delete($"/v1/accounts/{id}/external_accounts/{first.Str("id")}");
        var deleted = await Delete($"/v1/accounts/{id}/external_accounts/{second.Str("id")}");

        AssertError(refused, HttpStatusCode.BadRequest, "invalid_request_error", null, "id");
        Assert.That(deleted.Json.ToJsonString(), Is.EqualTo($$"""{"id":"{{second.Str("id")}}","object":"bank_account","deleted":true}"""));
    }

    [Test]
    public async Task Login_links_are_for_express_accounts_only()
    {
        var express = await CreateAccount("type=express");
        var custom = await CreateAccount("type=custom");

        var link = await Post($"/v1/accounts/{express}/login_links");
        var refused = await Post($"/v1/accounts/{custom}/login_links");

        Assert.That(link.Str("object"), Is.EqualTo("login_link"));
        Assert.That(link.Str("url"), Does.Contain(express));
        AssertError(refused, HttpStatusCode.BadRequest, "invalid_request_error", null, "account");
    }

    [Test]
    public async Task Account_links_expire_after_300_seconds_and_work_once()
    {
        var id = await CreateAccount();
        const string Urls = "refresh_url=https%3A%2F%2Fexample.com%2Frefresh&return_url=https%3A%2F%2Fexample.com%2Freturn&type=account_onboarding";

        var link = await Post("/v1/account_links", $"account={id}&{Urls}");
        var late = await Post("/v1/account_links", $"account={id}&{Urls}");
        Time.Advance(TimeSpan.FromSeconds(300));

        Assert.Multiple(() =>
        {
            Assert.That(link.Str("object"), Is.EqualTo("account_link"));
            Assert.That(link.Long("expires_at") - link.Long("created"), Is.EqualTo(300));
            Assert.That(Api.TryRedeemAccountLink(link.Str("url")), Is.False, "expired");
        });

        var fresh = await Post("/v1/account_links", $"account={id}&{Urls}");
        Assert.Multiple(() =>
        {
            Assert.That(Api.TryRedeemAccountLink(fresh.Str("url")), Is.True);
            Assert.That(Api.TryRedeemAccountLink(fresh.Str("url")), Is.False, "single use");
            Assert.That(late.Str("url"), Is.Not.EqualTo(link.Str("url")));
        });
    }

    [Test]
    public async Task Account_link_checks_urls()
    {
        var id = await CreateAccount();

        var reply = await Post("/v1/account_links", $"account={id}&refresh_url=not-a-url&return_url=https%3A%2F%2Fexample.com&type=account_onboarding");

        AssertError(reply, HttpStatusCode.BadRequest, "invalid_request_error", "url_invalid", "refresh_url");
    }

    [Test]
    public async Task Account_sessions_have_a_client_secret_and_the_requested_components()
    {
        var id = await CreateAccount();

        var session = await Post("/v1/account_sessions", $"account={id}&components[payments][enabled]=true&components[payments][features][refund_management]=true");

        Assert.Multiple(() =>
        {
            Assert.That(session.Status, Is.EqualTo(HttpStatusCode.OK), session.Json.ToJsonString());
            Assert.That(session.Str("object"), Is.EqualTo("account_session"));
            Assert.That(session.Str("client_secret"), Does.StartWith("accs_secret__"));
            Assert.That(session.Json["components"]!["payments"]!["enabled"]!.GetValue<bool>(), Is.True);
            Assert.That(session.Json["components"]!["payments"]!["features"]!["refund_management"]!.GetValue<bool>(), Is.True);
            Assert.That(session.Json["components"]!["payouts"]!["enabled"]!.GetValue<bool>(), Is.False);
            Assert.That(session.Long("expires_at"), Is.GreaterThan(Time.GetUtcNow().ToUnixTimeSeconds()));
        });
    }
}
