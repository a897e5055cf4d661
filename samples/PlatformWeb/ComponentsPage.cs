using System.Text.Encodings.Web;
using static PlatformWeb.Html;

namespace PlatformWeb;

/// <summary>
/// The embedded-components page. The server created an account session; only its client secret reaches the page, in a
/// script block (never in a URL, a log or a cookie), and the page is not cached. In test mode Connect.js loads from
/// Stripe and mounts the onboarding and payouts components; offline there is no Connect.js, and the page says so.
/// </summary>
public static class ComponentsPage
{
    /// <summary>Renders the page for <paramref name="seller"/> with the session's <paramref name="clientSecret"/>.</summary>
    public static IResult Render(Seller seller, string clientSecret, string? publishableKey, bool offline)
    {
        var secretJs = JavaScriptEncoder.Default.Encode(clientSecret);
        var body = "<p>Stripe's embedded components, inside the platform's own page.</p>"
            + "<div id=\"connect-onboarding\"></div><div id=\"connect-payouts\"></div>"
            + $"<script>window.platformAccountSession = {{ clientSecret: \"{secretJs}\" }};</script>"
            + (offline || string.IsNullOrEmpty(publishableKey)
                ? "<p id=\"components-offline\" class=\"muted\">Offline: the in-memory API created the account session, but Stripe's Connect.js "
                    + "cannot load without the network. With STRIPE_SECRET_KEY and STRIPE_PUBLISHABLE_KEY set, the components appear here.</p>"
                : $"<script>window.platformPublishableKey = \"{JavaScriptEncoder.Default.Encode(publishableKey)}\";</script>"
                    + "<script src=\"https://connect-js.stripe.com/v1.0/connect.js\" async></script>"
                    + "<script>"
                    + "window.StripeConnect = window.StripeConnect || {};"
                    + "StripeConnect.onLoad = function () {"
                    + "  var connect = StripeConnect.init({ publishableKey: window.platformPublishableKey,"
                    + "    fetchClientSecret: function () { return Promise.resolve(window.platformAccountSession.clientSecret); } });"
                    + "  document.getElementById('connect-onboarding').appendChild(connect.create('account-onboarding'));"
                    + "  document.getElementById('connect-payouts').appendChild(connect.create('payouts'));"
                    + "};</script>")
            + $"<p><a class=\"button\" href=\"/sellers/{Uri.EscapeDataString(seller.AccountId)}/status\">Back to status</a></p>";
        return Page(seller.BusinessName + ": embedded components", body);
    }
}
