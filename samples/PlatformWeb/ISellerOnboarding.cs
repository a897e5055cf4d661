namespace PlatformWeb;

/// <summary>
/// What the pages need from an account family: create the seller's account, mint an onboarding link and read the
/// account's status. One implementation per family, so the pages never change when the family does.
/// </summary>
public interface ISellerOnboarding
{
    /// <summary>The kind of account this creates.</summary>
    AccountKind Kind { get; }

    /// <summary>Creates the seller's connected account and returns its id.</summary>
    /// <param name="businessName">The business name the seller typed.</param>
    /// <param name="country">The account's country, ISO 3166-1 alpha-2.</param>
    /// <param name="idempotencyKey">The sign-up form's key, so a double submit creates one account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> CreateAccountAsync(string businessName, string country, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Mints a new single-use onboarding link; the same parameters every time (refresh_url relies on it).</summary>
    /// <param name="accountId">The seller's account.</param>
    /// <param name="returnUrl">Where the seller lands after leaving the flow.</param>
    /// <param name="refreshUrl">Where an expired or used link sends the seller.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<Uri> CreateOnboardingLinkAsync(string accountId, Uri returnUrl, Uri refreshUrl, CancellationToken cancellationToken);

    /// <summary>Reads the account and its capabilities.</summary>
    /// <param name="accountId">The seller's account.</param>
    /// <param name="source">What the status is recorded as coming from.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<SellerStatus> ReadStatusAsync(string accountId, string source, CancellationToken cancellationToken);

    /// <summary>Creates an account session for the embedded components and returns only its client secret.</summary>
    /// <param name="accountId">The seller's account.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<string> CreateComponentsClientSecretAsync(string accountId, CancellationToken cancellationToken);
}
