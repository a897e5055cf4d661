using System.Net;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Security;

/// <summary>
/// Ids go into paths as one escaped segment: an id can never walk to another endpoint, add a query or a fragment.
/// The request URI is captured at the HTTP handler, i.e. exactly what goes on the wire.
/// </summary>
public class IdEscapingTests
{
    /// <summary>A service shaped like the generated ones (<c>GET /v1/accounts/{id}</c>), over the runtime's id check.</summary>
    private sealed class AccountProbe(ConnectClient client) : ConnectService(client)
    {
        public Task<StripeObject> GetAsync(string id) =>
            SendAsync(HttpMethod.Get, "/v1/accounts/" + PathId(id, nameof(id)), null, Reader((JsonTypeInfo<StripeObject>)EscapingJsonContext.Default.StripeObject), null, default);

        public Task<StripeObject> DeletePersonAsync(string account, string person) =>
            SendAsync(HttpMethod.Delete, "/v1/accounts/" + PathId(account, nameof(account)) + "/persons/" + PathId(person, nameof(person)), null, Reader((JsonTypeInfo<StripeObject>)EscapingJsonContext.Default.StripeObject), null, default);
    }

    [TestCase("acct_1/../../v1/charges", "/v1/accounts/acct_1%2F..%2F..%2Fv1%2Fcharges")]
    [TestCase("acct_1?expand[]=x", "/v1/accounts/acct_1%3Fexpand%5B%5D%3Dx")]
    [TestCase("acct_1#fragment", "/v1/accounts/acct_1%23fragment")]
    [TestCase("acct_100%", "/v1/accounts/acct_100%25")]
    [TestCase("acct_1%2F..%2Fcharges", "/v1/accounts/acct_1%252F..%252Fcharges")]
    [TestCase("acct 1", "/v1/accounts/acct%201")]
    [TestCase("acct_1\\..\\charges", "/v1/accounts/acct_1%5C..%5Ccharges")]
    [TestCase("acct_é\r\nX-Evil: 1", "/v1/accounts/acct_%C3%A9%0D%0AX-Evil%3A%201")]
    [TestCase("...", "/v1/accounts/...")]
    public async Task Ids_reach_the_server_as_one_escaped_segment(string id, string expectedPath)
    {
        var (client, seen) = Capture();
        using var _ = client;

        await new AccountProbe(client).GetAsync(id);

        var uri = seen.Single();
        Assert.Multiple(() =>
        {
            Assert.That(uri.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped), Is.EqualTo(expectedPath));
            Assert.That(uri.Query, Is.Empty);
            Assert.That(uri.Fragment, Is.Empty);
            Assert.That(uri.Segments, Has.Length.EqualTo(4), "/, v1/, accounts/, the id");
        });
    }

    [Test]
    public async Task Every_id_of_a_nested_path_is_escaped()
    {
        var (client, seen) = Capture();
        using var _ = client;

        await new AccountProbe(client).DeletePersonAsync("acct_1/..", "person_1?x=1");

        Assert.That(seen.Single().AbsolutePath, Is.EqualTo("/v1/accounts/acct_1%2F../persons/person_1%3Fx%3D1"));
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase(".")]
    [TestCase("..")]
    public void Ids_that_would_change_the_path_are_refused_before_sending(string id)
    {
        var (client, seen) = Capture();
        using var _ = client;

        Assert.ThrowsAsync<ArgumentException>(() => new AccountProbe(client).GetAsync(id));
        Assert.That(seen, Is.Empty);
    }

    [Test]
    public void A_null_id_is_refused()
    {
        var (client, _) = Capture();
        using var __ = client;

        Assert.ThrowsAsync<ArgumentNullException>(() => new AccountProbe(client).GetAsync(null!));
    }

    [TestCase("//evil.example/v1/accounts")]
    [TestCase("https://evil.example/v1/accounts")]
    [TestCase("/v1/accounts?expand[]=x")]
    [TestCase("/v1/accounts#x")]
    [TestCase("v1/accounts")]
    public void Raw_paths_cannot_leave_the_API_host_or_smuggle_a_query(string path)
    {
        var (client, seen) = Capture();
        using var _ = client;

        Assert.ThrowsAsync<ArgumentException>(() => client.RawRequestAsync(HttpMethod.Get, path, null));
        Assert.That(seen, Is.Empty);
    }

    [Test]
    public async Task Raw_form_values_cannot_add_parameters()
    {
        var (client, seen) = Capture();
        using var _ = client;

        await client.RawRequestAsync(HttpMethod.Get, "/v1/accounts", [new("limit", "3&starting_after=acct_evil#x")]);

        Assert.That(seen.Single().Query, Is.EqualTo("?limit=3%26starting_after%3Dacct_evil%23x"));
    }

    private static (ConnectClient Client, List<Uri> Seen) Capture()
    {
        var seen = new List<Uri>();
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(request =>
        {
            seen.Add(request.RequestUri!);
            return TestClients.Json(HttpStatusCode.OK, """{"id":"acct_1","object":"account"}""");
        });
        return (TestClients.Create(mock, o => o.MaxNetworkRetries = 0), seen);
    }
}

/// <summary>Source-generated metadata for the generic object the probe service returns.</summary>
[JsonSerializable(typeof(StripeObject))]
internal sealed partial class EscapingJsonContext : JsonSerializerContext
{
}
