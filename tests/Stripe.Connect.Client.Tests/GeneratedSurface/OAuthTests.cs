using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Stripe.Connect.Client.Tests.GeneratedSurface.OperationTestSupport;

namespace Stripe.Connect.Client.Tests.GeneratedSurface;

/// <summary>OAuth: the calls go to connect.stripe.com, the authorize URL needs a state, and OAuth errors are typed.</summary>
public class OAuthTests
{
    private const string TokenJson = """{"access_token":"sk_test_accesstoken123","livemode":false,"refresh_token":"rt_refreshtoken456","scope":"read_write","stripe_publishable_key":"pk_test_1","stripe_user_id":"acct_9","token_type":"bearer"}""";

    [Test]
    public async Task CreateToken_exchanges_a_code_on_connect_stripe_com()
    {
        using var client = NewClient(TokenJson, out var req);
        var token = await client.OAuth.CreateTokenAsync(new OAuthCreateTokenRequest { GrantType = OAuthGrantType.AuthorizationCode, Code = "ac_123" });
        req.Verify("POST", "/oauth/token", body: "code=ac_123&grant_type=authorization_code");
        Assert.Multiple(() =>
        {
            Assert.That(req.Host, Is.EqualTo("connect.stripe.com"));
            Assert.That(token.StripeUserId, Is.EqualTo("acct_9"));
            Assert.That(token.TokenType, Is.EqualTo(OAuthTokenType.Bearer));
            Assert.That(token.AccessToken, Is.EqualTo("sk_test_accesstoken123"));
            Assert.That(token.ToString(), Does.Not.Contain("sk_test_accesstoken123").And.Not.Contain("rt_refreshtoken456"), "tokens are masked");
            Assert.That(token.StripeResponse?.IdempotencyKey, Is.Not.Null, "a POST, so it carries an idempotency key");
        });
    }

    [Test]
    public async Task CreateToken_refreshes_a_token()
    {
        using var client = NewClient(TokenJson, out var req);
        var request = new OAuthCreateTokenRequest { GrantType = OAuthGrantType.RefreshToken, RefreshToken = "rt_refreshtoken456", Scope = "read_only" };
        await client.OAuth.CreateTokenAsync(request);
        req.Verify("POST", "/oauth/token", body: "grant_type=refresh_token&refresh_token=rt_refreshtoken456&scope=read_only");
        Assert.That(request.ToString(), Does.Not.Contain("rt_refreshtoken456").And.Contain("RefreshToken = ***"));
    }

    [Test]
    public async Task OAuth_calls_follow_the_configured_connect_base_address()
    {
        using var client = NewClient(TokenJson, HttpStatusCode.OK, o => o.ConnectBaseAddress = new Uri("http://127.0.0.1:4242/"), out var req);
        await client.OAuth.CreateTokenAsync(new OAuthCreateTokenRequest { GrantType = OAuthGrantType.AuthorizationCode, Code = "ac_1" });
        Assert.That(req.Host, Is.EqualTo("127.0.0.1"));
    }

    [Test]
    public async Task Deauthorize_sends_the_configured_client_id_when_the_call_names_none()
    {
        using var client = NewClient("""{"stripe_user_id":"acct_9"}""", HttpStatusCode.OK, o => o.ClientId = "ca_platform", out var req);
        var result = await client.OAuth.DeauthorizeAsync(new OAuthDeauthorizeRequest { StripeUserId = "acct_9" });
        req.Verify("POST", "/oauth/deauthorize", body: "client_id=ca_platform&stripe_user_id=acct_9");
        Assert.Multiple(() =>
        {
            Assert.That(req.Host, Is.EqualTo("connect.stripe.com"));
            Assert.That(result.StripeUserId, Is.EqualTo("acct_9"));
        });
    }

    [Test]
    public async Task Deauthorize_keeps_the_callers_client_id()
    {
        using var client = NewClient("""{"stripe_user_id":"acct_9"}""", HttpStatusCode.OK, o => o.ClientId = "ca_platform", out var req);
        await client.OAuth.DeauthorizeAsync(new OAuthDeauthorizeRequest { ClientId = "ca_other", StripeUserId = "acct_9" });
        req.Verify("POST", "/oauth/deauthorize", body: "client_id=ca_other&stripe_user_id=acct_9");
    }

    [TestCase("invalid_grant", typeof(InvalidGrantException))]
    [TestCase("invalid_client", typeof(InvalidClientException))]
    [TestCase("invalid_request", typeof(OAuthInvalidRequestException))]
    [TestCase("invalid_scope", typeof(InvalidScopeException))]
    [TestCase("unsupported_grant_type", typeof(UnsupportedGrantTypeException))]
    [TestCase("unsupported_response_type", typeof(UnsupportedResponseTypeException))]
    [TestCase("something_new", typeof(OAuthException))]
    public void OAuth_errors_are_typed(string error, Type expected)
    {
        var body = $$"""{"error":"{{error}}","error_description":"Authorization code does not exist: ac_123 (key sk_test_abcdefghijklmnop)"}""";
        using var client = NewClient(body, HttpStatusCode.BadRequest, null, out _);
        var e = Assert.ThrowsAsync(Is.InstanceOf<OAuthException>(), () => client.OAuth.CreateTokenAsync(new OAuthCreateTokenRequest { GrantType = OAuthGrantType.AuthorizationCode, Code = "ac_123" })) as OAuthException;
        Assert.Multiple(() =>
        {
            Assert.That(e!.GetType(), Is.EqualTo(expected));
            Assert.That(e, Is.InstanceOf<StripeException>());
            Assert.That(e.Error, Is.EqualTo(error));
            Assert.That(e.ErrorDescription, Does.StartWith("Authorization code does not exist"));
            Assert.That(e.HttpStatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(e.Message + e.ToString() + e.RawBody, Does.Not.Contain("sk_test_abcdefghijklmnop"), "secrets the server echoes are redacted");
        });
    }

    [Test]
    public void An_api_error_on_the_api_host_is_still_an_api_error()
    {
        using var client = NewClient("""{"error":{"type":"invalid_request_error","code":"resource_missing","param":"id","message":"No such payout"}}""", HttpStatusCode.NotFound, null, out _);
        var e = Assert.ThrowsAsync<InvalidRequestException>(() => client.Payouts.GetAsync("po_1"));
        Assert.That(e!.StripeError?.Code, Is.EqualTo("resource_missing"));
    }

    [Test]
    public void AuthorizeUrl_for_standard_accounts_with_defaults_and_prefill()
    {
        using var client = NewClient("{}", HttpStatusCode.OK, o => o.ClientId = "ca_platform", out var req);
        var url = client.OAuth.AuthorizeUrl("st4te/with space", new OAuthAuthorizeUrlOptions
        {
            RedirectUri = new Uri("https://platform.example/oauth/return"),
            SuggestedCapabilities = ["card_payments", "transfers"],
            StripeUser = new OAuthStripeUser { Email = "jo@example.com", Country = "US", BusinessName = "Jo & Co" },
        });
        Assert.Multiple(() =>
        {
            Assert.That(url.GetLeftPart(UriPartial.Path), Is.EqualTo("https://connect.stripe.com/oauth/authorize"));
            Assert.That(Uri.UnescapeDataString(url.Query), Is.EqualTo(
                "?client_id=ca_platform&redirect_uri=https://platform.example/oauth/return&response_type=code&scope=read_write&state=st4te/with space"
                + "&stripe_user[business_name]=Jo & Co&stripe_user[country]=US&stripe_user[email]=jo@example.com"
                + "&suggested_capabilities[0]=card_payments&suggested_capabilities[1]=transfers"));
            Assert.That(url.Query, Does.Contain("state=st4te%2Fwith%20space").And.Contain("Jo%20%26%20Co"), "values are escaped");
            Assert.That(req.Count, Is.Zero, "nothing is sent");
        });
    }

    [Test]
    public void AuthorizeUrl_for_express_accounts_with_an_explicit_client_id_and_scope()
    {
        using var client = NewClient("{}", out _);
        var url = client.OAuth.AuthorizeUrl("s1", new OAuthAuthorizeUrlOptions { Express = true, ClientId = "ca_x", Scope = "read_only", AlwaysPrompt = true, StripeLanding = "login" });
        Assert.That(url.AbsoluteUri, Is.EqualTo("https://connect.stripe.com/express/oauth/authorize?always_prompt=true&client_id=ca_x&response_type=code&scope=read_only&state=s1&stripe_landing=login"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void AuthorizeUrl_refuses_to_build_without_state(string? state)
    {
        using var client = NewClient("{}", HttpStatusCode.OK, o => o.ClientId = "ca_platform", out _);
        var e = Assert.Throws(Is.InstanceOf<ArgumentException>(), () => client.OAuth.AuthorizeUrl(state!)) as ArgumentException;
        Assert.Multiple(() =>
        {
            Assert.That(e!.ParamName, Is.EqualTo("state"));
            Assert.That(e.Message, Does.Contain("state"));
        });
    }

    [Test]
    public void AuthorizeUrl_needs_a_client_id()
    {
        using var client = NewClient("{}", out _);
        var e = Assert.Throws<ArgumentException>(() => client.OAuth.AuthorizeUrl("s1"));
        Assert.That(e!.Message, Does.Contain("ClientId"));
    }

    [Test]
    public void ClientId_and_the_connect_address_are_options_bound_from_configuration()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StripeConnect:ApiKey"] = "sk_test_123",
                ["StripeConnect:ClientId"] = "ca_from_config",
                ["StripeConnect:ConnectBaseAddress"] = "http://localhost:5111/",
            })
            .Build();
        var services = new ServiceCollection();
        services.AddConnectClient(configuration.GetSection("StripeConnect"));
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ConnectClient>();
        Assert.Multiple(() =>
        {
            Assert.That(client.Options.ClientId, Is.EqualTo("ca_from_config"));
            Assert.That(client.OAuth.AuthorizeUrl("s").AbsoluteUri, Does.StartWith("http://localhost:5111/oauth/authorize?client_id=ca_from_config&"));
        });
    }

    [Test]
    public void An_unusable_connect_address_or_client_id_is_refused_by_validation()
    {
        var options = new ConnectClientOptions { ApiKey = "sk_test_123", ConnectBaseAddress = new Uri("http://connect.example/"), ClientId = " ca_1" };
        var problems = options.Validate();
        Assert.Multiple(() =>
        {
            Assert.That(problems, Has.Some.Contains("ConnectBaseAddress"));
            Assert.That(problems, Has.Some.Contains("ClientId"));
        });
    }
}
