namespace Stripe.Connect.Client;

public sealed partial record Capability
{
    /// <summary>What this capability still needs, as an <see cref="AccountRequirementsView"/> over <see cref="Requirements"/>.</summary>
    public AccountRequirementsView GetRequirementsView() => AccountRequirementsView.From(Requirements);
}
