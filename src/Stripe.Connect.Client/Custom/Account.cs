namespace Stripe.Connect.Client;

public sealed partial record Account
{
    /// <summary>
    /// What the account still has to provide now and later, as an <see cref="AccountRequirementsView"/> over
    /// <see cref="Requirements"/> (empty lists when the API sent none).
    /// </summary>
    public AccountRequirementsView GetRequirementsView() => AccountRequirementsView.From(Requirements);

    /// <summary>
    /// The requirements that will apply after upcoming changes (new rules, a new capability), as an
    /// <see cref="AccountRequirementsView"/> over <see cref="FutureRequirements"/>.
    /// </summary>
    public AccountRequirementsView GetFutureRequirementsView() => AccountRequirementsView.From(FutureRequirements);
}
