namespace Stripe.Connect.Client.V2.Core;

public sealed partial record Account
{
    /// <summary>
    /// What the account still has to provide, as an <see cref="AccountRequirementsView"/> over <see cref="Requirements"/>
    /// (the same view a v1 account gives). The API sends requirements only when asked: read the account with
    /// <c>Include = [AccountInclude.Requirements]</c>, otherwise the view is <see cref="AccountRequirementsView.Empty"/>.
    /// </summary>
    public AccountRequirementsView GetRequirementsView() => AccountRequirementsView.From(Requirements);

    /// <summary>
    /// What the account will have to provide once announced changes take effect, as an
    /// <see cref="AccountRequirementsView"/> over <see cref="FutureRequirements"/> (read with <c>include=future_requirements</c>).
    /// </summary>
    public AccountRequirementsView GetFutureRequirementsView() => AccountRequirementsView.From(FutureRequirements);
}
