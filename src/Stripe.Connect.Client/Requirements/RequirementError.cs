namespace Stripe.Connect.Client;

/// <summary>
/// Why Stripe refused something an account provided: the requirement it concerns, a machine-readable code and a reason a
/// person can read. The same shape for every account family, so a page can show it next to the field it names.
/// </summary>
/// <param name="Requirement">The requirement the error is about, as it appears in the due lists (for example <c>individual.dob.day</c>).</param>
/// <param name="Code">The error code, such as <c>invalid_dob_age_under_18</c>; kept as text so codes added later survive.</param>
/// <param name="Reason">The explanation Stripe gives, meant for the account holder.</param>
public sealed record RequirementError(string Requirement, string Code, string Reason);
