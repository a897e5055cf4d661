using System.Net;
using System.Net.Http.Headers;

namespace Stripe.Connect.Client.Testing.Tests;

/// <summary>One test per rule of the rule table that is about a parameter's format, authentication or an object rule.</summary>
public class StrictnessTests : ApiTestBase
{
    [TestCase("dollars")]
    [TestCase("xyz")]
    public async Task An_unsupported_currency_is_refused_before_anything_else(string currency)
    {
        // destination does not exist either: the parameter error wins, as with Stripe.
        var reply = await Post("/v1/transfers", $"amount=100&currency={currency}&destination=acct_nope");

        AssertError(reply, HttpStatusCode.BadRequest, "invalid_request_error", null, "currency");
        Assert.That(reply.Json["error"]!["message"]!.GetValue<string>(), Does.StartWith($"Invalid currency: {currency}"));
    }

    [Test]
    public async Task Upper_case_currencies_are_accepted_and_stored_lower_case()
    {
        var topup = await Post("/v1/topups", "amount=100&currency=EUR");

        Assert.That(topup.Str("currency"), Is.EqualTo("eur"));
    }

    [Test]
    public async Task Countries_must_be_iso_codes()
    {
        AssertError(await Post("/v1/accounts", "type=custom&country=XX"), HttpStatusCode.BadRequest, "invalid_request_error", null, "country");
        AssertError(await Post("/v1/accounts", "type=custom&company[address][country]=USA"), HttpStatusCode.BadRequest, "invalid_request_error", null, "company[address][country]");
        Assert.That((await Post("/v1/accounts", "type=custom&country=de")).Str("country"), Is.EqualTo("DE"));
    }

    [TestCase("email=not-an-email", "email")]
    [TestCase("email=owner@localhost", "email")]
    [TestCase("business_profile[support_email]=a@b", "business_profile[support_email]")]
    public async Task Email_addresses_are_checked(string form, string param)
    {
        AssertError(await Post("/v1/accounts", "type=custom&" + form), HttpStatusCode.BadRequest, "invalid_request_error", "email_invalid", param);
    }

    [Test]
    public async Task Urls_are_checked()
    {
        var account = await CreateAccount();

        AssertError(await Post("/v1/account_links", $"account={account}&refresh_url=not%20a%20url&return_url=https%3A%2F%2Fa.example&type=account_onboarding"), HttpStatusCode.BadRequest, "invalid_request_error", "url_invalid", "refresh_url");
        AssertError(await Post("/v1/webhook_endpoints", "url=ftp%3A%2F%2Fhooks.example&enabled_events[]=*"), HttpStatusCode.BadRequest, "invalid_request_error", "url_invalid", "url");
        AssertError(await Post($"/v1/accounts/{account}", "business_profile[url]=no%20spaces%20allowed"), HttpStatusCode.BadRequest, "invalid_request_error", "url_invalid", "business_profile[url]");
        Assert.That((await Post($"/v1/accounts/{account}", "business_profile[url]=bakery.example")).Status, Is.EqualTo(HttpStatusCode.OK), "a business URL may leave out the scheme");
    }

    [Test]
    public async Task Metadata_limits_are_50_keys_of_40_characters_with_values_of_500()
    {
        var fifty = string.Join("&", Enumerable.Range(0, 50).Select(i => $"metadata[k{i}]=v"));
        var fiftyOne = fifty + "&metadata[k50]=v";

        Assert.That((await Post("/v1/topups", "amount=100&currency=usd&" + fifty)).Status, Is.EqualTo(HttpStatusCode.OK));
        AssertError(await Post("/v1/topups", "amount=100&currency=usd&" + fiftyOne), HttpStatusCode.BadRequest, "invalid_request_error", null, "metadata");
        AssertError(await Post("/v1/topups", $"amount=100&currency=usd&metadata[{new string('k', 41)}]=v"), HttpStatusCode.BadRequest, "invalid_request_error", null, $"metadata[{new string('k', 41)}]");
        AssertError(await Post("/v1/topups", $"amount=100&currency=usd&metadata[k]={new string('v', 501)}"), HttpStatusCode.BadRequest, "invalid_request_error", null, "metadata[k]");
    }

    [TestCase(0)]
    [TestCase(101)]
    [TestCase(-1)]
    public async Task List_limits_are_1_to_100(int limit)
    {
        AssertError(await Get($"/v1/payouts?limit={limit}"), HttpStatusCode.BadRequest, "invalid_request_error", null, "limit");
    }

    [Test]
    public async Task Amounts_must_be_positive()
    {
        AssertError(await Post("/v1/transfers", "amount=0&currency=usd&destination=acct_nope"), HttpStatusCode.BadRequest, "invalid_request_error", "amount_too_small", "amount");
        AssertError(await Post("/v1/payouts", "amount=-5&currency=usd"), HttpStatusCode.BadRequest, "invalid_request_error", null, "amount");
        AssertError(await Post("/v1/payouts", "currency=usd"), HttpStatusCode.BadRequest, "invalid_request_error", "parameter_missing", "amount");
        AssertError(await Post("/v1/payouts", "amount=ten&currency=usd"), HttpStatusCode.BadRequest, "invalid_request_error", "parameter_invalid_integer", "amount");
    }

    [Test]
    public async Task Expand_paths_are_checked_against_the_object_before_anything_moves()
    {
        var seller = await CreateAccountWithTransfers();
        Api.FundBalance(1_000);

        AssertError(await Post("/v1/transfers", $"amount=100&currency=usd&destination={seller}&expand[]=amount"), HttpStatusCode.BadRequest, "invalid_request_error", null, "expand");
        AssertError(await Get("/v1/balance_transactions?expand[]=data.source.balance_transaction.source.balance_transaction.source"), HttpStatusCode.BadRequest, "invalid_request_error", null, "expand");
        Assert.That((await Get("/v1/transfers")).Ids, Is.Empty, "the refused transfer was not made");
    }

    [Test]
    public async Task Us_bank_accounts_take_nine_digit_routing_numbers_and_stripe_test_account_numbers()
    {
        var account = await CreateAccount();
        const string Bank = "external_account[object]=bank_account&external_account[country]=US&external_account[currency]=usd";

        AssertError(await Post($"/v1/accounts/{account}/external_accounts", Bank + "&external_account[routing_number]=11000&external_account[account_number]=000123456789"), HttpStatusCode.BadRequest, "invalid_request_error", "routing_number_invalid", "external_account[routing_number]");
        AssertError(await Post($"/v1/accounts/{account}/external_accounts", Bank + "&external_account[routing_number]=110000000&external_account[account_number]=123456789012"), HttpStatusCode.BadRequest, "invalid_request_error", null, "external_account[account_number]");
        Assert.That((await Post($"/v1/accounts/{account}/external_accounts", Bank + "&external_account[routing_number]=110000000&external_account[account_number]=000123456789")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task External_cards_must_be_debit_cards()
    {
        var account = await CreateAccount();

        AssertError(await Post($"/v1/accounts/{account}/external_accounts", "external_account=tok_visa"), HttpStatusCode.BadRequest, "invalid_request_error", "invalid_card_type", "external_account");
        var debit = await Post($"/v1/accounts/{account}/external_accounts", "external_account=tok_visa_debit");
        Assert.That(debit.Str("funding"), Is.EqualTo("debit"));
    }

    [Test]
    public async Task Account_update_links_are_only_for_accounts_whose_requirements_the_platform_collects()
    {
        var custom = await CreateAccount("type=custom");
        var express = await CreateAccount("type=express");
        var standard = await CreateAccount("type=standard");
        const string Urls = "refresh_url=https%3A%2F%2Fa.example&return_url=https%3A%2F%2Fb.example";

        Assert.That((await Post("/v1/account_links", $"account={custom}&{Urls}&type=account_update")).Status, Is.EqualTo(HttpStatusCode.OK));
        AssertError(await Post("/v1/account_links", $"account={express}&{Urls}&type=account_update"), HttpStatusCode.BadRequest, "invalid_request_error", null, "type");
        AssertError(await Post("/v1/account_links", $"account={standard}&{Urls}&type=account_update"), HttpStatusCode.BadRequest, "invalid_request_error", null, "type");
        Assert.That((await Post("/v1/account_links", $"account={express}&{Urls}&type=account_onboarding")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task The_verified_test_date_of_birth_verifies_a_person()
    {
        var account = await CreateAccount();

        var immediate = await Post($"/v1/accounts/{account}/persons", "first_name=Jo&dob[day]=1&dob[month]=1&dob[year]=1902");
        var later = await Post($"/v1/accounts/{account}/persons", "first_name=Al&dob[day]=1&dob[month]=1&dob[year]=1901");
        Time.Advance(TimeSpan.FromMinutes(1));
        var verified = await Get($"/v1/accounts/{account}/persons/{later.Str("id")}");

        Assert.Multiple(() =>
        {
            Assert.That(immediate.Json["verification"]!["status"]!.GetValue<string>(), Is.EqualTo("verified"));
            Assert.That(later.Json["verification"]!["status"]!.GetValue<string>(), Is.EqualTo("pending"));
            Assert.That(verified.Json["verification"]!["status"]!.GetValue<string>(), Is.EqualTo("verified"));
        });
    }

    [Test]
    public async Task A_publishable_key_only_creates_tokens()
    {
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "pk_test_1234567890abcdef");

        var token = await Post("/v1/tokens", "bank_account[country]=US&bank_account[currency]=usd&bank_account[routing_number]=110000000&bank_account[account_number]=000123456789");
        var refused = await Get("/v1/accounts");

        Assert.That(token.Str("id"), Does.StartWith("btok_"));
        AssertError(refused, HttpStatusCode.Forbidden, "invalid_request_error", null, null);
    }

    [Test]
    public async Task Tokens_work_once()
    {
        var account = await CreateAccount();
        var token = await Post("/v1/tokens", "card[number]=4000056655665556&card[exp_month]=12&card[exp_year]=2031&card[currency]=usd");
        var retrieved = await Get($"/v1/tokens/{token.Str("id")}");

        var first = await Post($"/v1/accounts/{account}/external_accounts", $"external_account={token.Str("id")}");
        var second = await Post($"/v1/accounts/{account}/external_accounts", $"external_account={token.Str("id")}");

        Assert.Multiple(() =>
        {
            Assert.That(retrieved.Str("type"), Is.EqualTo("card"));
            Assert.That(retrieved.Json["card"]!["funding"]!.GetValue<string>(), Is.EqualTo("debit"));
            Assert.That(first.Str("object"), Is.EqualTo("card"));
        });
        AssertError(second, HttpStatusCode.BadRequest, "invalid_request_error", "token_already_used", "external_account");
        AssertError(await Post("/v1/tokens", string.Empty), HttpStatusCode.BadRequest, "invalid_request_error", null, null);
        AssertError(await Get("/v1/tokens/tok_missing"), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
    }

    [Test]
    public async Task Account_and_person_tokens_carry_their_parameters()
    {
        var accountToken = await Post("/v1/tokens", "account[business_type]=individual&account[individual][first_name]=Ada&account[tos_shown_and_accepted]=true");
        var account = await Post("/v1/accounts", $"type=custom&country=US&account_token={accountToken.Str("id")}");
        var personToken = await Post("/v1/tokens", "person[first_name]=Grace&person[relationship][owner]=true");
        var person = await Post($"/v1/accounts/{account.Str("id")}/persons", $"person_token={personToken.Str("id")}");

        Assert.Multiple(() =>
        {
            Assert.That(accountToken.Str("id"), Does.StartWith("ct_"));
            Assert.That(account.Str("business_type"), Is.EqualTo("individual"));
            Assert.That(account.Json["individual"]!["first_name"]!.GetValue<string>(), Is.EqualTo("Ada"));
            Assert.That(person.Str("first_name"), Is.EqualTo("Grace"));
        });
    }

    [Test]
    public async Task Objects_of_another_connected_account_are_invisible()
    {
        var a = await CreateAccountWithTransfers();
        var b = await CreateAccountWithTransfers();
        Api.FundBalance(1_000, account: a);
        var txn = (await Get("/v1/balance_transactions", account: a)).Ids[0];

        AssertError(await Get($"/v1/balance_transactions/{txn}", account: b), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
        AssertError(await Get($"/v1/balance_transactions/{txn}"), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
        Assert.That((await Get("/v1/balance_transactions", account: b)).Ids, Is.Empty);
    }
}
