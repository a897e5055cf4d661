using Microsoft.Extensions.Time.Testing;

namespace Stripe.Connect.Client.Testing.Tests.EndToEnd;

/// <summary>OAuth through the typed <see cref="OAuthService"/> against the in-memory API: code, refresh, typed errors, deauthorize.</summary>
public class OAuthEndToEndTests
{
    [Test]
    public async Task A_code_becomes_tokens_once_refreshes_and_the_account_is_disconnected_with_the_configured_client_id()
    {
        var api = new InMemoryConnectApi(new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero)));
        using var client = new ConnectClient(
            new ConnectClientOptions { ApiKey = "sk_test_oauth_flows", ClientId = api.ClientId, MaxNetworkRetries = 0 },
            new HttpClient(api.CreateHandler()));

        var state = "session-7f3a";
        var url = client.OAuth.AuthorizeUrl(state, new OAuthAuthorizeUrlOptions { SuggestedCapabilities = ["transfers"] });
        var code = api.CreateOAuthAuthorizationCode();

        var token = await client.OAuth.CreateTokenAsync(new OAuthCreateTokenRequest { GrantType = OAuthGrantType.AuthorizationCode, Code = code });
        var refreshed = await client.OAuth.CreateTokenAsync(new OAuthCreateTokenRequest { GrantType = OAuthGrantType.RefreshToken, RefreshToken = token.RefreshToken });

        // The access token is an API key for the connected account.
        var asAccount = await client.Balance.GetAsync(options: new RequestOptions { ApiKey = refreshed.AccessToken });

        // A code used twice is refused, and revokes what it gave.
        var reused = Assert.ThrowsAsync<InvalidGrantException>(() => client.OAuth.CreateTokenAsync(new OAuthCreateTokenRequest { GrantType = OAuthGrantType.AuthorizationCode, Code = code }));
        var revoked = Assert.ThrowsAsync<AuthenticationException>(() => client.Balance.GetAsync(options: new RequestOptions { ApiKey = refreshed.AccessToken }));
        var badGrant = Assert.ThrowsAsync(Is.InstanceOf<OAuthException>(), () => client.OAuth.CreateTokenAsync(new OAuthCreateTokenRequest { GrantType = OAuthGrantType.FromWire("password") })) as OAuthException;

        var wrongClient = Assert.ThrowsAsync<InvalidClientException>(() => client.OAuth.DeauthorizeAsync(new OAuthDeauthorizeRequest { ClientId = "ca_other", StripeUserId = token.StripeUserId }));
        var deauthorized = await client.OAuth.DeauthorizeAsync(new OAuthDeauthorizeRequest { StripeUserId = token.StripeUserId });

        Assert.Multiple(() =>
        {
            Assert.That(url.Query, Does.Contain("client_id=" + api.ClientId).And.Contain("state=" + state));
            Assert.That(token.StripeUserId, Does.StartWith("acct_"));
            Assert.That(token.TokenType, Is.EqualTo(OAuthTokenType.Bearer));
            Assert.That(reused!.Error, Is.EqualTo("invalid_grant"));
            Assert.That(revoked, Is.Not.Null);
            Assert.That(badGrant!.Error, Is.EqualTo("unsupported_grant_type"));
            Assert.That(badGrant, Is.InstanceOf<UnsupportedGrantTypeException>());
            Assert.That(refreshed.StripeUserId, Is.EqualTo(token.StripeUserId));
            Assert.That(asAccount.Object, Is.EqualTo("balance"));
            Assert.That(wrongClient!.Error, Is.EqualTo("invalid_client"));
            Assert.That(deauthorized.StripeUserId, Is.EqualTo(token.StripeUserId));
            Assert.That(api.Requests.Where(r => r.Path.StartsWith("/oauth/", StringComparison.Ordinal)).Count(), Is.EqualTo(6), "exchange, refresh, reuse, bad grant, wrong client, deauthorize");
        });
    }
}
