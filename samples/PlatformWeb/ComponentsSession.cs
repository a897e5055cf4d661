using Stripe.Connect.Client;

namespace PlatformWeb;

/// <summary>
/// The account session behind the embedded-components page. Account sessions are a v1 API that takes any connected
/// account id (<c>acct_...</c>), so v1 and v2 sellers share this call.
/// </summary>
public static class ComponentsSession
{
    /// <summary>Creates a session for onboarding, account management and payouts, and returns only its client secret.</summary>
    public static async Task<string> CreateClientSecretAsync(ConnectClient client, string accountId, CancellationToken cancellationToken)
    {
        var session = await client.AccountSessions.CreateAsync(
            new AccountSessionCreateRequest
            {
                Account = accountId,
                Components = new AccountSessionComponentsInput
                {
                    AccountOnboarding = new AccountComponentInput { Enabled = true },
                    AccountManagement = new AccountComponentInput { Enabled = true },
                    Payouts = new PayoutsComponentInput { Enabled = true },
                },
            },
            cancellationToken: cancellationToken);
        return session.ClientSecret;
    }
}
