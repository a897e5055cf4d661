using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Stripe.Connect.Client.IntegrationTests.Support;

namespace Stripe.Connect.Client.IntegrationTests;

/// <summary>What a real server receives as the request target when ids hold path, query or fragment characters.</summary>
public class IdEscapingOverSocketTests
{
    private KestrelServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await KestrelServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    /// <summary>A service shaped like the generated <c>GET /v1/accounts/{id}</c>, over the runtime's id check.</summary>
    private sealed class AccountProbe(ConnectClient client) : ConnectService(client)
    {
        public Task<StripeObject> GetAsync(string id) =>
            SendAsync(HttpMethod.Get, "/v1/accounts/" + PathId(id, nameof(id)), null, Reader((JsonTypeInfo<StripeObject>)ProbeJsonContext.Default.StripeObject), null, default);
    }

    [TestCase("acct_1/../../v1/charges", "/v1/accounts/acct_1%2F..%2F..%2Fv1%2Fcharges")]
    [TestCase("acct_1?expand[]=secret", "/v1/accounts/acct_1%3Fexpand%5B%5D%3Dsecret")]
    [TestCase("acct_1#x", "/v1/accounts/acct_1%23x")]
    [TestCase("acct_1%2e%2e", "/v1/accounts/acct_1%252e%252e")]
    [TestCase("acct 1", "/v1/accounts/acct%201")]
    public async Task The_server_sees_the_id_as_one_escaped_segment(string id, string target)
    {
        _server.Reset((context, _) => KestrelServer.WriteJsonAsync(context, 200, """{"id":"acct_1","object":"account"}"""));
        using var client = Clients.Create(_server.Address);

        await new AccountProbe(client).GetAsync(id);

        Assert.That(_server.Requests.Single().RawTarget, Is.EqualTo(target));
    }
}

[JsonSerializable(typeof(StripeObject))]
internal sealed partial class ProbeJsonContext : JsonSerializerContext
{
}
