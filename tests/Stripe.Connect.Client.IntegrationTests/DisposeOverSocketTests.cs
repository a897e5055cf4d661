using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Stripe.Connect.Client.IntegrationTests.Support;

namespace Stripe.Connect.Client.IntegrationTests;

/// <summary>Dispose over a real connection: the call in flight ends at once and nothing more is sent.</summary>
[NonParallelizable]
public class DisposeOverSocketTests
{
    private KestrelServer _server = null!;
    private TaskCompletionSource _arrived = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await KestrelServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [SetUp]
    public void HangEveryRequest()
    {
        _arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Reset(async (context, _) =>
        {
            _arrived.TrySetResult();
            await HangUntilAbortedAsync(context);
        });
    }

    [Test]
    public async Task A_call_in_flight_over_a_callers_HttpClient_ends_with_ObjectDisposedException_and_no_retry()
    {
        using var http = new HttpClient(ConnectClient.CreateDefaultHandler());
        var client = new ConnectClient(Clients.NoDelayOptions(_server.Address, retries: 5), http);

        var call = client.AccountLinks.CreateAsync(Clients.LinkRequest());
        await _arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        client.Dispose();

        var error = Assert.ThrowsAsync<ObjectDisposedException>(async () => await call);
        Assert.Multiple(() =>
        {
            Assert.That(error!.ObjectName, Is.EqualTo("ConnectClient"));
            Assert.That(error.Message, Does.Contain("Idempotency key").IgnoreCase);
            Assert.That(_server.Requests, Has.Count.EqualTo(1), "no attempt after Dispose");
        });

        var later = Assert.ThrowsAsync<ObjectDisposedException>(() => client.AccountLinks.CreateAsync(Clients.LinkRequest()));
        Assert.That(later!.ObjectName, Is.EqualTo("ConnectClient"));
        Assert.That(_server.Requests, Has.Count.EqualTo(1), "a call after Dispose sends nothing, although the HttpClient is alive");
    }

    [Test]
    public async Task Disposing_the_container_stops_the_client_dependency_injection_built()
    {
        var services = new ServiceCollection();
        services.AddConnectClient(o =>
        {
            o.ApiKey = Clients.ApiKey;
            o.BaseAddress = _server.Address;
            o.InitialRetryDelay = TimeSpan.Zero;
            o.MaxRetryDelay = TimeSpan.Zero;
        });
        var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ConnectClient>();

        var call = client.RawRequestAsync(HttpMethod.Get, "/v1/accounts", null);
        await _arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await provider.DisposeAsync();

        Assert.That(Assert.ThrowsAsync<ObjectDisposedException>(async () => await call)!.ObjectName, Is.EqualTo("ConnectClient"));
        Assert.That(Assert.ThrowsAsync<ObjectDisposedException>(() => client.RawRequestAsync(HttpMethod.Get, "/v1/accounts", null))!.ObjectName, Is.EqualTo("ConnectClient"));
        Assert.That(_server.Requests, Has.Count.EqualTo(1));
    }

    private static async Task HangUntilAbortedAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
    }
}
