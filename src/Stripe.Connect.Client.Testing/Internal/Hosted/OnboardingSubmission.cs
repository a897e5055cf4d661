namespace Stripe.Connect.Client.Testing.Internal.Hosted;

/// <summary>The API calls one onboarding submission becomes; an empty body is not sent.</summary>
/// <param name="Account">Parameters of <c>POST /v1/accounts/{account}</c>.</param>
/// <param name="Person">Parameters of the representative's person create or update (companies only).</param>
/// <param name="Bank">Parameters of <c>POST /v1/accounts/{account}/external_accounts</c>.</param>
internal sealed record OnboardingSubmission(FormBody Account, FormBody Person, FormBody Bank)
{
    /// <summary>The input an API error's <c>param</c> points at, in whichever call it came from.</summary>
    public string? FieldOf(string? param) => Account.FieldOf(param) ?? Person.FieldOf(param) ?? Bank.FieldOf(param);
}
