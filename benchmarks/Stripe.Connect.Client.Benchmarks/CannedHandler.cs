using System.Net;

namespace Stripe.Connect.Client.Benchmarks;

/// <summary>
/// An in-process <see cref="HttpMessageHandler"/> that answers every request with a canned 200 JSON body: no
/// sockets, no serialization of the request. The same handler type serves this SDK, Stripe.net and the
/// hand-written floor, so all three pay the same (small) cost for it.
/// </summary>
internal sealed class CannedHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, byte[]> _route;

    public CannedHandler(byte[] body)
        : this(_ => body)
    {
    }

    public CannedHandler(Func<HttpRequestMessage, byte[]> route) => _route = route;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromResult(Respond(request));

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) => Respond(request);

    private HttpResponseMessage Respond(HttpRequestMessage request)
    {
        var content = new ByteArrayContent(_route(request));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        response.Headers.TryAddWithoutValidation("Request-Id", "req_bench");
        return response;
    }
}

/// <summary>Clients of both SDKs over one canned handler, with retries off on both and telemetry off on Stripe.net.</summary>
internal static class Clients
{
    public const string ApiKey = "sk_test_bench_0123456789";

    /// <summary>
    /// This SDK as it sends by default (<c>new ConnectClient(apiKey)</c> and the handler constructor): straight to its
    /// handler, with no <see cref="HttpClient"/> around it.
    /// </summary>
    public static ConnectClient Connect(HttpMessageHandler handler) =>
        new(new ConnectClientOptions { ApiKey = ApiKey, MaxNetworkRetries = 0 }, handler, disposeHandler: false);

    /// <summary>
    /// This SDK through a caller's <see cref="HttpClient"/> (the <c>ConnectClient(options, httpClient)</c> constructor),
    /// configured as <c>AddConnectClient</c> configures its own: no client-wide time-out, since the SDK times each
    /// attempt itself.
    /// </summary>
    public static ConnectClient ConnectViaHttpClient(HttpMessageHandler handler) =>
        new(new ConnectClientOptions { ApiKey = ApiKey, MaxNetworkRetries = 0 }, new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan });

    public static global::Stripe.StripeClient StripeNet(HttpMessageHandler handler) =>
        new(new global::Stripe.StripeClientOptions
        {
            ApiKey = ApiKey,
            HttpClient = new global::Stripe.SystemNetHttpClient(
                new HttpClient(handler, disposeHandler: false),
                maxNetworkRetries: 0,
                appInfo: null,
                enableTelemetry: false),
        });

    /// <summary>The floor's client: a plain <see cref="HttpClient"/> with the auth and version headers set once.</summary>
    public static HttpClient Floor(HttpMessageHandler handler)
    {
        var http = new HttpClient(handler, disposeHandler: false) { BaseAddress = new Uri("https://api.stripe.com/") };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + ApiKey);
        http.DefaultRequestHeaders.TryAddWithoutValidation("Stripe-Version", ConnectClientOptions.DefaultApiVersion);
        return http;
    }
}
