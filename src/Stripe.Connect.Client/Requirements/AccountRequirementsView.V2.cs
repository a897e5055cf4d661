using Stripe.Connect.Client.V2.Core;
using V2AccountFutureRequirements = Stripe.Connect.Client.V2.Core.AccountFutureRequirements;
using V2AccountRequirements = Stripe.Connect.Client.V2.Core.AccountRequirements;

namespace Stripe.Connect.Client;

// The v2 side of the view. A v2 account lists its requirements as entries, each naming one requirement (its
// description), who has to act (the account holder or Stripe) and how urgent it is (minimum_deadline.status). Those
// entries are sorted into the same cumulative lists a v1 account sends, so one status page serves both families.
public sealed partial class AccountRequirementsView
{
    /// <summary>The view over a v2 account's <c>requirements</c> (read with <c>include=requirements</c>); <see cref="Empty"/> for <see langword="null"/>.</summary>
    /// <param name="requirements">The requirements as the API returned them.</param>
    /// <remarks>
    /// <para>
    /// An entry awaiting action from the user is due: <c>past_due</c> puts it in <see cref="PastDue"/>,
    /// <see cref="CurrentlyDue"/> and <see cref="EventuallyDue"/>; <c>currently_due</c> in the last two;
    /// <c>eventually_due</c> only in <see cref="EventuallyDue"/>. A deadline status this version does not know counts as
    /// currently due, so nothing the account holder must do is hidden.
    /// </para>
    /// <para>
    /// An entry awaiting action from Stripe has been provided and is being reviewed: it goes to
    /// <see cref="PendingVerification"/>. Every entry's errors become <see cref="Errors"/>, naming the entry's
    /// requirement. The deadline is the summary's <c>minimum_deadline.time</c>. v2 has no account-wide disabled reason
    /// (each capability's <c>status_details</c> says why it is restricted), so <see cref="DisabledReason"/> is
    /// <see langword="null"/>.
    /// </para>
    /// </remarks>
    public static AccountRequirementsView From(V2AccountRequirements? requirements) =>
        requirements is null ? Empty : FromEntries(requirements.Entries, requirements.Summary);

    /// <summary>The view over a v2 account's <c>future_requirements</c>, sorted as <see cref="From(V2AccountRequirements?)"/> sorts entries; <see cref="Empty"/> for <see langword="null"/>.</summary>
    /// <param name="requirements">The future requirements as the API returned them.</param>
    public static AccountRequirementsView From(V2AccountFutureRequirements? requirements) =>
        requirements is null ? Empty : FromEntries(requirements.Entries, requirements.Summary);

    private static AccountRequirementsView FromEntries(IReadOnlyList<AccountRequirementsEntries>? entries, AccountRequirementsSummary? summary)
    {
        var currentlyDue = new List<string>();
        var pastDue = new List<string>();
        var eventuallyDue = new List<string>();
        var pending = new List<string>();
        var errors = new List<RequirementError>();
        foreach (var entry in entries ?? [])
        {
            if (entry is null)
            {
                continue;
            }

            var requirement = entry.Description;
            errors.AddRange(entry.Errors.Select(e => new RequirementError(requirement, e.Code.Value, e.Description)));
            if (entry.AwaitingActionFrom == EntriesAwaitingActionFrom.Stripe)
            {
                pending.Add(requirement);
                continue;
            }

            var status = entry.MinimumDeadline.Status;
            if (status == DeadlineStatus.PastDue)
            {
                pastDue.Add(requirement);
            }

            if (status != DeadlineStatus.EventuallyDue)
            {
                currentlyDue.Add(requirement);
            }

            eventuallyDue.Add(requirement);
        }

        return new AccountRequirementsView(currentlyDue, pastDue, eventuallyDue, pending, errors, summary?.MinimumDeadline?.Time, null);
    }
}
