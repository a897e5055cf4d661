using System.Net;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;
using Stripe.Connect.Client.V2.Core;
using V2Account = Stripe.Connect.Client.V2.Core.Account;
using V2AccountGetRequest = Stripe.Connect.Client.V2.Core.AccountGetRequest;
using V2AccountRequirements = Stripe.Connect.Client.V2.Core.AccountRequirements;

namespace Stripe.Connect.Client.Tests.Requirements;

/// <summary>The requirements view over a v2 account: entries sorted into the same lists a v1 account gives.</summary>
public class V2AccountRequirementsViewTests
{
    private static async Task<V2Account> ReadFixtureAccountAsync()
    {
        var json = File.ReadAllText(Path.Combine(RepoPaths.FixturesFolder(), "v2", "v2.core.account.json"));
        using var mock = new MockHttpMessageHandler();
        mock.When(HttpMethod.Get, "https://api.stripe.com/v2/core/accounts/acct_1SQ4mYQ2k7RtUv9x*").Respond(_ => TestClients.Json(HttpStatusCode.OK, json));
        using var client = TestClients.Create(mock);
        return await client.V2.Core.Accounts.GetAsync("acct_1SQ4mYQ2k7RtUv9x", new V2AccountGetRequest { Include = [AccountInclude.Requirements, AccountInclude.FutureRequirements] });
    }

    private static AccountRequirementsEntries Entry(string requirement, EntriesAwaitingActionFrom from, DeadlineStatus status, params AccountEntriesErrors[] errors) =>
        new() { Description = requirement, AwaitingActionFrom = from, MinimumDeadline = new AccountDeadline { Status = status }, Errors = errors };

    [Test]
    public async Task The_fixture_account_sorts_its_entries_into_past_current_and_pending_with_the_errors_and_deadline()
    {
        var view = (await ReadFixtureAccountAsync()).GetRequirementsView();

        Assert.Multiple(() =>
        {
            Assert.That(view.PastDue, Is.EqualTo(new[] { "identity.business_details.id_numbers" }));
            Assert.That(view.CurrentlyDue, Is.EqualTo(new[] { "identity.business_details.id_numbers", "documents.primary_verification" }), "past due is also currently due");
            Assert.That(view.EventuallyDue, Is.EqualTo(view.CurrentlyDue), "currently due is also eventually due");
            Assert.That(view.DueLater, Is.Empty);
            Assert.That(view.PendingVerification, Is.EqualTo(new[] { "identity.business_details.address" }), "awaiting action from Stripe: under review");
            Assert.That(view.Errors, Is.EqualTo(new[] { new RequirementError("documents.primary_verification", "verification_document_expired", "The uploaded document is past its expiry date.") }));
            Assert.That(view.Deadline, Is.EqualTo(new DateTimeOffset(2026, 11, 12, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(view.DisabledReason, Is.Null, "v2 has no account-wide disabled reason");
            Assert.That(view.HasNothingDue, Is.False);
            Assert.That(view.IsOverdue(), Is.True, "something is past due");
        });
    }

    [Test]
    public async Task The_fixture_accounts_future_requirements_are_due_later_only()
    {
        var view = (await ReadFixtureAccountAsync()).GetFutureRequirementsView();

        Assert.Multiple(() =>
        {
            Assert.That(view.EventuallyDue, Is.EqualTo(new[] { "identity.business_details.annual_revenue" }));
            Assert.That(view.DueLater, Is.EqualTo(new[] { "identity.business_details.annual_revenue" }));
            Assert.That(view.CurrentlyDue, Is.Empty);
            Assert.That(view.Deadline, Is.EqualTo(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero)));
            Assert.That(view.HasNothingDue, Is.True);
            Assert.That(view.IsComplete, Is.False);
        });
    }

    [Test]
    public void Hand_built_entries_map_by_who_acts_and_the_deadline_status()
    {
        var requirements = new V2AccountRequirements
        {
            Entries =
            [
                Entry("identity.individual.given_name", EntriesAwaitingActionFrom.User, DeadlineStatus.CurrentlyDue),
                Entry("identity.individual.date_of_birth", EntriesAwaitingActionFrom.User, DeadlineStatus.EventuallyDue),
                Entry("configuration.recipient.default_outbound_destination", EntriesAwaitingActionFrom.User, DeadlineStatus.PastDue),
                Entry("identity.individual.documents.primary_verification", EntriesAwaitingActionFrom.Stripe, DeadlineStatus.CurrentlyDue,
                    new AccountEntriesErrors { Code = "verification_failed_other", Description = "We could not read the document." }),
                Entry("identity.individual.id_numbers", EntriesAwaitingActionFrom.User, new DeadlineStatus("due_in_a_later_api_version")),
            ],
        };

        var view = AccountRequirementsView.From(requirements);

        Assert.Multiple(() =>
        {
            Assert.That(view.CurrentlyDue, Is.EqualTo(new[] { "identity.individual.given_name", "configuration.recipient.default_outbound_destination", "identity.individual.id_numbers" }),
                "an unknown deadline status counts as currently due, so nothing is hidden");
            Assert.That(view.PastDue, Is.EqualTo(new[] { "configuration.recipient.default_outbound_destination" }));
            Assert.That(view.DueLater, Is.EqualTo(new[] { "identity.individual.date_of_birth" }));
            Assert.That(view.EventuallyDue, Has.Count.EqualTo(4));
            Assert.That(view.PendingVerification, Is.EqualTo(new[] { "identity.individual.documents.primary_verification" }));
            Assert.That(view.ErrorsFor("identity.individual.documents.primary_verification").Single().Reason, Is.EqualTo("We could not read the document."));
            Assert.That(view.Deadline, Is.Null, "no summary, no deadline");
        });
    }

    [Test]
    public void A_v2_account_read_without_include_has_an_empty_view_and_nulls_read_as_empty()
    {
        var account = new V2Account { Id = "acct_1" };

        Assert.Multiple(() =>
        {
            Assert.That(account.GetRequirementsView(), Is.SameAs(AccountRequirementsView.Empty));
            Assert.That(account.GetFutureRequirementsView(), Is.SameAs(AccountRequirementsView.Empty));
            Assert.That(AccountRequirementsView.From(new V2AccountRequirements { Entries = null }).IsComplete, Is.True);
            Assert.That(AccountRequirementsView.From(new V2AccountRequirements { Entries = [], Summary = new AccountRequirementsSummary() }).Deadline, Is.Null);
        });
    }

    [Test]
    public void Entries_with_nothing_due_and_nothing_under_review_make_a_complete_view()
    {
        var done = AccountRequirementsView.From(new V2AccountRequirements { Entries = [] });
        var waitingOnStripe = AccountRequirementsView.From(new V2AccountRequirements
        {
            Entries = [Entry("identity.individual.address", EntriesAwaitingActionFrom.Stripe, DeadlineStatus.CurrentlyDue)],
        });

        Assert.Multiple(() =>
        {
            Assert.That(done.IsComplete, Is.True);
            Assert.That(waitingOnStripe.HasNothingDue, Is.True, "the account holder has nothing to do while Stripe reviews");
            Assert.That(waitingOnStripe.IsComplete, Is.False);
        });
    }
}
