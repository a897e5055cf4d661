using Stripe.Connect.Client;

namespace PlatformWeb;

/// <summary>Picks the <see cref="ISellerOnboarding"/> for the configured <see cref="AccountKind"/>.</summary>
public static class SellerOnboardingFactory
{
    /// <summary>Why <paramref name="kind"/> cannot be used in this build, or <see langword="null"/> when it can.</summary>
    public static string? Unavailable(AccountKind kind) => kind switch
    {
        AccountKind.V1Express or AccountKind.V1Custom => null,
        AccountKind.V2 => "Platform:AccountKind=V2 needs the v2 Core client (issue 14), which is not in this build yet; use V1Express or V1Custom.",
        _ => $"Unknown Platform:AccountKind '{kind}'.",
    };

    /// <summary>The onboarding for <paramref name="kind"/>; fails with the <see cref="Unavailable"/> message for a kind not available yet.</summary>
    public static ISellerOnboarding Create(AccountKind kind, ConnectClient client, TimeProvider time) => kind switch
    {
        AccountKind.V1Express or AccountKind.V1Custom => new V1SellerOnboarding(client, time, kind),

        // SEAM (issue 14): `AccountKind.V2 => new V2SellerOnboarding(client.V2.Core.Accounts, client.V2.Core.AccountLinks, time)`,
        // creating the account with the merchant and recipient configurations, reading it back with its requirements
        // through an AccountRequirementsView adapter, and becoming the default in PlatformSettings.
        _ => throw new InvalidOperationException(Unavailable(kind)),
    };
}
