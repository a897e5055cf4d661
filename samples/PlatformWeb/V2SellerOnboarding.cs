using Stripe.Connect.Client;
using Stripe.Connect.Client.V2.Core;
using V2AccountCreateRequest = Stripe.Connect.Client.V2.Core.AccountCreateRequest;
using V2AccountGetRequest = Stripe.Connect.Client.V2.Core.AccountGetRequest;
using V2AccountLinkCreateRequest = Stripe.Connect.Client.V2.Core.AccountLinkCreateRequest;

namespace PlatformWeb;

/// <summary>
/// Sellers on v2 accounts (the default): one account with the merchant configuration (to take card payments) and the
/// recipient configuration (to receive the platform's transfers), onboarded through v2 account links.
/// </summary>
public sealed class V2SellerOnboarding : ISellerOnboarding
{
    /// <summary>
    /// What a status read asks for. A v2 account leaves out its requirements and configurations unless they are
    /// named in <c>include</c>, and the status page needs both.
    /// </summary>
    public static readonly IReadOnlyList<AccountInclude> StatusSections =
        [AccountInclude.Requirements, AccountInclude.ConfigurationMerchant, AccountInclude.ConfigurationRecipient];

    private readonly ConnectClient _client;
    private readonly TimeProvider _time;

    /// <summary>Creates the onboarding over <paramref name="client"/>'s v2 Core services.</summary>
    public V2SellerOnboarding(ConnectClient client, TimeProvider time)
    {
        _client = client;
        _time = time;
    }

    /// <inheritdoc />
    public AccountKind Kind => AccountKind.V2;

    /// <inheritdoc />
    public async Task<string> CreateAccountAsync(string businessName, string country, string idempotencyKey, CancellationToken cancellationToken)
    {
        // The Express dashboard: Stripe's hosted onboarding collects the requirements, as with V1Express. No contact
        // email is sent: the sign-up form does not ask for one, and the hosted page collects the seller's email.
        var account = await _client.V2.Core.Accounts.CreateAsync(
            new V2AccountCreateRequest
            {
                DisplayName = businessName,
                Dashboard = AccountDashboard.Express,
                Identity = new AccountIdentityInput { Country = country },
                Configuration = new AccountConfigurationInput
                {
                    Merchant = new AccountConfigurationMerchantInput
                    {
                        Capabilities = new ConfigurationMerchantCapabilitiesInput { CardPayments = new CapabilityRequestInput { Requested = true } },
                    },
                    Recipient = new AccountConfigurationRecipientInput
                    {
                        Capabilities = new ConfigurationRecipientCapabilitiesInput
                        {
                            StripeBalance = new CapabilityRequestInput { StripeTransfers = new CapabilityRequestInput { Requested = true } },
                        },
                    },
                },
            },
            new RequestOptions { IdempotencyKey = idempotencyKey },
            cancellationToken);
        return account.Id;
    }

    /// <inheritdoc />
    public async Task<Uri> CreateOnboardingLinkAsync(string accountId, Uri returnUrl, Uri refreshUrl, CancellationToken cancellationToken)
    {
        // The same use case and URLs on every call: refresh_url depends on getting an equivalent link.
        var link = await _client.V2.Core.AccountLinks.CreateAsync(
            new V2AccountLinkCreateRequest
            {
                Account = accountId,
                UseCase = new AccountLinkUseCaseInput
                {
                    Type = AccountLinkUseCaseType.AccountOnboarding,
                    AccountOnboarding = new AccountLinkUseCaseAccountOnboardingInput { ReturnUrl = returnUrl.ToString(), RefreshUrl = refreshUrl.ToString() },
                },
            },
            cancellationToken: cancellationToken);
        return new Uri(link.Url);
    }

    /// <inheritdoc />
    public async Task<SellerStatus> ReadStatusAsync(string accountId, string source, CancellationToken cancellationToken)
    {
        var account = await _client.V2.Core.Accounts.GetAsync(accountId, new V2AccountGetRequest { Include = StatusSections }, cancellationToken: cancellationToken);
        return V2SellerStatus.From(account, source, _time.GetUtcNow());
    }

    /// <inheritdoc />
    public Task<string> CreateComponentsClientSecretAsync(string accountId, CancellationToken cancellationToken) =>
        ComponentsSession.CreateClientSecretAsync(_client, accountId, cancellationToken);
}
