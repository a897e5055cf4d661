using System.Text.Json.Nodes;
using Stripe.Connect.Client.Testing.Internal.Rules;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// Connect OAuth on connect.stripe.com: authorization codes (made by a test helper, as the account holder's browser
/// would get them), access and refresh tokens, and deauthorization. Errors have the OAuth shape
/// <c>{error, error_description}</c>; an access token works as an API key for its account.
/// </summary>
internal sealed partial class ConnectState
{
    private readonly Dictionary<string, AuthorizationCode> _authorizationCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OAuthGrant> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OAuthGrant> _refreshTokens = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deauthorized = new(StringComparer.Ordinal);

    /// <summary>The platform's Connect client id (<c>ca_...</c>).</summary>
    public string ClientId => _applicationId;

    /// <summary>
    /// What the authorize page gives the platform once the account holder agrees: a single-use <c>ac_</c> code for
    /// <paramref name="accountId"/>, or for a new Standard account when it is null.
    /// </summary>
    public string CreateAuthorizationCode(string? accountId, string scope)
    {
        string account;
        if (accountId is null)
        {
            var data = ObjectFactory.Create("account");
            account = NewId("acct_");
            data["id"] = account;
            data["created"] = Now;
            data["country"] = "US";
            data["default_currency"] = "usd";
            data["email"] = null;
            data["type"] = "standard";
            var controller = ObjectFactory.Skeleton(ApiSpec.Instance.Schema("account_unification_account_controller"), 0);
            ControllerFor(controller, "standard");
            data["controller"] = controller;
            _accounts.Add(new Entity(account, data, NextSequence(), null, null));
        }
        else
        {
            account = FindConnectedAccount(accountId)?.Id ?? throw new ArgumentException($"No connected account '{accountId}' exists in this in-memory API.", nameof(accountId));
        }

        _deauthorized.Remove(account);
        var code = "ac_" + RandomText(32);
        _authorizationCodes[code] = new AuthorizationCode(account, scope);
        return code;
    }

    /// <summary>The account an OAuth access token acts for, or null when <paramref name="apiKey"/> is no access token.</summary>
    public string? AccessTokenAccount(string apiKey) =>
        _accessTokens.TryGetValue(apiKey, out var grant) ? (grant.Revoked ? throw RuleTable.ApiKeyInvalid.Fail(null, "This access token has been revoked (the account was deauthorized or its authorization code reused).") : grant.Account) : null;

    private JsonObject CreateOAuthToken(Call call)
    {
        OAuthGrant grant;
        if (call.Str("grant_type") == "authorization_code")
        {
            var code = call.Str("code") ?? throw RuleTable.OAuthInvalidRequest.Fail("code", "No authorization code was provided (code).");
            if (!_authorizationCodes.TryGetValue(code, out var authorization))
            {
                throw RuleTable.OAuthInvalidGrant.Fail("code", $"Authorization code does not exist: {code}");
            }

            if (authorization.Grant is { } issued)
            {
                // A code used twice revokes what it gave, as OAuth requires.
                issued.Revoked = true;
                throw RuleTable.OAuthInvalidGrant.Fail("code", "This authorization code has already been used. All tokens issued with this code have been revoked.");
            }

            grant = new OAuthGrant(authorization.Account, call.Str("scope") ?? authorization.Scope);
            authorization.Grant = grant;
            Emit("account.application.authorized", authorization.Account, new JsonObject { ["id"] = _applicationId, ["object"] = "application", ["name"] = "In-memory platform" }, null, call);
        }
        else
        {
            var refresh = call.Str("refresh_token") ?? throw RuleTable.OAuthInvalidRequest.Fail("refresh_token", "No refresh token was provided (refresh_token).");
            if (!_refreshTokens.TryGetValue(refresh, out var previous) || previous.Revoked)
            {
                throw RuleTable.OAuthInvalidGrant.Fail("refresh_token", $"Refresh token does not exist: {refresh}");
            }

            // A refreshed token still descends from the code: reusing the code revokes it too.
            grant = new OAuthGrant(previous.Account, call.Str("scope") ?? previous.Scope) { RefreshToken = refresh, Origin = previous.Origin ?? previous };
        }

        var accessToken = "sk_test_" + RandomText(40);
        grant.RefreshToken ??= "rt_" + RandomText(40);
        _accessTokens[accessToken] = grant;
        _refreshTokens[grant.RefreshToken] = grant;
        var token = ObjectFactory.Create("oauth_token");
        token["access_token"] = accessToken;
        token["livemode"] = false;
        token["refresh_token"] = grant.RefreshToken;
        token["scope"] = grant.Scope;
        token["stripe_publishable_key"] = "pk_test_" + RandomText(40);
        token["stripe_user_id"] = grant.Account;
        token["token_type"] = "bearer";
        return token;
    }

    private JsonObject Deauthorize(Call call)
    {
        var clientId = call.Str("client_id") ?? throw RuleTable.OAuthInvalidRequest.Fail("client_id", "No client_id was provided.");
        if (clientId != _applicationId)
        {
            throw RuleTable.OAuthInvalidClient.Fail("client_id", $"No such application: '{clientId}'");
        }

        var user = call.Str("stripe_user_id") ?? throw RuleTable.OAuthInvalidRequest.Fail("stripe_user_id", "No stripe_user_id was provided.");
        if (FindConnectedAccount(user) is null || _deauthorized.Contains(user))
        {
            throw RuleTable.OAuthInvalidClient.Fail("stripe_user_id", $"This application is not connected to stripe account {user}, or that account does not exist.");
        }

        Emit("account.application.deauthorized", user, new JsonObject { ["id"] = _applicationId, ["object"] = "application", ["name"] = "In-memory platform" }, null, call);
        _deauthorized.Add(user);
        foreach (var grant in _accessTokens.Values.Where(g => g.Account == user))
        {
            grant.Revoked = true;
        }

        var result = ObjectFactory.Create("oauth_deauthorization");
        result["stripe_user_id"] = user;
        return result;
    }

    private sealed class AuthorizationCode(string account, string scope)
    {
        public string Account { get; } = account;

        public string Scope { get; } = scope;

        public OAuthGrant? Grant { get; set; }
    }

    private sealed class OAuthGrant(string account, string scope)
    {
        public string Account { get; } = account;

        public string Scope { get; } = scope;

        public string? RefreshToken { get; set; }

        /// <summary>The grant the authorization code gave, for a grant made by refreshing; null for that first grant.</summary>
        public OAuthGrant? Origin { get; init; }

        public bool Revoked
        {
            get => field || (Origin?.Revoked ?? false);
            set;
        }
    }
}
