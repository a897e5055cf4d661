namespace PlatformWeb;

/// <summary>Which kind of connected account sign-up creates (setting <c>Platform:AccountKind</c>).</summary>
public enum AccountKind
{
    /// <summary>A v1 account with the Express presets: Stripe collects requirements, the seller gets the Express dashboard.</summary>
    V1Express,

    /// <summary>A v1 account with the Custom presets: the platform collects requirements; no Stripe dashboard.</summary>
    V1Custom,

    /// <summary>
    /// SEAM (issue 14): a v2 account with the merchant and recipient configurations. It becomes the default once the v2
    /// Core client (<c>client.V2.Core.Accounts</c>) is on main; until then choosing it stops the app at start-up with a
    /// message (see <see cref="SellerOnboardingFactory"/>).
    /// </summary>
    V2,
}
