using System.Net;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

public class ResponseReadingTests
{
    private static ConnectClient ClientReturning(MockHttpMessageHandler mock, string body, Action<HttpResponseMessage>? tweak = null)
    {
        mock.When("*").Respond(_ =>
        {
            var response = TestClients.Json(HttpStatusCode.OK, body, "req_meta");
            tweak?.Invoke(response);
            return response;
        });
        return TestClients.Create(mock, o => o.MaxNetworkRetries = 0);
    }

    [Test]
    public async Task Response_metadata_is_on_the_result()
    {
        using var mock = new MockHttpMessageHandler();
        using var client = ClientReturning(mock, TestClients.LinkJson, r => r.Headers.TryAddWithoutValidation("Idempotent-Replayed", "true"));

        var link = await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        Assert.That(link.StripeResponse, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(link.StripeResponse!.RequestId, Is.EqualTo("req_meta"));
            Assert.That(link.StripeResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(link.StripeResponse.IdempotentReplayed, Is.True);
            Assert.That(link.StripeResponse.Attempts, Is.EqualTo(1));
            Assert.That(link.StripeResponse.Headers.Contains("Request-Id"), Is.True);
            Assert.That(link.Created, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1700000000)));
            Assert.That(link.ExpiresAt - link.Created, Is.EqualTo(TimeSpan.FromSeconds(300)));
        });
    }

    [Test]
    public async Task Response_metadata_does_not_change_equality_or_printing()
    {
        using var mock = new MockHttpMessageHandler();
        using var client = ClientReturning(mock, TestClients.LinkJson);

        var link = await client.AccountLinks.CreateAsync(TestClients.LinkRequest());
        var copy = link with { };
        var built = new AccountLink { Created = link.Created, ExpiresAt = link.ExpiresAt, Url = link.Url };

        Assert.That(built, Is.EqualTo(link));
        Assert.That(copy.GetHashCode(), Is.EqualTo(built.GetHashCode()));
        Assert.That(link.ToString(), Does.Not.Contain("req_meta"));
    }

    [Test]
    public async Task New_fields_are_ignored()
    {
        using var mock = new MockHttpMessageHandler();
        using var client = ClientReturning(mock, """{"object":"account_link","brand_new":{"deep":[1,2]},"created":1,"expires_at":2,"url":"https://x"}""");

        var link = await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        Assert.That(link.Url, Is.EqualTo("https://x"));
    }

    [TestCase("")]
    [TestCase("""{"object":"account_link","created":1,"exp""")]
    [TestCase("<html>200 but not json</html>")]
    public void Unreadable_success_bodies_give_a_typed_exception(string body)
    {
        using var mock = new MockHttpMessageHandler();
        using var client = ClientReturning(mock, body);

        var ex = Assert.ThrowsAsync<ApiException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));
        Assert.That(ex!.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ex.RequestId, Is.EqualTo("req_meta"));
    }

    [Test]
    public void An_unknown_enum_value_stays_readable()
    {
        var value = ReadEnum("\"account_reonboarding\""u8);

        Assert.That(value.Value, Is.EqualTo("account_reonboarding"));
        Assert.That(value.IsKnown, Is.False);
        Assert.That(value, Is.Not.EqualTo(AccountLinkType.AccountOnboarding));
    }

    [Test]
    public void A_known_enum_value_equals_its_static_member()
    {
        var value = ReadEnum("\"account_update\""u8);

        Assert.That(value, Is.EqualTo(AccountLinkType.AccountUpdate));
        Assert.That(value == AccountLinkType.AccountUpdate, Is.True);
        Assert.That(value.IsKnown, Is.True);
    }

    [Test]
    public void An_escaped_enum_value_is_matched_too()
    {
        Assert.That(ReadEnum("\"account\\u005fupdate\""u8), Is.EqualTo(AccountLinkType.AccountUpdate));
    }

    private static AccountLinkType ReadEnum(ReadOnlySpan<byte> json)
    {
        var reader = new System.Text.Json.Utf8JsonReader(json);
        reader.Read();
        return new Stripe.Connect.Client.Json.StripeEnumJsonConverter<AccountLinkType>().Read(ref reader, typeof(AccountLinkType), ConnectJsonContextOptions.Options);
    }

    [Test]
    public async Task Raw_requests_return_json_with_metadata()
    {
        using var mock = new MockHttpMessageHandler();
        using var client = ClientReturning(mock, """{"object":"balance","available":[]}""");

        var raw = await client.RawRequestAsync(HttpMethod.Get, "/v1/balance", null);

        Assert.That(raw.Json.GetProperty("object").GetString(), Is.EqualTo("balance"));
        Assert.That(raw.StripeResponse!.RequestId, Is.EqualTo("req_meta"));
    }

    [TestCase("https://evil.example/v1/x")]
    [TestCase("//evil.example/v1/x")]
    [TestCase("v1/accounts")]
    [TestCase("/v1/accounts?limit=1")]
    public void Raw_requests_only_accept_paths(string path)
    {
        using var mock = new MockHttpMessageHandler();
        using var client = ClientReturning(mock, "{}");

        Assert.ThrowsAsync<ArgumentException>(() => client.RawRequestAsync(HttpMethod.Get, path, null));
    }
}
