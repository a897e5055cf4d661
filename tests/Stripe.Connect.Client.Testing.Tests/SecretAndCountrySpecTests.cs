using System.Net;

namespace Stripe.Connect.Client.Testing.Tests;

public class SecretAndCountrySpecTests : ApiTestBase
{
    [Test]
    public async Task Secrets_are_set_found_listed_by_scope_and_deleted()
    {
        var set = await Post("/v1/apps/secrets", "name=api_token&payload=s3cr3t&scope[type]=account");
        await Post("/v1/apps/secrets", "name=api_token&payload=user-secret&scope[type]=user&scope[user]=usr_1");
        var replaced = await Post("/v1/apps/secrets", "name=api_token&payload=n3w&scope[type]=account");

        var found = await Get("/v1/apps/secrets/find?name=api_token&scope[type]=account&expand[]=payload");
        var accountScope = await Get("/v1/apps/secrets?scope[type]=account");
        var userScope = await Get("/v1/apps/secrets?scope[type]=user&scope[user]=usr_1");
        var deleted = await Post("/v1/apps/secrets/delete", "name=api_token&scope[type]=account");
        var gone = await Get("/v1/apps/secrets/find?name=api_token&scope[type]=account");

        Assert.Multiple(() =>
        {
            Assert.That(set.Str("id"), Does.StartWith("appsecret_"));
            Assert.That(set.Json["payload"], Is.Null, "payload only when expanded");
            Assert.That(found.Str("payload"), Is.EqualTo("n3w"));
            Assert.That(accountScope.Ids, Is.EqualTo(new[] { replaced.Str("id") }));
            Assert.That(userScope.Ids, Has.Count.EqualTo(1));
            Assert.That(deleted.Bool("deleted"), Is.True);
            AssertError(gone, HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "name");
        });
    }

    [Test]
    public async Task User_scope_needs_a_user_and_list_needs_a_scope()
    {
        AssertError(await Post("/v1/apps/secrets", "name=a&payload=b&scope[type]=user"), HttpStatusCode.BadRequest, "invalid_request_error", "parameter_missing", "scope[user]");
        AssertError(await Get("/v1/apps/secrets"), HttpStatusCode.BadRequest, "invalid_request_error", "parameter_missing", "scope");
    }

    [Test]
    public async Task Expired_secrets_disappear()
    {
        var expiresAt = Time.GetUtcNow().ToUnixTimeSeconds() + 60;
        await Post("/v1/apps/secrets", $"name=short&payload=x&scope[type]=account&expires_at={expiresAt}");

        Time.Advance(TimeSpan.FromSeconds(61));

        AssertError(await Get("/v1/apps/secrets/find?name=short&scope[type]=account"), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "name");
    }

    [Test]
    public async Task Country_specs_cover_a_few_real_countries()
    {
        var us = await Get("/v1/country_specs/US");
        var list = await Get("/v1/country_specs?limit=3");

        Assert.Multiple(() =>
        {
            Assert.That(us.Str("object"), Is.EqualTo("country_spec"));
            Assert.That(us.Str("default_currency"), Is.EqualTo("usd"));
            Assert.That(us.Json["verification_fields"]!["individual"]!["minimum"]!.AsArray(), Is.Not.Empty);
            Assert.That(list.Ids, Is.EqualTo(new[] { "AU", "CA", "DE" }));
            Assert.That(list.Bool("has_more"), Is.True);
        });
    }
}
