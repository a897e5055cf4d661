using System.Globalization;
using Stripe.Connect.Client;
using static PlatformWeb.Html;

namespace PlatformWeb;

/// <summary>The platform dashboard: its own balance and, per seller, status, balance, recent transfers and payouts.</summary>
public static class DashboardPage
{
    /// <summary>Renders the dashboard.</summary>
    public static IResult Render(BalanceSummary platform, IReadOnlyList<DashboardRow> rows)
    {
        var body = $"<h2>Platform balance</h2><p id=\"platform-balance\">Available: {Amounts(platform.Available)}; pending: {Amounts(platform.Pending)}</p>"
            + "<h2>Sellers</h2>"
            + (rows.Count == 0 ? "<p class=\"muted\">No sellers yet.</p>" : "<table id=\"sellers\"><thead><tr><th>Seller</th><th>Account</th><th>Payouts</th><th>Due now</th><th>Available</th><th>Pending</th></tr></thead><tbody>"
                + string.Concat(rows.Select(Row)) + "</tbody></table>")
            + string.Concat(rows.Select(Details));
        return Page("Platform dashboard", body);
    }

    private static string Row(DashboardRow row)
    {
        var s = row.Seller;
        var status = s.Status;
        return $"<tr><td><a href=\"/sellers/{Uri.EscapeDataString(s.AccountId)}/status\">{E(s.BusinessName)}</a></td><td><code>{E(s.AccountId)}</code></td>"
            + $"<td>{(status?.PayoutsEnabled == true ? Badge("enabled", "ok") : Badge("not enabled", "no"))}</td>"
            + $"<td>{(status is null ? "?" : status.Requirements.CurrentlyDue.Count.ToString(CultureInfo.InvariantCulture))}</td>"
            + $"<td>{Amounts(row.Balance.Available)}</td><td>{Amounts(row.Balance.Pending)}</td></tr>";
    }

    private static string Details(DashboardRow row)
    {
        var transfers = row.Transfers.Count == 0
            ? "<p class=\"muted\">No transfers.</p>"
            : "<ul>" + string.Concat(row.Transfers.Select(t => $"<li><code>{E(t.Id)}</code> {E(new MoneyAmount(t.Amount, t.Currency).ToString())} on {E(t.Created.ToString("u", CultureInfo.InvariantCulture))}</li>")) + "</ul>";
        var payouts = row.Payouts.Count == 0
            ? "<p class=\"muted\">No payouts.</p>"
            : "<ul>" + string.Concat(row.Payouts.Select(p => $"<li><code>{E(p.Id)}</code> {E(p.Amount.ToString())}, {E(p.Status)}, arriving {E(p.ArrivalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))}</li>")) + "</ul>";
        return $"<h3>{E(row.Seller.BusinessName)}</h3><h4>Recent transfers</h4>{transfers}<h4>Recent payouts</h4>{payouts}";
    }

    private static string Amounts(IReadOnlyList<MoneyAmount> amounts) =>
        amounts.Count == 0 ? "0.00" : E(string.Join(", ", amounts.Select(a => a.ToString())));
}
