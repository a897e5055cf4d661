namespace Stripe.Connect.Client;

/// <summary>
/// Ready-made controller settings for the three kinds of connected account the deprecated <c>type</c> parameter used to
/// name. <c>Controller = AccountControllerInput.Express</c> creates the same account <c>Type = AccountType.Express</c> did:
/// the platform pays the fees and bears the losses, Stripe collects the requirements, and the account holder gets the
/// Express dashboard.
/// </summary>
public sealed partial record AccountControllerInput
{
    /// <summary>Platform pays fees and bears losses; Stripe collects requirements; the Express dashboard.</summary>
    public static AccountControllerInput Express { get; } = Of(AccountControllerFeesPayer.Application, AccountControllerLossesPayments.Application, AccountControllerRequirementCollection.Stripe, AccountControllerStripeDashboardType.Express);

    /// <summary>Platform pays fees, bears losses and collects requirements itself; no Stripe dashboard (what <c>custom</c> meant).</summary>
    public static AccountControllerInput Custom { get; } = Of(AccountControllerFeesPayer.Application, AccountControllerLossesPayments.Application, AccountControllerRequirementCollection.Application, AccountControllerStripeDashboardType.None);

    /// <summary>The account pays its own fees, Stripe bears losses and collects requirements; the full dashboard (what <c>standard</c> meant).</summary>
    public static AccountControllerInput Standard { get; } = Of(AccountControllerFeesPayer.Account, AccountControllerLossesPayments.Stripe, AccountControllerRequirementCollection.Stripe, AccountControllerStripeDashboardType.Full);

    private static AccountControllerInput Of(AccountControllerFeesPayer fees, AccountControllerLossesPayments losses, AccountControllerRequirementCollection requirements, AccountControllerStripeDashboardType dashboard) =>
        new()
        {
            Fees = new() { Payer = fees },
            Losses = new() { Payments = losses },
            RequirementCollection = requirements,
            StripeDashboard = new() { Type = dashboard },
        };
}
