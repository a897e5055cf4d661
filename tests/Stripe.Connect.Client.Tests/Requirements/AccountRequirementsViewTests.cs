using System.Net;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Requirements;

/// <summary>The requirements view: what a status page renders, read from an account as the API returns it.</summary>
public class AccountRequirementsViewTests
{
    private const string AccountJson = """
        {"id":"acct_1","object":"account","charges_enabled":false,"payouts_enabled":false,"details_submitted":true,
         "requirements":{"alternatives":[],"current_deadline":1793527200,
           "currently_due":["external_account","individual.dob.day"],
           "disabled_reason":"requirements.past_due",
           "errors":[{"code":"invalid_dob_age_under_18","reason":"The person must be at least 18.","requirement":"individual.dob.day"}],
           "eventually_due":["external_account","individual.dob.day","individual.id_number"],
           "past_due":["external_account"],
           "pending_verification":["individual.verification.document"]},
         "future_requirements":{"alternatives":[],"current_deadline":null,"currently_due":[],"disabled_reason":null,"errors":[],
           "eventually_due":["company.tax_id"],"past_due":[],"pending_verification":[]}}
        """;

    private static async Task<Account> ReadAccountAsync(string json)
    {
        using var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, "https://api.stripe.com/v1/accounts/acct_1").Respond(_ => TestClients.Json(HttpStatusCode.OK, json));
        using var client = TestClients.Create(mock);
        return await client.Accounts.GetAsync("acct_1");
    }

    [Test]
    public async Task The_view_of_a_v1_account_has_each_list_the_deadline_and_the_errors_with_their_reasons()
    {
        var view = (await ReadAccountAsync(AccountJson)).GetRequirementsView();

        Assert.Multiple(() =>
        {
            Assert.That(view.CurrentlyDue, Is.EqualTo(new[] { "external_account", "individual.dob.day" }));
            Assert.That(view.PastDue, Is.EqualTo(new[] { "external_account" }));
            Assert.That(view.EventuallyDue, Is.EqualTo(new[] { "external_account", "individual.dob.day", "individual.id_number" }));
            Assert.That(view.DueLater, Is.EqualTo(new[] { "individual.id_number" }), "eventually due minus currently due");
            Assert.That(view.PendingVerification, Is.EqualTo(new[] { "individual.verification.document" }));
            Assert.That(view.Deadline, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1793527200)));
            Assert.That(view.DisabledReason, Is.EqualTo("requirements.past_due"));
            Assert.That(view.Errors, Is.EqualTo(new[] { new RequirementError("individual.dob.day", "invalid_dob_age_under_18", "The person must be at least 18.") }));
            Assert.That(view.ErrorsFor("individual.dob.day").Single().Reason, Is.EqualTo("The person must be at least 18."));
            Assert.That(view.ErrorsFor("external_account"), Is.Empty);
            Assert.That(view.HasNothingDue, Is.False);
            Assert.That(view.IsComplete, Is.False);
        });
    }

    [Test]
    public async Task Future_requirements_have_a_view_of_their_own()
    {
        var view = (await ReadAccountAsync(AccountJson)).GetFutureRequirementsView();

        Assert.Multiple(() =>
        {
            Assert.That(view.EventuallyDue, Is.EqualTo(new[] { "company.tax_id" }));
            Assert.That(view.CurrentlyDue, Is.Empty);
            Assert.That(view.Deadline, Is.Null);
            Assert.That(view.DisabledReason, Is.Null);
            Assert.That(view.HasNothingDue, Is.True);
            Assert.That(view.IsComplete, Is.False, "something is still due later");
        });
    }

    [Test]
    public async Task An_account_without_requirements_reads_as_empty_lists_not_nulls()
    {
        var view = (await ReadAccountAsync("""{"id":"acct_1","object":"account","requirements":null}""")).GetRequirementsView();

        Assert.Multiple(() =>
        {
            Assert.That(view, Is.SameAs(AccountRequirementsView.Empty));
            Assert.That(view.CurrentlyDue, Is.Empty);
            Assert.That(view.Errors, Is.Empty);
            Assert.That(view.IsComplete, Is.True);
            Assert.That(view.IsOverdue(), Is.False);
        });
    }

    [Test]
    public void Lists_with_nulls_from_the_wire_still_read_as_empty()
    {
        var view = AccountRequirementsView.From(new AccountRequirements { CurrentlyDue = null, Errors = null, DisabledReason = null });

        Assert.Multiple(() =>
        {
            Assert.That(view.CurrentlyDue, Is.Not.Null.And.Empty);
            Assert.That(view.PastDue, Is.Not.Null.And.Empty);
            Assert.That(view.DueLater, Is.Not.Null.And.Empty);
            Assert.That(view.Errors, Is.Not.Null.And.Empty);
        });
    }

    [Test]
    public void A_capability_reads_through_the_same_view()
    {
        var capability = new Capability
        {
            Requirements = new AccountCapabilityRequirements
            {
                CurrentlyDue = ["individual.ssn_last_4"],
                EventuallyDue = ["individual.ssn_last_4"],
                Errors = [new AccountRequirementsError { Requirement = "individual.ssn_last_4", Code = AccountRequirementsErrorCode.InvalidValueOther, Reason = "Check the number." }],
            },
        };

        var view = capability.GetRequirementsView();

        Assert.Multiple(() =>
        {
            Assert.That(view.CurrentlyDue, Is.EqualTo(new[] { "individual.ssn_last_4" }));
            Assert.That(view.DueLater, Is.Empty);
            Assert.That(view.Errors.Single().Code, Is.EqualTo("invalid_value_other"));
        });
    }

    [Test]
    public void Overdue_means_past_due_or_a_deadline_passed_with_something_still_due()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
        var deadline = time.GetUtcNow().AddDays(3);
        var dueWithDeadline = new AccountRequirementsView(["individual.id_number"], null, null, null, null, deadline, null);
        var nothingDue = new AccountRequirementsView(null, null, null, null, null, deadline, null);
        var pastDue = new AccountRequirementsView(["external_account"], ["external_account"], null, null, null, null, null);

        var before = dueWithDeadline.IsOverdue(time);
        time.Advance(TimeSpan.FromDays(3));

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.False);
            Assert.That(dueWithDeadline.IsOverdue(time), Is.True);
            Assert.That(nothingDue.IsOverdue(time), Is.False, "a deadline with nothing due is not overdue");
            Assert.That(pastDue.IsOverdue(time), Is.True);
        });
    }

    [Test]
    public void The_constructor_copies_and_drops_blanks_and_duplicates()
    {
        var source = new List<string> { "a", "", "a", "b" };
        var view = new AccountRequirementsView(source, null, source, null, null, null, "");
        source.Clear();

        Assert.Multiple(() =>
        {
            Assert.That(view.CurrentlyDue, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(view.EventuallyDue, Is.EqualTo(new[] { "a", "b" }));
            Assert.That(view.DisabledReason, Is.Null, "an empty reason is no reason");
            Assert.That(() => view.ErrorsFor(""), Throws.ArgumentException.With.Property("ParamName").EqualTo("requirement"));
        });
    }

    [Test]
    public void ToString_gives_counts_and_no_requirement_names()
    {
        var view = new AccountRequirementsView(["individual.ssn_last_4"], null, ["individual.ssn_last_4"], null, [new RequirementError("individual.ssn_last_4", "invalid_value_other", "Jenny's number is wrong")], null, null);

        var text = view.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("CurrentlyDue = 1").And.Contain("Errors = 1"));
            Assert.That(text, Does.Not.Contain("ssn").And.Not.Contain("Jenny"));
        });
    }
}
