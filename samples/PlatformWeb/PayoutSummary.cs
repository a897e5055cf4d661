namespace PlatformWeb;

/// <summary>A payout to the seller's bank account, as the dashboard shows it.</summary>
/// <param name="Id">The payout id (<c>po_...</c>).</param>
/// <param name="Amount">The amount paid out.</param>
/// <param name="Status">The payout's status (<c>pending</c>, <c>in_transit</c>, <c>paid</c>, <c>failed</c>, <c>canceled</c>).</param>
/// <param name="ArrivalDate">When the funds are expected in the bank account.</param>
public sealed record PayoutSummary(string Id, MoneyAmount Amount, string Status, DateTimeOffset ArrivalDate);
