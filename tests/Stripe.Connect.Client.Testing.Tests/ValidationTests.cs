using System.Net;

namespace Stripe.Connect.Client.Testing.Tests;

public class ValidationTests : ApiTestBase
{
    [Test]
    public async Task Missing_required_parameter_is_named()
    {
        var id = await CreateAccount();

        var reply = await Post("/v1/account_links", $"account={id}&return_url=https%3A%2F%2Fexample.com&type=account_onboarding");

        AssertError(reply, HttpStatusCode.BadRequest, "invalid_request_error", "parameter_missing", "refresh_url");
        Assert.That(reply.Json["error"]!["message"]!.GetValue<string>(), Is.EqualTo("Missing required param: refresh_url."));
    }

    [Test]
    public async Task Unknown_parameters_are_refused_at_any_depth()
    {
        AssertError(await Post("/v1/accounts", "colour=blue"), HttpStatusCode.BadRequest, "invalid_request_error", "parameter_unknown", "colour");
        AssertError(await Post("/v1/accounts", "business_profile[colour]=blue"), HttpStatusCode.BadRequest, "invalid_request_error", "parameter_unknown", "business_profile[colour]");
        AssertError(await Get("/v1/accounts?colour=blue"), HttpStatusCode.BadRequest, "invalid_request_error", "parameter_unknown", "colour");
    }

    [Test]
    public async Task Types_are_checked()
    {
        var id = await CreateAccountWithTransfers();

        AssertError(await Post("/v1/transfers", $"amount=12.5&currency=usd&destination={id}"), HttpStatusCode.BadRequest, "invalid_request_error", "parameter_invalid_integer", "amount");
        AssertError(await Post($"/v1/accounts/{id}/capabilities/transfers", "requested=yes"), HttpStatusCode.BadRequest, "invalid_request_error", null, "requested");
        AssertError(await Post("/v1/accounts", "business_profile=shop"), HttpStatusCode.BadRequest, "invalid_request_error", null, "business_profile");
        AssertError(await Post("/v1/accounts", "business_profile[mcc]=12345"), HttpStatusCode.BadRequest, "invalid_request_error", null, "business_profile[mcc]");
    }

    [Test]
    public async Task Enum_values_are_checked()
    {
        var reply = await Post("/v1/accounts", "type=premium");

        AssertError(reply, HttpStatusCode.BadRequest, "invalid_request_error", null, "type");
        Assert.That(reply.Json["error"]!["message"]!.GetValue<string>(), Does.Contain("custom").And.Contain("express"));
    }

    [Test]
    public async Task Nested_required_parameters_are_named_with_brackets()
    {
        var id = await CreateAccount();

        var reply = await Post($"/v1/accounts/{id}/external_accounts", "external_account[object]=bank_account&external_account[country]=US");

        AssertError(reply, HttpStatusCode.BadRequest, "invalid_request_error", "parameter_missing", "external_account[account_number]");
    }

    [Test]
    public async Task Empty_string_unsets_only_where_allowed()
    {
        var id = await CreateAccount();

        var notAllowed = await Post("/v1/topups", "amount=100&currency=");
        var allowed = await Post($"/v1/accounts/{id}", "business_profile[support_url]=");

        AssertError(notAllowed, HttpStatusCode.BadRequest, "invalid_request_error", "parameter_invalid_empty", "currency");
        Assert.That(allowed.Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Arrays_accept_both_bracket_forms_and_check_items()
    {
        var id = await CreateAccount();

        var appended = await Post($"/v1/accounts/{id}", "business_profile[minority_owned_business_designation][]=women_owned_business&business_profile[minority_owned_business_designation][]=none_of_these_apply");
        var indexed = await Post($"/v1/accounts/{id}", "business_profile[minority_owned_business_designation][0]=prefer_not_to_answer");
        var bad = await Post($"/v1/accounts/{id}", "business_profile[minority_owned_business_designation][0]=pirate_owned");

        Assert.That(appended.Json["business_profile"]!["minority_owned_business_designation"]!.ToJsonString(), Is.EqualTo("""["women_owned_business","none_of_these_apply"]"""));
        Assert.That(indexed.Json["business_profile"]!["minority_owned_business_designation"]!.ToJsonString(), Is.EqualTo("""["prefer_not_to_answer"]"""));
        AssertError(bad, HttpStatusCode.BadRequest, "invalid_request_error", null, "business_profile[minority_owned_business_designation][0]");
    }

    [Test]
    public async Task Unknown_ids_are_404_resource_missing_with_param_id_for_the_object_in_the_path_and_the_name_of_a_body_parameter()
    {
        AssertError(await Get("/v1/accounts/acct_missing"), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
        AssertError(await Get("/v1/transfers/tr_missing"), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
        AssertError(await Get("/v1/topups/tu_missing"), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
        AssertError(await Get("/v1/application_fees/fee_missing"), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
        AssertError(await Get("/v1/country_specs/XX"), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
        AssertError(await Post("/v1/account_sessions", "account=acct_missing&components[payments][enabled]=true"), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "account");
    }

    [Test]
    public async Task Unknown_url_is_a_404()
    {
        var reply = await Get("/v1/charges");

        AssertError(reply, HttpStatusCode.NotFound, "invalid_request_error", null, null);
        Assert.That(reply.Json["error"]!["message"]!.GetValue<string>(), Does.StartWith("The in-memory Connect API has no endpoint GET /v1/charges"));
    }

    [Test]
    public async Task Card_details_are_checked_like_card_errors()
    {
        var id = await CreateAccount();

        var reply = await Post($"/v1/accounts/{id}/external_accounts", "external_account[object]=card&external_account[number]=4242424242424242&external_account[exp_month]=13&external_account[exp_year]=2030");

        AssertError(reply, HttpStatusCode.PaymentRequired, "card_error", "invalid_expiry_month", "external_account[exp_month]");
    }
}
