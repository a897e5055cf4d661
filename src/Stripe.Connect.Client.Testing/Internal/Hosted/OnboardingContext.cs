using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal.Hosted;

/// <summary>What the onboarding form is built from: the account as rendered, its representative and what is due.</summary>
/// <param name="Account">The account JSON, as the API renders it.</param>
/// <param name="Representative">A company's representative person, or null.</param>
/// <param name="Due">The requirement names the page should ask for.</param>
/// <param name="ShowAll">Show every field, prefilled (an update link), not only what is due.</param>
/// <param name="ExternalAccountLast4">The last four digits of the account's default bank account, or null without one.</param>
internal sealed record OnboardingContext(JsonObject Account, JsonObject? Representative, IReadOnlySet<string> Due, bool ShowAll, string? ExternalAccountLast4)
{
    public string Country => Account.Str("country") ?? "US";

    public bool IsCompany => Account.Str("business_type") is "company" or "non_profit";

    /// <summary>The prefix of the person fields in requirement names: <c>individual</c>, the representative's id, or <c>representative</c>.</summary>
    public string PersonPrefix => IsCompany ? Representative?.Str("id") ?? "representative" : "individual";
}
