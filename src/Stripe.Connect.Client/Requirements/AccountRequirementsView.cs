using System.Collections.ObjectModel;

namespace Stripe.Connect.Client;

/// <summary>
/// What an account still has to provide, read without walking the raw requirement fields: the requirements due now,
/// overdue, due eventually and under review, the errors with their reasons, and the deadline. Build one with
/// <see cref="From(AccountRequirements?)"/> or <see cref="Account.GetRequirementsView"/> (v1), or with
/// <see cref="From(V2.Core.AccountRequirements?)"/> or <see cref="V2.Core.Account.GetRequirementsView"/> (v2); every list is empty, never
/// <see langword="null"/>, when the API sends nothing.
/// </summary>
/// <remarks>
/// <para>
/// The lists keep the API's meaning: they are cumulative. Everything <see cref="PastDue"/> is also
/// <see cref="CurrentlyDue"/>, and everything currently due is also <see cref="EventuallyDue"/>. Use
/// <see cref="DueLater"/> for what is eventually due but not yet due, when a page shows each requirement once.
/// </para>
/// <para>
/// The type is independent of the account family: a v2 account's requirements (entries with a deadline status)
/// map onto the same lists (see <see cref="From(V2.Core.AccountRequirements?)"/>), so a status page written against
/// this view works for both.
/// </para>
/// </remarks>
public sealed partial class AccountRequirementsView
{
    private static readonly ReadOnlyCollection<string> NoStrings = ReadOnlyCollection<string>.Empty;

    /// <summary>Creates a view from lists already in the view's (cumulative) meaning; <see langword="null"/> lists count as empty.</summary>
    /// <param name="currentlyDue">Requirements due now.</param>
    /// <param name="pastDue">Requirements whose deadline has passed.</param>
    /// <param name="eventuallyDue">Requirements due at some point, including those due now.</param>
    /// <param name="pendingVerification">Requirements provided and being checked by Stripe.</param>
    /// <param name="errors">Errors Stripe reported on provided information.</param>
    /// <param name="deadline">When the currently due requirements must be provided, if there is a deadline.</param>
    /// <param name="disabledReason">Why the account (or the capability) is disabled, when it is.</param>
    public AccountRequirementsView(
        IEnumerable<string>? currentlyDue,
        IEnumerable<string>? pastDue,
        IEnumerable<string>? eventuallyDue,
        IEnumerable<string>? pendingVerification,
        IEnumerable<RequirementError>? errors,
        DateTimeOffset? deadline,
        string? disabledReason)
    {
        CurrentlyDue = Copy(currentlyDue);
        PastDue = Copy(pastDue);
        EventuallyDue = Copy(eventuallyDue);
        PendingVerification = Copy(pendingVerification);
        Errors = errors is null ? ReadOnlyCollection<RequirementError>.Empty : errors.ToArray().AsReadOnly();
        Deadline = deadline;
        DisabledReason = string.IsNullOrEmpty(disabledReason) ? null : disabledReason;
        DueLater = EventuallyDue.Where(r => !CurrentlyDue.Contains(r, StringComparer.Ordinal)).ToArray().AsReadOnly();
    }

    /// <summary>A view with nothing due, nothing under review and no errors.</summary>
    public static AccountRequirementsView Empty { get; } = new(null, null, null, null, null, null, null);

    /// <summary>Requirements to provide now to keep (or gain) the account's capabilities.</summary>
    public IReadOnlyList<string> CurrentlyDue { get; }

    /// <summary>Requirements whose deadline has passed; capabilities stay disabled until they are provided. A subset of <see cref="CurrentlyDue"/>.</summary>
    public IReadOnlyList<string> PastDue { get; }

    /// <summary>Requirements due at some point (for example when the account passes a volume threshold), including those due now.</summary>
    public IReadOnlyList<string> EventuallyDue { get; }

    /// <summary>Requirements eventually due that are not due yet: <see cref="EventuallyDue"/> without <see cref="CurrentlyDue"/>, in order.</summary>
    public IReadOnlyList<string> DueLater { get; }

    /// <summary>Requirements provided and still being verified by Stripe; nothing to ask the account holder for now.</summary>
    public IReadOnlyList<string> PendingVerification { get; }

    /// <summary>Errors on information already provided, each with the requirement it concerns and a reason to show.</summary>
    public IReadOnlyList<RequirementError> Errors { get; }

    /// <summary>When the currently due requirements must be provided before capabilities are disabled; <see langword="null"/> without a deadline.</summary>
    public DateTimeOffset? Deadline { get; }

    /// <summary>Why the account is disabled (for example <c>requirements.past_due</c>), or <see langword="null"/> when it is not.</summary>
    public string? DisabledReason { get; }

    /// <summary>True when nothing is currently due or past due: the account holder has nothing to do right now.</summary>
    public bool HasNothingDue => CurrentlyDue.Count == 0 && PastDue.Count == 0;

    /// <summary>True when nothing is due at all, now or later, nothing is under review and there are no errors.</summary>
    public bool IsComplete => HasNothingDue && EventuallyDue.Count == 0 && PendingVerification.Count == 0 && Errors.Count == 0;

    /// <summary>True when the deadline has passed or something is past due, on <paramref name="timeProvider"/>'s clock (the system clock by default).</summary>
    /// <param name="timeProvider">The clock to compare the deadline with; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    public bool IsOverdue(TimeProvider? timeProvider = null) =>
        PastDue.Count > 0 || (Deadline is { } deadline && CurrentlyDue.Count > 0 && (timeProvider ?? TimeProvider.System).GetUtcNow() >= deadline);

    /// <summary>The errors about <paramref name="requirement"/> (exact match), for showing next to its field.</summary>
    /// <param name="requirement">A requirement as it appears in the due lists.</param>
    public IReadOnlyList<RequirementError> ErrorsFor(string requirement)
    {
        ArgumentException.ThrowIfNullOrEmpty(requirement);
        return Errors.Where(e => string.Equals(e.Requirement, requirement, StringComparison.Ordinal)).ToArray();
    }

    /// <summary>The view over a v1 account's <c>requirements</c> (or <c>future_requirements</c>); <see cref="Empty"/> for <see langword="null"/>.</summary>
    /// <param name="requirements">The requirements as the API returned them.</param>
    public static AccountRequirementsView From(AccountRequirements? requirements) =>
        requirements is null
            ? Empty
            : new AccountRequirementsView(
                requirements.CurrentlyDue,
                requirements.PastDue,
                requirements.EventuallyDue,
                requirements.PendingVerification,
                ErrorsOf(requirements.Errors),
                requirements.CurrentDeadline,
                requirements.DisabledReason?.Value);

    /// <summary>The view over a v1 capability's <c>requirements</c>; <see cref="Empty"/> for <see langword="null"/>.</summary>
    /// <param name="requirements">The capability's requirements as the API returned them.</param>
    public static AccountRequirementsView From(AccountCapabilityRequirements? requirements) =>
        requirements is null
            ? Empty
            : new AccountRequirementsView(
                requirements.CurrentlyDue,
                requirements.PastDue,
                requirements.EventuallyDue,
                requirements.PendingVerification,
                ErrorsOf(requirements.Errors),
                requirements.CurrentDeadline,
                requirements.DisabledReason?.Value);

    /// <summary>A one-line summary with counts only (no requirement names), safe for logs.</summary>
    public override string ToString() =>
        $"AccountRequirementsView {{ CurrentlyDue = {CurrentlyDue.Count}, PastDue = {PastDue.Count}, EventuallyDue = {EventuallyDue.Count}, PendingVerification = {PendingVerification.Count}, Errors = {Errors.Count}, Deadline = {Deadline?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "none"} }}";

    private static IEnumerable<RequirementError>? ErrorsOf(IReadOnlyList<AccountRequirementsError>? errors) =>
        errors?.Select(e => new RequirementError(e.Requirement, e.Code.Value, e.Reason));

    private static ReadOnlyCollection<string> Copy(IEnumerable<string>? values) =>
        values is null ? NoStrings : values.Where(v => !string.IsNullOrEmpty(v)).Distinct(StringComparer.Ordinal).ToArray().AsReadOnly();
}
