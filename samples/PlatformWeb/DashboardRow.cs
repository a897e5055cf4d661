using Stripe.Connect.Client;

namespace PlatformWeb;

/// <summary>One seller's row on the dashboard: status, balance, recent transfers and payouts.</summary>
/// <param name="Seller">The seller.</param>
/// <param name="Balance">The connected account's balance.</param>
/// <param name="Transfers">The platform's recent transfers to the seller.</param>
/// <param name="Payouts">The seller's recent payouts.</param>
public sealed record DashboardRow(Seller Seller, BalanceSummary Balance, IReadOnlyList<Transfer> Transfers, IReadOnlyList<PayoutSummary> Payouts);
