using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Stripe.Connect.Client.IntegrationTests.Support;

/// <summary>One request as the server saw it.</summary>
internal sealed record SeenRequest(int Index, string Method, string RawTarget, string? IdempotencyKey, string Body);

/// <summary>
/// A real Kestrel server on 127.0.0.1 with an ephemeral port. Each test sets <see cref="Handler"/> (the fault
/// mode); the server records every request and counts connections (accepted in total, open at the peak).
/// </summary>
internal sealed class KestrelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requestCount;
    private ConnectionCounters _connections = new();

    private KestrelServer(WebApplication app) => _app = app;

    /// <summary>The server's address, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>The fault mode: answers the request with the given (0-based) index.</summary>
    public Func<HttpContext, int, Task> Handler { get; set; } = (_, _) => Task.CompletedTask;

    public ConcurrentQueue<SeenRequest> Requests { get; } = new();

    public int AcceptedConnections => Volatile.Read(ref _connections.Accepted);

    public int PeakConnections => Volatile.Read(ref _connections.Peak);

    public static async Task<KestrelServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelCore();
        KestrelServer? server = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Use(next => async connection =>
            {
                // Runs once per accepted TCP connection, for as long as it stays open.
                var counters = server!.ConnectionOpened();
                try
                {
                    await next(connection);
                }
                finally
                {
                    Interlocked.Decrement(ref counters.Open);
                }
            }));
        });

        var app = builder.Build();
        server = new KestrelServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Address = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Forgets the requests seen so far and restarts the request index at 0 (connections are kept).</summary>
    public void Reset(Func<HttpContext, int, Task> handler)
    {
        Requests.Clear();
        Interlocked.Exchange(ref _requestCount, 0);
        Handler = handler;
    }

    /// <summary>
    /// Restarts the connection counters. Connections accepted before the reset are left out even while they are
    /// still closing, so one run's peak never includes the previous run's connections.
    /// </summary>
    public void ResetConnectionCounters() => Interlocked.Exchange(ref _connections, new ConnectionCounters());

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    public static Task WriteJsonAsync(HttpContext context, int status, string json, params (string Name, string Value)[] headers)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["Request-Id"] = "req_" + status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        return context.Response.WriteAsync(json);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var index = Interlocked.Increment(ref _requestCount) - 1;
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var key = context.Request.Headers.TryGetValue("Idempotency-Key", out var value) ? value.ToString() : null;
        Requests.Enqueue(new SeenRequest(index, context.Request.Method, rawTarget, key, body));
        await Handler(context, index);
    }

    private ConnectionCounters ConnectionOpened()
    {
        var counters = Volatile.Read(ref _connections);
        Interlocked.Increment(ref counters.Accepted);
        var open = Interlocked.Increment(ref counters.Open);
        int peak;
        while (open > (peak = Volatile.Read(ref counters.Peak)) && Interlocked.CompareExchange(ref counters.Peak, open, peak) != peak)
        {
        }

        return counters;
    }

    /// <summary>The connection counts of one run (between two resets).</summary>
    private sealed class ConnectionCounters
    {
        public int Open;
        public int Peak;
        public int Accepted;
    }
}
