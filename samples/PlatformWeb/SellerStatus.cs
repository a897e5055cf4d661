using Stripe.Connect.Client;

namespace PlatformWeb;

/// <summary>What the platform last learned about a seller's account, and from where (<c>return_url</c> or a webhook).</summary>
/// <param name="ChargesEnabled">Whether the account can take payments.</param>
/// <param name="PayoutsEnabled">Whether Stripe pays out to the seller's bank account.</param>
/// <param name="DetailsSubmitted">Whether the seller finished the onboarding form.</param>
/// <param name="Requirements">What is still due, through the library's requirements view.</param>
/// <param name="Capabilities">Capability name (<c>card_payments</c>, <c>transfers</c>) to status (<c>active</c>, <c>pending</c>, <c>inactive</c>).</param>
/// <param name="Source">What told the platform: <c>return_url</c>, <c>webhook account.updated</c>, ...</param>
/// <param name="At">When the platform learned it.</param>
public sealed record SellerStatus(
    bool ChargesEnabled,
    bool PayoutsEnabled,
    bool DetailsSubmitted,
    AccountRequirementsView Requirements,
    IReadOnlyDictionary<string, string> Capabilities,
    string Source,
    DateTimeOffset At)
{
    /// <summary>The status of a v1 account object (from a read or a snapshot event).</summary>
    public static SellerStatus FromV1(Account account, IReadOnlyDictionary<string, string> capabilities, string source, DateTimeOffset at) =>
        new(account.ChargesEnabled, account.PayoutsEnabled, account.DetailsSubmitted, account.GetRequirementsView(), capabilities, source, at);
}
