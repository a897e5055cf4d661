using Stripe.Connect.Client;

namespace PlatformWeb;

/// <summary>
/// The dashboard's money reads, in one place, through the typed balance, payout and transfer services.
/// </summary>
public sealed class MoneyReader
{
    private readonly ConnectClient _client;

    /// <summary>Creates the reader over the app's client.</summary>
    public MoneyReader(ConnectClient client) => _client = client;

    /// <summary>The balance of the platform (<paramref name="accountId"/> null) or of a connected account.</summary>
    public async Task<BalanceSummary> GetBalanceAsync(string? accountId, CancellationToken cancellationToken)
    {
        var balance = await _client.Balance.GetAsync(options: On(accountId), cancellationToken: cancellationToken);
        return new BalanceSummary(Amounts(balance.Available), Amounts(balance.Pending));
    }

    /// <summary>The most recent payouts of a connected account, newest first.</summary>
    public async Task<IReadOnlyList<PayoutSummary>> ListPayoutsAsync(string accountId, int limit, CancellationToken cancellationToken)
    {
        var page = await _client.Payouts.ListAsync(new PayoutListRequest { Limit = limit }, On(accountId), cancellationToken);
        return [.. page.Data.Select(p => new PayoutSummary(p.Id, new MoneyAmount(p.Amount, p.Currency), p.Status, p.ArrivalDate))];
    }

    /// <summary>The platform's most recent transfers to <paramref name="accountId"/>, newest first.</summary>
    public async Task<IReadOnlyList<Transfer>> ListTransfersAsync(string accountId, int limit, CancellationToken cancellationToken)
    {
        var page = await _client.Transfers.ListAsync(new TransferListRequest { Destination = accountId, Limit = limit }, cancellationToken: cancellationToken);
        return page.Data;
    }

    private static RequestOptions? On(string? accountId) => accountId is null ? null : new RequestOptions { StripeAccount = accountId };

    private static MoneyAmount[] Amounts(IReadOnlyList<BalanceAmount> amounts) => [.. amounts.Select(a => new MoneyAmount(a.Amount, a.Currency))];
}
