using System.Diagnostics;
using Stripe.Connect.Client.IntegrationTests.Support;

namespace Stripe.Connect.Client.IntegrationTests;

/// <summary>TCP resets from a raw socket server: before the headers and in the middle of the body.</summary>
public class ConnectionResetTests
{
    private ResettingServer _server = null!;

    [OneTimeSetUp]
    public void StartServer() => _server = new ResettingServer();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [TestCase(SocketFault.ResetBeforeHeaders)]
    [TestCase(SocketFault.ResetMidBody)]
    public async Task A_reset_is_retried_with_the_same_idempotency_key(SocketFault fault)
    {
        _server.Reset(index => index == 0 ? fault : SocketFault.Ok, Clients.LinkJson);
        using var client = Clients.Create(_server.Address);

        var link = await client.AccountLinks.CreateAsync(Clients.LinkRequest());

        Assert.Multiple(() =>
        {
            Assert.That(link.Url, Is.EqualTo("https://connect.stripe.com/setup/s/abc"));
            Assert.That(link.StripeResponse!.Attempts, Is.EqualTo(2));
            Assert.That(_server.RequestCount, Is.EqualTo(2));
            Assert.That(_server.IdempotencyKeys.Distinct().Count(), Is.EqualTo(1));
        });
    }

    [TestCase(SocketFault.ResetBeforeHeaders)]
    [TestCase(SocketFault.ResetMidBody)]
    public void Resets_on_every_attempt_end_in_ApiConnectionException_without_hanging(SocketFault fault)
    {
        _server.Reset(_ => fault, Clients.LinkJson);
        using var client = Clients.Create(_server.Address, timeout: TimeSpan.FromSeconds(5), retries: 2);

        var watch = Stopwatch.StartNew();
        var error = Assert.ThrowsAsync<ApiConnectionException>(() => client.AccountLinks.CreateAsync(Clients.LinkRequest()));
        watch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("3 attempt(s)").And.Contain("connection failed"));
            Assert.That(error.InnerException, Is.InstanceOf<HttpRequestException>().Or.InstanceOf<IOException>());
            Assert.That(error.IdempotencyKey, Is.EqualTo(_server.IdempotencyKeys.Distinct().Single()));
            Assert.That(_server.RequestCount, Is.EqualTo(3));
            // A reset is seen at once; nothing waits for the 5 s attempt time-out.
            Assert.That(watch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(4)));
        });
    }

    [Test]
    public async Task A_reset_during_a_raw_GET_is_retried_too()
    {
        _server.Reset(index => index == 0 ? SocketFault.ResetMidBody : SocketFault.Ok, """{"object":"list","data":[],"has_more":false,"url":"/v1/accounts"}""");
        using var client = Clients.Create(_server.Address);

        var response = await client.RawRequestAsync(HttpMethod.Get, "/v1/accounts", [new("limit", "3")]);

        Assert.Multiple(() =>
        {
            Assert.That(response.Json.GetProperty("object").GetString(), Is.EqualTo("list"));
            Assert.That(_server.RequestCount, Is.EqualTo(2));
            Assert.That(_server.IdempotencyKeys, Has.All.Null, "GETs carry no idempotency key");
        });
    }
}
