using Stripe.Connect.Client;

namespace PlatformWeb;

/// <summary>Sellers on v1 accounts, Express or Custom, through the typed v1 services.</summary>
public sealed class V1SellerOnboarding : ISellerOnboarding
{
    private readonly ConnectClient _client;
    private readonly TimeProvider _time;
    private readonly AccountControllerInput _controller;

    /// <summary>Creates the onboarding for <paramref name="kind"/> (<see cref="AccountKind.V1Express"/> or <see cref="AccountKind.V1Custom"/>).</summary>
    public V1SellerOnboarding(ConnectClient client, TimeProvider time, AccountKind kind)
    {
        _client = client;
        _time = time;
        Kind = kind;
        _controller = kind switch
        {
            AccountKind.V1Express => AccountControllerInput.Express,
            AccountKind.V1Custom => AccountControllerInput.Custom,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a v1 account kind."),
        };
    }

    /// <inheritdoc />
    public AccountKind Kind { get; }

    /// <inheritdoc />
    public async Task<string> CreateAccountAsync(string businessName, string country, string idempotencyKey, CancellationToken cancellationToken)
    {
        var account = await _client.Accounts.CreateAsync(
            new AccountCreateRequest
            {
                Controller = _controller,
                Country = country,
                BusinessProfile = new AccountBusinessProfileInput { Name = businessName },
                Capabilities = new AccountCapabilitiesInput
                {
                    CardPayments = new CapabilityInput { Requested = true },
                    Transfers = new CapabilityInput { Requested = true },
                },
            },
            new RequestOptions { IdempotencyKey = idempotencyKey },
            cancellationToken);
        return account.Id;
    }

    /// <inheritdoc />
    public async Task<Uri> CreateOnboardingLinkAsync(string accountId, Uri returnUrl, Uri refreshUrl, CancellationToken cancellationToken)
    {
        // The same parameters on every call: refresh_url depends on getting an equivalent link.
        var link = await _client.AccountLinks.CreateAsync(
            new AccountLinkCreateRequest
            {
                Account = accountId,
                ReturnUrl = returnUrl.ToString(),
                RefreshUrl = refreshUrl.ToString(),
                Type = AccountLinkType.AccountOnboarding,
            },
            cancellationToken: cancellationToken);
        return new Uri(link.Url);
    }

    /// <inheritdoc />
    public async Task<SellerStatus> ReadStatusAsync(string accountId, string source, CancellationToken cancellationToken)
    {
        var account = await _client.Accounts.GetAsync(accountId, cancellationToken: cancellationToken);
        var capabilities = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await foreach (var capability in _client.Capabilities.ListAutoPagingAsync(accountId, cancellationToken: cancellationToken))
        {
            capabilities[capability.Id] = capability.Status.Value;
        }

        return SellerStatus.FromV1(account, capabilities, source, _time.GetUtcNow());
    }

    /// <inheritdoc />
    public Task<string> CreateComponentsClientSecretAsync(string accountId, CancellationToken cancellationToken) =>
        ComponentsSession.CreateClientSecretAsync(_client, accountId, cancellationToken);
}
