using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Stripe.Connect.Client.Testing;

/// <summary>
/// Delivers the events of an <see cref="InMemoryConnectApi"/> to the webhook endpoints created through the API
/// (<c>POST /v1/webhook_endpoints</c>), signed with each endpoint's secret as Stripe signs them
/// (<c>Stripe-Signature: t=...,v1=HMAC-SHA256</c>). An endpoint whose URL has a callback
/// (<see cref="RegisterCallback"/>) is delivered to in process; any other loopback URL (127.0.0.1, [::1], localhost)
/// gets an HTTP POST, so a real ASP.NET Core endpoint can receive it; other URLs are never contacted and count as
/// failed. A delivery that gets no 2xx answer is retried three times, 5 minutes, 30 minutes and 2 hours later on the
/// API's <see cref="TimeProvider"/>, as Stripe retries in test mode.
/// </summary>
/// <remarks>
/// Deliveries run in the background, after the request that caused the event has been answered. Await
/// <see cref="WhenIdleAsync"/> to wait for the deliveries that are due to finish. All members are thread-safe.
/// </remarks>
public sealed class InMemoryWebhooks
{
    private static readonly Lazy<HttpClient> LoopbackClient = new(() => new HttpClient(
        new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    });

    private readonly object _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Func<WebhookDelivery, CancellationToken, Task<HttpStatusCode>>> _callbacks = new(StringComparer.Ordinal);
    private readonly List<WebhookDeliveryAttempt> _attempts = [];
    private readonly List<TaskCompletionSource> _idleWaiters = [];
    private int _inFlight;
    private HttpMessageHandler? _httpHandler;

    internal InMemoryWebhooks(TimeProvider time) => _time = time;

    /// <summary>
    /// When set, deliveries to URLs without a callback go through this handler whatever their host (for example an
    /// ASP.NET Core <c>TestServer</c>'s handler); when null (the default) only loopback URLs are sent, over a socket.
    /// </summary>
    public HttpMessageHandler? HttpHandler
    {
        get
        {
            lock (_gate)
            {
                return _httpHandler;
            }
        }

        set
        {
            lock (_gate)
            {
                _httpHandler = value;
            }
        }
    }

    /// <summary>Every delivery attempt so far, oldest first (a copy).</summary>
    public IReadOnlyList<WebhookDeliveryAttempt> Attempts
    {
        get
        {
            lock (_gate)
            {
                return [.. _attempts];
            }
        }
    }

    /// <summary>
    /// Delivers the events of every endpoint whose URL is <paramref name="url"/> to <paramref name="callback"/> instead of
    /// the network. The callback's status decides success (2xx) or a retry; an exception counts as no answer.
    /// </summary>
    /// <param name="url">The endpoint URL, exactly as given to <c>POST /v1/webhook_endpoints</c>.</param>
    /// <param name="callback">Receives each signed delivery and returns the HTTP status the endpoint answers.</param>
    public void RegisterCallback(string url, Func<WebhookDelivery, CancellationToken, Task<HttpStatusCode>> callback)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            _callbacks[url] = callback;
        }
    }

    /// <summary>Removes the callback of <paramref name="url"/>; later deliveries go to the URL itself.</summary>
    /// <param name="url">The endpoint URL.</param>
    /// <returns>True when a callback was registered.</returns>
    public bool UnregisterCallback(string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        lock (_gate)
        {
            return _callbacks.Remove(url);
        }
    }

    /// <summary>
    /// Completes when no delivery is running (those due later, such as retries, do not count: advance the clock to run
    /// them, then wait again).
    /// </summary>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>A task that completes when the deliveries in flight have finished.</returns>
    public Task WhenIdleAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource waiter;
        lock (_gate)
        {
            if (_inFlight == 0)
            {
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _idleWaiters.Add(waiter);
        }

        return waiter.Task.WaitAsync(cancellationToken);
    }

    /// <summary>The <c>Stripe-Signature</c> value for <paramref name="payload"/> signed with <paramref name="secret"/> at <paramref name="timestamp"/>.</summary>
    internal static string Sign(string payload, string secret, long timestamp)
    {
        var t = timestamp.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(t + "." + payload));
        return "t=" + t + ",v1=" + Convert.ToHexString(mac).ToLowerInvariant();
    }

    internal void Started()
    {
        lock (_gate)
        {
            _inFlight++;
        }
    }

    internal void Finished()
    {
        List<TaskCompletionSource> waiters;
        lock (_gate)
        {
            if (--_inFlight > 0)
            {
                return;
            }

            waiters = [.. _idleWaiters];
            _idleWaiters.Clear();
        }

        foreach (var waiter in waiters)
        {
            waiter.TrySetResult();
        }
    }

    internal void Record(WebhookDeliveryAttempt attempt)
    {
        lock (_gate)
        {
            _attempts.Add(attempt);
        }
    }

    internal void Clear()
    {
        lock (_gate)
        {
            _attempts.Clear();
        }
    }

    /// <summary>Sends one signed delivery; returns the status answered, or null and the reason when none came.</summary>
    internal async Task<(int? Status, string? Error)> SendAsync(string endpointId, string url, string secret, string eventId, string eventType, string payload, int attempt)
    {
        var signature = Sign(payload, secret, _time.GetUtcNow().ToUnixTimeSeconds());
        Func<WebhookDelivery, CancellationToken, Task<HttpStatusCode>>? callback;
        HttpMessageHandler? handler;
        lock (_gate)
        {
            _callbacks.TryGetValue(url, out callback);
            handler = _httpHandler;
        }

        try
        {
            if (callback is not null)
            {
                var status = await callback(new WebhookDelivery(endpointId, url, eventId, eventType, payload, signature, attempt), CancellationToken.None).ConfigureAwait(false);
                return ((int)status, null);
            }

            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (handler is null && !uri.IsLoopback))
            {
                return (null, "The in-memory API delivers only to registered callbacks and loopback URLs (or through Webhooks.HttpHandler); this URL was not contacted.");
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, uri)
            {
                Content = new StringContent(payload, Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
            request.Headers.TryAddWithoutValidation("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)");
            if (handler is not null)
            {
                using var client = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };
                using var viaHandler = await client.SendAsync(request).ConfigureAwait(false);
                return ((int)viaHandler.StatusCode, null);
            }

            using var response = await LoopbackClient.Value.SendAsync(request).ConfigureAwait(false);
            return ((int)response.StatusCode, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException)
        {
            return (null, e.GetType().Name + ": " + e.Message);
        }
    }
}
