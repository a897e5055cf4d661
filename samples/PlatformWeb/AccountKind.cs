namespace PlatformWeb;

/// <summary>Which kind of connected account sign-up creates (setting <c>Platform:AccountKind</c>; <see cref="V2"/> by default).</summary>
public enum AccountKind
{
    /// <summary>A v1 account with the Express presets: Stripe collects requirements, the seller gets the Express dashboard.</summary>
    V1Express,

    /// <summary>A v1 account with the Custom presets: the platform collects requirements; no Stripe dashboard.</summary>
    V1Custom,

    /// <summary>
    /// A v2 account with the merchant and recipient configurations and the Express dashboard, onboarded through a v2
    /// account link and followed through thin events (see <see cref="V2SellerOnboarding"/>).
    /// </summary>
    V2,
}
