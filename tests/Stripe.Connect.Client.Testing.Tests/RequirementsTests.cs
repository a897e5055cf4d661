using System.Net;
using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Tests;

/// <summary>The v1 requirements model: what a Custom or Express account lacks, and what providing it changes.</summary>
public class RequirementsTests : ApiTestBase
{
    private const string Capabilities = "capabilities[card_payments][requested]=true&capabilities[transfers][requested]=true";

    /// <summary>What a US individual gives through the API, with a test date of birth that verifies at once.</summary>
    private const string Individual =
        "business_type=individual&business_profile[mcc]=5734&business_profile[url]=https%3A%2F%2Fshop.example" +
        "&individual[first_name]=Jenny&individual[last_name]=Rosen&individual[email]=jenny%40shop.example&individual[phone]=%2B15555550100" +
        "&individual[dob][day]=1&individual[dob][month]=1&individual[dob][year]=1902" +
        "&individual[address][line1]=1%20Main%20St&individual[address][city]=Springfield&individual[address][state]=IL&individual[address][postal_code]=62701" +
        "&individual[ssn_last_4]=0000&tos_acceptance[date]=1793600000&tos_acceptance[ip]=127.0.0.1";

    private const string Bank = "external_account[object]=bank_account&external_account[country]=US&external_account[currency]=usd&external_account[routing_number]=110000000&external_account[account_number]=000123456789";

    private static readonly string[] UsIndividualMinimum =
    [
        "business_profile.mcc", "business_profile.url", "business_type", "external_account",
        "individual.address.city", "individual.address.line1", "individual.address.postal_code", "individual.address.state",
        "individual.dob.day", "individual.dob.month", "individual.dob.year", "individual.email", "individual.first_name",
        "individual.last_name", "individual.phone", "individual.ssn_last_4", "tos_acceptance.date", "tos_acceptance.ip",
    ];

    [Test]
    public async Task A_new_custom_account_lists_what_a_US_individual_needs_and_its_capabilities_are_inactive()
    {
        var created = await Post("/v1/accounts", "type=custom&country=US&" + Capabilities);
        var capability = await Get($"/v1/accounts/{created.Str("id")}/capabilities/card_payments");
        var requirements = created.Json["requirements"]!;

        Assert.Multiple(() =>
        {
            Assert.That(Strings(requirements["currently_due"]), Is.EqualTo(UsIndividualMinimum));
            Assert.That(Strings(requirements["past_due"]), Is.EqualTo(UsIndividualMinimum), "nothing can be active before these arrive");
            Assert.That(Strings(requirements["eventually_due"]), Is.EquivalentTo(UsIndividualMinimum.Append("individual.id_number")));
            Assert.That(Strings(requirements["pending_verification"]), Is.Empty);
            Assert.That(requirements["disabled_reason"]!.GetValue<string>(), Is.EqualTo("requirements.past_due"));
            Assert.That(requirements["current_deadline"], Is.Null);
            Assert.That(requirements["alternatives"]![0]!["alternative_fields_due"]![0]!.GetValue<string>(), Is.EqualTo("business_profile.product_description"));
            Assert.That(created.Json["capabilities"]!.ToJsonString(), Is.EqualTo("""{"card_payments":"inactive","transfers":"inactive"}"""));
            Assert.That(created.Bool("charges_enabled"), Is.False);
            Assert.That(created.Bool("payouts_enabled"), Is.False);
            Assert.That(created.Bool("details_submitted"), Is.False);
            Assert.That(capability.Json["requirements"]!["disabled_reason"]!.GetValue<string>(), Is.EqualTo("requirements.fields_needed"));
            Assert.That(Strings(capability.Json["requirements"]!["currently_due"]), Does.Not.Contain("external_account"), "a bank account gates payouts, not the capability");
        });
    }

    [Test]
    public async Task Providing_the_fields_through_the_API_clears_them_activates_the_capabilities_and_writes_events()
    {
        var id = await CreateAccount("type=custom&country=US&" + Capabilities);

        var updated = await Post($"/v1/accounts/{id}", Individual);
        var bank = await Post($"/v1/accounts/{id}/external_accounts", Bank);
        var account = await Get($"/v1/accounts/{id}");
        var events = await Get("/v1/events?limit=100", account: id);

        var activations = events.Json["data"]!.AsArray()
            .Where(e => e!["type"]!.GetValue<string>() == "capability.updated" && e["data"]!["object"]!["status"]!.GetValue<string>() == "active")
            .ToList();
        Assert.Multiple(() =>
        {
            Assert.That(Strings(updated.Json["requirements"]!["currently_due"]), Is.EqualTo(new[] { "external_account" }));
            Assert.That(updated.Json["capabilities"]!.ToJsonString(), Is.EqualTo("""{"card_payments":"active","transfers":"active"}"""));
            Assert.That(updated.Bool("charges_enabled"), Is.True);
            Assert.That(updated.Bool("payouts_enabled"), Is.False, "no bank account yet");
            Assert.That(updated.Json["individual"]!["ssn_last_4_provided"]!.GetValue<bool>(), Is.True);
            Assert.That(updated.Json["individual"]!.AsObject().ContainsKey("ssn_last_4"), Is.False, "never echoed");
            Assert.That(bank.Status, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(Strings(account.Json["requirements"]!["currently_due"]), Is.Empty);
            Assert.That(Strings(account.Json["requirements"]!["past_due"]), Is.Empty);
            Assert.That(Strings(account.Json["requirements"]!["eventually_due"]), Is.EqualTo(new[] { "individual.id_number" }));
            Assert.That(account.Json["requirements"]!["disabled_reason"], Is.Null);
            Assert.That(account.Bool("payouts_enabled"), Is.True);
            Assert.That(account.Bool("details_submitted"), Is.True);
            Assert.That(activations.Select(e => e!["data"]!["object"]!["id"]!.GetValue<string>()), Is.EquivalentTo(new[] { "card_payments", "transfers" }));
            Assert.That(activations.Select(e => e!["data"]!["previous_attributes"]!["status"]!.GetValue<string>()), Is.EqualTo(new[] { "inactive", "inactive" }));
            Assert.That(events.Json["data"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() == "account.updated"), Is.GreaterThanOrEqualTo(2));
        });
    }

    [Test]
    public async Task A_verification_in_progress_makes_capabilities_pending_until_its_result_arrives()
    {
        var id = await CreateAccount("type=custom&country=US&" + Capabilities);
        await Post($"/v1/accounts/{id}/external_accounts", Bank);

        var verifying = await Post($"/v1/accounts/{id}", Individual.Replace("[year]=1902", "[year]=1901", StringComparison.Ordinal));
        Time.Advance(TimeSpan.FromMinutes(1));
        var verified = await Get($"/v1/accounts/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(verifying.Json["individual"]!["verification"]!["status"]!.GetValue<string>(), Is.EqualTo("pending"));
            Assert.That(verifying.Json["capabilities"]!.ToJsonString(), Is.EqualTo("""{"card_payments":"pending","transfers":"pending"}"""));
            Assert.That(verifying.Json["requirements"]!["disabled_reason"]!.GetValue<string>(), Is.EqualTo("requirements.pending_verification"));
            Assert.That(Strings(verifying.Json["requirements"]!["pending_verification"]), Is.EqualTo(new[] { "individual.id_number", "individual.verification.document" }));
            Assert.That(verifying.Bool("charges_enabled"), Is.False);
            Assert.That(verified.Json["individual"]!["verification"]!["status"]!.GetValue<string>(), Is.EqualTo("verified"));
            Assert.That(verified.Json["capabilities"]!.ToJsonString(), Is.EqualTo("""{"card_payments":"active","transfers":"active"}"""));
            Assert.That(verified.Json["requirements"]!["disabled_reason"], Is.Null);
            Assert.That(verified.Bool("payouts_enabled"), Is.True);
        });
    }

    [Test]
    public async Task Any_other_date_of_birth_fails_and_asks_for_a_document_which_the_test_file_satisfies()
    {
        var id = await CreateAccount("type=custom&country=US&" + Capabilities);
        await Post($"/v1/accounts/{id}", Individual.Replace("[year]=1902", "[year]=1990", StringComparison.Ordinal));
        Time.Advance(TimeSpan.FromMinutes(1));

        var failed = await Get($"/v1/accounts/{id}");
        var fixedUp = await Post($"/v1/accounts/{id}", "individual[verification][document][front]=file_identity_document_success");

        Assert.Multiple(() =>
        {
            Assert.That(failed.Json["individual"]!["verification"]!["status"]!.GetValue<string>(), Is.EqualTo("unverified"));
            Assert.That(Strings(failed.Json["requirements"]!["currently_due"]), Does.Contain("individual.verification.document"));
            Assert.That(failed.Json["requirements"]!["errors"]![0]!["code"]!.GetValue<string>(), Is.EqualTo("verification_failed_keyed_identity"));
            Assert.That(failed.Json["requirements"]!["errors"]![0]!["requirement"]!.GetValue<string>(), Is.EqualTo("individual.verification.document"));
            Assert.That(failed.Json["capabilities"]!["card_payments"]!.GetValue<string>(), Is.EqualTo("inactive"));
            Assert.That(fixedUp.Json["individual"]!["verification"]!["status"]!.GetValue<string>(), Is.EqualTo("verified"));
            Assert.That(fixedUp.Json["requirements"]!["errors"]!.AsArray(), Is.Empty);
            Assert.That(fixedUp.Json["capabilities"]!["card_payments"]!.GetValue<string>(), Is.EqualTo("active"));
        });
    }

    [Test]
    public async Task At_a_verification_threshold_eventually_due_fields_get_a_deadline_then_disable_the_account()
    {
        var id = await CreateAccount("type=custom&country=US&" + Capabilities);
        await Post($"/v1/accounts/{id}", Individual);
        await Post($"/v1/accounts/{id}/external_accounts", Bank);

        var deadline = Api.ReachVerificationThreshold(id, TimeSpan.FromDays(14));
        var due = await Get($"/v1/accounts/{id}");
        Time.Advance(TimeSpan.FromDays(14));
        var pastDue = await Get($"/v1/accounts/{id}");
        var provided = await Post($"/v1/accounts/{id}", "individual[id_number]=000000000");

        Assert.Multiple(() =>
        {
            Assert.That(Strings(due.Json["requirements"]!["currently_due"]), Is.EqualTo(new[] { "individual.id_number" }));
            Assert.That(Strings(due.Json["requirements"]!["past_due"]), Is.Empty);
            Assert.That(due.Json["requirements"]!["current_deadline"]!.GetValue<long>(), Is.EqualTo(deadline.ToUnixTimeSeconds()));
            Assert.That(due.Json["capabilities"]!["transfers"]!.GetValue<string>(), Is.EqualTo("active"), "still enabled before the deadline");
            Assert.That(Strings(pastDue.Json["requirements"]!["past_due"]), Is.EqualTo(new[] { "individual.id_number" }));
            Assert.That(pastDue.Json["requirements"]!["disabled_reason"]!.GetValue<string>(), Is.EqualTo("requirements.past_due"));
            Assert.That(pastDue.Json["capabilities"]!["transfers"]!.GetValue<string>(), Is.EqualTo("inactive"));
            Assert.That(pastDue.Bool("payouts_enabled"), Is.False);
            Assert.That(Strings(provided.Json["requirements"]!["currently_due"]), Is.Empty);
            Assert.That(provided.Json["requirements"]!["current_deadline"], Is.Null);
            Assert.That(provided.Json["capabilities"]!["transfers"]!.GetValue<string>(), Is.EqualTo("active"));
        });
    }

    [Test]
    public async Task A_product_description_stands_in_for_a_website()
    {
        var id = await CreateAccount("type=custom&country=US&" + Capabilities);

        var updated = await Post($"/v1/accounts/{id}", "business_profile[product_description]=Handmade%20mugs");

        Assert.Multiple(() =>
        {
            Assert.That(Strings(updated.Json["requirements"]!["currently_due"]), Does.Not.Contain("business_profile.url"));
            Assert.That(updated.Json["requirements"]!["alternatives"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task Express_accounts_get_the_model_and_standard_accounts_keep_pending_capabilities()
    {
        var express = await Post("/v1/accounts", "type=express&country=US&" + Capabilities);
        var standard = await Post("/v1/accounts", "type=standard&country=US&" + Capabilities);

        Assert.Multiple(() =>
        {
            Assert.That(Strings(express.Json["requirements"]!["currently_due"]), Is.EqualTo(UsIndividualMinimum));
            Assert.That(express.Json["capabilities"]!["transfers"]!.GetValue<string>(), Is.EqualTo("inactive"));
            Assert.That(standard.Json["requirements"]?["currently_due"]?.AsArray() ?? [], Is.Empty, "Stripe collects a Standard account's requirements");
            Assert.That(standard.Json["capabilities"]!["transfers"]!.GetValue<string>(), Is.EqualTo("pending"));
        });
    }

    [Test]
    public async Task A_company_names_its_representative_by_person_id_once_the_person_exists()
    {
        var id = await CreateAccount("type=custom&country=US&business_type=company&" + Capabilities);
        var before = await Get($"/v1/accounts/{id}");
        var person = await Post($"/v1/accounts/{id}/persons", "first_name=Jenny&last_name=Rosen&relationship[representative]=true&relationship[title]=CEO");
        var after = await Get($"/v1/accounts/{id}");
        var personId = person.Str("id");

        Assert.Multiple(() =>
        {
            Assert.That(Strings(before.Json["requirements"]!["currently_due"]), Does.Contain("representative.first_name").And.Contain("company.tax_id").And.Contain("company.name"));
            Assert.That(Strings(after.Json["requirements"]!["currently_due"]), Does.Not.Contain($"{personId}.first_name").And.Not.Contain("representative.first_name"));
            Assert.That(Strings(after.Json["requirements"]!["currently_due"]), Does.Contain($"{personId}.dob.day").And.Contain($"{personId}.ssn_last_4"));
            Assert.That(Strings(after.Json["requirements"]!["currently_due"]), Does.Not.Contain($"{personId}.relationship.title"));
        });
    }

    [Test]
    public async Task ActivateCapabilities_approves_a_bare_account_and_keeps_what_it_lacks_eventually_due()
    {
        var id = await CreateAccount("type=custom&country=US&" + Capabilities);

        var activated = Api.ActivateCapabilities(id);
        var account = await Get($"/v1/accounts/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(activated, Is.EqualTo(2));
            Assert.That(account.Json["capabilities"]!.ToJsonString(), Is.EqualTo("""{"card_payments":"active","transfers":"active"}"""));
            Assert.That(account.Bool("charges_enabled"), Is.True);
            Assert.That(Strings(account.Json["requirements"]!["currently_due"]), Is.EqualTo(new[] { "external_account" }));
            Assert.That(Strings(account.Json["requirements"]!["eventually_due"]), Does.Contain("individual.first_name"));
            Assert.That(account.Json["requirements"]!["disabled_reason"], Is.Null);
            Assert.That(Api.ActivateCapabilities(id), Is.Zero, "nothing left to activate");
        });
    }

    [TestCase("individual[dob][day]=30&individual[dob][month]=2&individual[dob][year]=1990", "individual[dob][day]", "param.dob")]
    [TestCase("individual[dob][day]=1&individual[dob][month]=13&individual[dob][year]=1990", "individual[dob][month]", "param.dob")]
    [TestCase("individual[dob][day]=1&individual[dob][month]=1&individual[dob][year]=1899", "individual[dob][year]", "param.dob")]
    [TestCase("individual[dob][day]=1&individual[dob][month]=1&individual[dob][year]=2020", "individual[dob][year]", "param.dob_age")]
    public async Task Impossible_dates_of_birth_and_children_are_refused(string form, string param, string rule)
    {
        var id = await CreateAccount("type=custom&country=US");

        var reply = await Post($"/v1/accounts/{id}", form);

        AssertError(reply, HttpStatusCode.BadRequest, "invalid_request_error", null, param);
        var expected = rule == "param.dob_age" ? "at least 13 years" : "Invalid date of birth";
        Assert.That(reply.Json["error"]!["message"]!.GetValue<string>(), Does.Contain(expected));
    }

    [Test]
    public async Task A_routing_number_whose_check_digit_is_wrong_is_refused()
    {
        var id = await CreateAccount();

        var reply = await Post($"/v1/accounts/{id}/external_accounts", Bank.Replace("110000000", "110000001", StringComparison.Ordinal));

        AssertError(reply, HttpStatusCode.BadRequest, "invalid_request_error", "routing_number_invalid", "external_account[routing_number]");
    }

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];
}
