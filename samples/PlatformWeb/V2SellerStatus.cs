using Stripe.Connect.Client.V2.Core;
using V2Account = Stripe.Connect.Client.V2.Core.Account;

namespace PlatformWeb;

/// <summary>
/// A <see cref="SellerStatus"/> from a v2 account read with <see cref="V2SellerOnboarding.StatusSections"/>. v2 has
/// no <c>charges_enabled</c>, <c>payouts_enabled</c> or <c>details_submitted</c>; the app derives them from the
/// configurations' capabilities and the requirements, as described on each rule below.
/// </summary>
public static class V2SellerStatus
{
    /// <summary>The status of <paramref name="account"/>.</summary>
    public static SellerStatus From(V2Account account, string source, DateTimeOffset at)
    {
        var merchant = account.Configuration?.Merchant?.Capabilities;
        var recipient = account.Configuration?.Recipient?.Capabilities;
        var capabilities = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Add(string name, AccountCapability? capability)
        {
            if (capability is not null)
            {
                capabilities[name] = capability.Status.Value;
            }
        }

        Add("merchant.card_payments", merchant?.CardPayments);
        Add("merchant.stripe_balance.payouts", merchant?.StripeBalance?.Payouts);
        Add("recipient.stripe_balance.stripe_transfers", recipient?.StripeBalance?.StripeTransfers);
        Add("recipient.stripe_balance.payouts", recipient?.StripeBalance?.Payouts);

        // Charges: the merchant configuration's card_payments capability is active.
        var charges = IsActive(merchant?.CardPayments);

        // Payouts: a stripe_balance.payouts capability decides when Stripe reports one. This API version cannot
        // request it, so without one the recipient's stripe_transfers capability stands in: once it is active the
        // platform's transfers land in the seller's balance, which Stripe pays out to the bank account from onboarding.
        var payoutCapabilities = new[] { merchant?.StripeBalance?.Payouts, recipient?.StripeBalance?.Payouts }.OfType<AccountCapability>().ToList();
        var payouts = payoutCapabilities.Count > 0 ? payoutCapabilities.Any(IsActive) : IsActive(recipient?.StripeBalance?.StripeTransfers);

        // Details submitted: the seller has nothing left to provide now (what Stripe still reviews does not count).
        var requirements = account.GetRequirementsView();
        return new SellerStatus(charges, payouts, requirements.HasNothingDue, requirements, capabilities, source, at);
    }

    private static bool IsActive(AccountCapability? capability) => capability?.Status == AccountCapabilityStatus.Active;
}
