using System.Globalization;
using static PlatformWeb.Html;

namespace PlatformWeb;

/// <summary>
/// The seller's status: payouts and charges, what is currently due, past due and due later, what Stripe is verifying,
/// errors with their reasons, the deadline and each capability. Everything comes from the requirements view.
/// </summary>
public static class StatusPage
{
    /// <summary>Renders <paramref name="seller"/>'s last known status.</summary>
    public static IResult Render(Seller seller)
    {
        var status = seller.Status;
        if (status is null)
        {
            return Page(seller.BusinessName, "<p>We have not read this account yet.</p>" + Actions(seller));
        }

        var r = status.Requirements;
        var body = "<section aria-label=\"Summary\">"
            + Badge(status.PayoutsEnabled ? "Payouts enabled" : "Payouts not enabled", status.PayoutsEnabled ? "ok" : "no")
            + Badge(status.ChargesEnabled ? "Charges enabled" : "Charges not enabled", status.ChargesEnabled ? "ok" : "no")
            + Badge(status.DetailsSubmitted ? "Details submitted" : "Details not submitted", status.DetailsSubmitted ? "ok" : "wait")
            + "</section>"
            + $"<p class=\"muted\">Account <code>{E(seller.AccountId)}</code> ({E(seller.Kind.ToString())}, {E(seller.Country)}); "
            + $"last updated from <span id=\"source\">{E(status.Source)}</span> at {E(status.At.ToString("u", CultureInfo.InvariantCulture))}.</p>"
            + (r.HasNothingDue
                ? "<p id=\"nothing-due\">Nothing is due right now." + (r.PendingVerification.Count > 0 ? " Stripe is checking what you sent." : string.Empty) + "</p>"
                : "<p><strong>Stripe needs more information before it can pay you.</strong></p>")
            + (r.Deadline is { } deadline ? $"<p>Deadline: <time id=\"deadline\">{E(deadline.ToString("u", CultureInfo.InvariantCulture))}</time></p>" : string.Empty)
            + (r.DisabledReason is { } reason ? $"<p>Disabled because: <code id=\"disabled-reason\">{E(reason)}</code></p>" : string.Empty)
            + "<h2>Currently due</h2>" + List("currently-due", r.CurrentlyDue)
            + "<h2>Past due</h2>" + List("past-due", r.PastDue)
            + "<h2>Eventually due</h2>" + List("eventually-due", r.DueLater)
            + "<h2>Being verified</h2>" + List("pending-verification", r.PendingVerification)
            + (r.Errors.Count == 0 ? string.Empty : "<h2>Errors</h2><ul id=\"errors\">" + string.Concat(r.Errors.Select(e => $"<li><code>{E(e.Requirement)}</code>: {E(e.Reason)}</li>")) + "</ul>")
            + "<h2>Capabilities</h2><table id=\"capabilities\"><thead><tr><th>Capability</th><th>Status</th></tr></thead><tbody>"
            + string.Concat(status.Capabilities.Select(c => $"<tr><td><code>{E(c.Key)}</code></td><td>{Badge(c.Value, c.Value == "active" ? "ok" : c.Value == "pending" ? "wait" : "no")}</td></tr>"))
            + "</tbody></table>"
            + Actions(seller);
        return Page(seller.BusinessName, body);
    }

    private static string Actions(Seller seller)
    {
        var id = Uri.EscapeDataString(seller.AccountId);
        return "<p>"
            + $"<a class=\"button\" href=\"/sellers/{id}/onboarding\">Continue onboarding</a> "
            + $"<a class=\"button\" href=\"/sellers/{id}/status?refresh=1\">Check again</a> "
            + $"<a class=\"button\" href=\"/sellers/{id}/components\">Embedded components</a></p>";
    }
}
