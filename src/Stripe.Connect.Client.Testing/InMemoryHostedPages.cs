using Stripe.Connect.Client.Testing.Internal.Hosted;

namespace Stripe.Connect.Client.Testing;

/// <summary>
/// The pages an account link leads to, served by an <see cref="InMemoryConnectApi"/> on a loopback URL so a real
/// browser can complete onboarding offline. Start them with <see cref="InMemoryConnectApi.StartHostedPagesAsync"/>;
/// while they run, every new account link points here. Opening a link spends it and shows a form for what the
/// account's requirements ask (business details, name, date of birth, address, SSN last 4, a bank account, ToS
/// acceptance), prefilled with the account's values; submitting it updates the account through the API's own
/// operations and rules (requirements clear, capabilities activate, events are written) and redirects to the link's
/// <c>return_url</c>. An expired or already used link redirects to its <c>refresh_url</c>; invalid input shows the
/// form again with the error next to its field.
/// </summary>
/// <remarks>Dispose to stop serving; links made while the pages ran then lead nowhere. All members are thread-safe.</remarks>
public sealed class InMemoryHostedPages : IAsyncDisposable, IDisposable
{
    private readonly InMemoryConnectApi _api;
    private readonly LoopbackHttpServer _server;

    internal InMemoryHostedPages(InMemoryConnectApi api, Func<HostedRequest, HostedPageResult> serve)
    {
        _api = api;
        _server = new LoopbackHttpServer(serve);
        _server.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{_server.Port}/");
    }

    /// <summary>The pages' base URL, <c>http://127.0.0.1:{port}/</c> (an ephemeral port).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Stops serving and waits for the requests in progress; new account links point at connect.stripe.com again.</summary>
    /// <returns>A task that completes when the listener is closed.</returns>
    public async ValueTask DisposeAsync()
    {
        _api.HostedPagesStopped(this);
        await _server.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Stops serving; see <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
