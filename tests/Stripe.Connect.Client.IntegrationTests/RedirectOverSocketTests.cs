using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Stripe.Connect.Client.IntegrationTests.Support;

namespace Stripe.Connect.Client.IntegrationTests;

/// <summary>
/// A "Stripe" on one loopback port that redirects to another loopback port, which answers with a transfer. The
/// SDK's own handler and the one AddConnectClient registers never go there; a caller's HttpClient that follows the
/// redirect anyway gets its answer refused.
/// </summary>
[NonParallelizable]
public class RedirectOverSocketTests
{
    private const string TransferJson = """{"id":"tr_from_elsewhere","object":"transfer","amount":2500,"currency":"usd","created":1700000000,"destination":"acct_1","reversals":{"object":"list","data":[],"has_more":false,"url":"/v1/transfers/tr_from_elsewhere/reversals"}}""";
    private KestrelServer _api = null!;
    private KestrelServer _elsewhere = null!;

    [OneTimeSetUp]
    public async Task StartServers()
    {
        _api = await KestrelServer.StartAsync();
        _elsewhere = await KestrelServer.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopServers()
    {
        await _api.DisposeAsync();
        await _elsewhere.DisposeAsync();
    }

    [SetUp]
    public void Reset() => _elsewhere.Reset((context, _) => KestrelServer.WriteJsonAsync(context, 200, TransferJson));

    [TestCase(302)]
    [TestCase(307)]
    public void The_SDKs_own_handler_does_not_follow_a_redirect(int status)
    {
        RedirectWith(status);
        using var client = new ConnectClient(Clients.NoDelayOptions(_api.Address));

        var error = Assert.ThrowsAsync<ApiException>(() => client.Transfers.CreateAsync(Transfer()));

        AssertRefused(error!, status);
        Assert.That(_elsewhere.Requests, Is.Empty, "nothing reached the other host");
    }

    [TestCase(302)]
    [TestCase(307)]
    public async Task The_handler_AddConnectClient_registers_does_not_follow_a_redirect(int status)
    {
        RedirectWith(status);
        var services = new ServiceCollection();
        services.AddConnectClient(o =>
        {
            o.ApiKey = Clients.ApiKey;
            o.BaseAddress = _api.Address;
            o.InitialRetryDelay = TimeSpan.Zero;
            o.MaxRetryDelay = TimeSpan.Zero;
        });
        await using var provider = services.BuildServiceProvider();

        var error = Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<TransferService>().CreateAsync(Transfer()));

        AssertRefused(error!, status);
        Assert.That(_elsewhere.Requests, Is.Empty);
    }

    [TestCase(302, "GET")]
    [TestCase(307, "POST")]
    public void A_callers_HttpClient_that_follows_the_redirect_gets_the_answer_refused(int status, string followedWith)
    {
        RedirectWith(status);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true });
        using var client = new ConnectClient(Clients.NoDelayOptions(_api.Address), http);

        var error = Assert.ThrowsAsync<ApiException>(() => client.Transfers.CreateAsync(Transfer()));

        var followed = _elsewhere.Requests.Single();
        Assert.Multiple(() =>
        {
            Assert.That(followed.Method, Is.EqualTo(followedWith), "the caller's handler did follow");
            Assert.That(error!.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(error.Message, Does.Contain($"came from host {_elsewhere.Address.Authority}").And.Contain($"not {_api.Address.Authority}"));
            Assert.That(error.Message, Does.Not.Contain("tr_from_elsewhere"), "the other host's answer is not read");
            Assert.That(error.ToString(), Does.Not.Contain(_api.Requests.Single().IdempotencyKey!));
            Assert.That(_api.Requests, Has.Count.EqualTo(1), "not retried");
        });
    }

    private void RedirectWith(int status) => _api.Reset((context, _) =>
    {
        context.Response.StatusCode = status;
        context.Response.Headers.Location = new Uri(_elsewhere.Address, "v1/transfers").AbsoluteUri;
        return Task.CompletedTask;
    });

    private void AssertRefused(ApiException error, int status) => Assert.Multiple(() =>
    {
        Assert.That(error.HttpStatusCode, Is.EqualTo((HttpStatusCode)status));
        Assert.That(error.Message, Does.Contain($"HTTP {status}").And.Contain($"host {_elsewhere.Address.Authority}"));
        Assert.That(error.ToString(), Does.Not.Contain(_api.Requests.Single().IdempotencyKey!).And.Not.Contain(Clients.ApiKey));
        Assert.That(_api.Requests, Has.Count.EqualTo(1), "a redirect is not retried");
    });

    private static TransferCreateRequest Transfer() => new() { Amount = 2_500, Currency = "usd", Destination = "acct_1" };
}
