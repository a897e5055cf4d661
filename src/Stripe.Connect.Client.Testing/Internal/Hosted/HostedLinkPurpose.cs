namespace Stripe.Connect.Client.Testing.Internal.Hosted;

/// <summary>What a hosted link is for: v1 <c>account_onboarding</c> / <c>account_update</c>, v2 use cases <c>account_onboarding</c> / <c>account_update</c>.</summary>
internal enum HostedLinkPurpose
{
    /// <summary>Ask for what the account's requirements say is due.</summary>
    Onboarding,

    /// <summary>Show every field the page knows, prefilled with the account's values, so they can be changed.</summary>
    Update,
}
