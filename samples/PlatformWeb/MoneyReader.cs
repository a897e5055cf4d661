using System.Text.Json;
using Stripe.Connect.Client;

namespace PlatformWeb;

/// <summary>
/// The dashboard's money reads, in one place. Transfers use the typed <see cref="TransferService"/>; balances and payouts
/// go through <see cref="ConnectClient.RawRequestAsync"/> for now.
/// </summary>
/// <remarks>
/// SEAM (issue 13): when the typed money services land, <see cref="GetBalanceAsync"/> becomes
/// <c>client.Balance.GetAsync(options)</c> and <see cref="ListPayoutsAsync"/> becomes <c>client.Payouts.ListAsync(...)</c>;
/// nothing outside this class reads raw JSON, so the swap stays here.
/// </remarks>
public sealed class MoneyReader
{
    private readonly ConnectClient _client;

    /// <summary>Creates the reader over the app's client.</summary>
    public MoneyReader(ConnectClient client) => _client = client;

    /// <summary>The balance of the platform (<paramref name="accountId"/> null) or of a connected account.</summary>
    public async Task<BalanceSummary> GetBalanceAsync(string? accountId, CancellationToken cancellationToken)
    {
        // Raw until issue 13: GET /v1/balance.
        var balance = (await _client.RawRequestAsync(HttpMethod.Get, "/v1/balance", form: null, On(accountId), cancellationToken)).Json;
        return new BalanceSummary(Amounts(balance, "available"), Amounts(balance, "pending"));
    }

    /// <summary>The most recent payouts of a connected account, newest first.</summary>
    public async Task<IReadOnlyList<PayoutSummary>> ListPayoutsAsync(string accountId, int limit, CancellationToken cancellationToken)
    {
        // Raw until issue 13: GET /v1/payouts.
        var list = (await _client.RawRequestAsync(HttpMethod.Get, "/v1/payouts", [new("limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))], On(accountId), cancellationToken)).Json;
        return [.. list.GetProperty("data").EnumerateArray().Select(p => new PayoutSummary(
            p.GetProperty("id").GetString() ?? string.Empty,
            new MoneyAmount(p.GetProperty("amount").GetInt64(), p.GetProperty("currency").GetString() ?? string.Empty),
            p.GetProperty("status").GetString() ?? string.Empty,
            DateTimeOffset.FromUnixTimeSeconds(p.GetProperty("arrival_date").GetInt64())))];
    }

    /// <summary>The platform's most recent transfers to <paramref name="accountId"/>, newest first (typed).</summary>
    public async Task<IReadOnlyList<Transfer>> ListTransfersAsync(string accountId, int limit, CancellationToken cancellationToken)
    {
        var page = await _client.Transfers.ListAsync(new TransferListRequest { Destination = accountId, Limit = limit }, cancellationToken: cancellationToken);
        return page.Data;
    }

    private static RequestOptions? On(string? accountId) => accountId is null ? null : new RequestOptions { StripeAccount = accountId };

    private static MoneyAmount[] Amounts(JsonElement balance, string name) =>
        balance.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(a => new MoneyAmount(a.GetProperty("amount").GetInt64(), a.GetProperty("currency").GetString() ?? string.Empty))]
            : [];
}
