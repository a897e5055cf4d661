namespace PlatformWeb;

/// <summary>An account's balance: what is available to pay out and what is still pending, per currency.</summary>
/// <param name="Available">Funds that can be paid out now.</param>
/// <param name="Pending">Funds not yet available.</param>
public sealed record BalanceSummary(IReadOnlyList<MoneyAmount> Available, IReadOnlyList<MoneyAmount> Pending);
