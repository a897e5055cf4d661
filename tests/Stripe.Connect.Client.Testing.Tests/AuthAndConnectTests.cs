using System.Net;
using System.Net.Http.Headers;

namespace Stripe.Connect.Client.Testing.Tests;

public class AuthAndConnectTests : ApiTestBase
{
    [Test]
    public async Task Missing_api_key_is_401()
    {
        Http.DefaultRequestHeaders.Authorization = null;

        var reply = await Get("/v1/accounts");

        AssertError(reply, HttpStatusCode.Unauthorized, "invalid_request_error", null, null);
        Assert.That(reply.Headers["Request-Id"], Does.StartWith("req_"));
    }

    [TestCase("sk_live_123456789012345")]
    [TestCase("sk_test_")]
    [TestCase("pk_test_")]
    [TestCase("whsec_123456789012345")]
    public async Task Invalid_or_live_api_key_is_401(string key)
    {
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);

        AssertError(await Get("/v1/accounts"), HttpStatusCode.Unauthorized, "invalid_request_error", "api_key_invalid", null);
    }

    [Test]
    public async Task Restricted_test_keys_are_accepted()
    {
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "rk_test_abcdef123456");

        Assert.That((await Get("/v1/accounts")).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Objects_made_for_a_connected_account_are_invisible_to_others()
    {
        var a = await CreateAccount();
        var b = await CreateAccount();
        var topup = await Post("/v1/topups", "amount=500&currency=usd", account: a);
        var id = topup.Str("id");

        var asA = await Get($"/v1/topups/{id}", account: a);
        var asB = await Get($"/v1/topups/{id}", account: b);
        var asPlatform = await Get($"/v1/topups/{id}");
        var listA = await Get("/v1/topups", account: a);
        var listPlatform = await Get("/v1/topups");

        Assert.Multiple(() =>
        {
            Assert.That(asA.Status, Is.EqualTo(HttpStatusCode.OK));
            AssertError(asB, HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
            AssertError(asPlatform, HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
            Assert.That(listA.Ids, Is.EqualTo(new[] { id }));
            Assert.That(listPlatform.Ids, Is.Empty);
        });
    }

    [Test]
    public async Task A_connected_account_cannot_see_other_accounts()
    {
        var a = await CreateAccount();
        var b = await CreateAccount();

        AssertError(await Get($"/v1/accounts/{b}", account: a), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
        Assert.That((await Get($"/v1/accounts/{a}/persons", account: a)).Status, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Unknown_stripe_account_header_is_refused()
    {
        var reply = await Get("/v1/account", account: "acct_unknown");

        AssertError(reply, HttpStatusCode.Forbidden, "invalid_request_error", "account_invalid", null);
    }

    [Test]
    public async Task Responses_carry_request_id_and_version_headers()
    {
        var first = await Get("/v1/accounts");
        var second = await Get("/v1/accounts");

        Assert.Multiple(() =>
        {
            Assert.That(first.Headers["Request-Id"], Does.Match("^req_[A-Za-z0-9]{14}$"));
            Assert.That(second.Headers["Request-Id"], Is.Not.EqualTo(first.Headers["Request-Id"]));
            Assert.That(first.Headers["Stripe-Version"], Is.EqualTo(InMemoryConnectApi.ApiVersion));
        });
    }
}
