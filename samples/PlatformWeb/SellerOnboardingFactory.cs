using Stripe.Connect.Client;

namespace PlatformWeb;

/// <summary>Picks the <see cref="ISellerOnboarding"/> for the configured <see cref="AccountKind"/>.</summary>
public static class SellerOnboardingFactory
{
    /// <summary>Why <paramref name="kind"/> cannot be used (a value outside the enum), or <see langword="null"/> when it can.</summary>
    public static string? Unavailable(AccountKind kind) =>
        Enum.IsDefined(kind) ? null : $"Unknown Platform:AccountKind '{kind}'; use one of {string.Join(", ", Enum.GetNames<AccountKind>())}.";

    /// <summary>The onboarding for <paramref name="kind"/>; fails with the <see cref="Unavailable"/> message for an unknown kind.</summary>
    public static ISellerOnboarding Create(AccountKind kind, ConnectClient client, TimeProvider time) => kind switch
    {
        AccountKind.V2 => new V2SellerOnboarding(client, time),
        AccountKind.V1Express or AccountKind.V1Custom => new V1SellerOnboarding(client, time, kind),
        _ => throw new InvalidOperationException(Unavailable(kind)),
    };
}
