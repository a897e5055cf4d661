using System.Text.Json;
using Microsoft.Extensions.Logging;
using Stripe.Connect.Client.Form;
using Stripe.Connect.Client.Http;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client;

/// <summary>
/// The entry point of the SDK: one client per API key, shared by the whole application. It holds one service per
/// Connect resource (<c>Accounts</c>, <c>AccountLinks</c>, <c>Transfers</c>...) and the HTTP pipeline they all
/// use. Thread-safe; create it once (or register it with <c>services.AddConnectClient(...)</c>).
/// </summary>
public partial class ConnectClient : IDisposable
{
    private static readonly Lazy<SocketsHttpHandler> SharedHandler = new(CreateDefaultHandler);
    private readonly HttpMessageInvoker _transport;
    private readonly bool _ownsTransport;

    /// <summary>Creates a client with default settings and the given API key.</summary>
    /// <param name="apiKey">A secret key (<c>sk_...</c>) or restricted key (<c>rk_...</c>).</param>
    /// <exception cref="ArgumentException">The key is missing or not a Stripe secret key.</exception>
    public ConnectClient(string apiKey)
        : this(new ConnectClientOptions { ApiKey = apiKey })
    {
    }

    /// <summary>Creates a client with the given settings.</summary>
    /// <param name="options">The settings; they are validated here.</param>
    /// <param name="httpClient">
    /// An <see cref="HttpClient"/> to send requests with, or <see langword="null"/> to use one process-wide pooled
    /// <see cref="SocketsHttpHandler"/>. A given client is not disposed by this one.
    /// </param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public ConnectClient(ConnectClientOptions options, HttpClient? httpClient = null)
        : this(options, httpClient, null, null)
    {
    }

    /// <summary>Creates a client with settings, logging and a clock (for retry delays and rate limiting).</summary>
    /// <param name="options">The settings; they are validated here.</param>
    /// <param name="httpClient">The <see cref="HttpClient"/> to use, or <see langword="null"/> for the shared pooled handler.</param>
    /// <param name="loggerFactory">Where the SDK writes one log line per attempt; <see langword="null"/> for none.</param>
    /// <param name="timeProvider">The clock for retry delays and time-outs; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public ConnectClient(ConnectClientOptions options, HttpClient? httpClient, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
        // Without a client, straight to the shared handler: time-outs are per attempt in the pipeline, and nothing
        // else HttpClient adds per call (a linked cancellation source, base address and default headers) is needed.
        : this(options, httpClient ?? new HttpMessageInvoker(SharedHandler.Value, disposeHandler: false), ownsTransport: httpClient is null, loggerFactory, timeProvider)
    {
    }

    /// <summary>
    /// Creates a client that sends through <paramref name="handler"/> directly, without an <see cref="HttpClient"/>
    /// around it: your own <see cref="SocketsHttpHandler"/> (a proxy, client certificates), a test handler, or the
    /// in-memory Connect API. Each call skips the work <see cref="HttpClient"/> adds per request (a linked
    /// cancellation source, base address and default headers), which this client does not need.
    /// </summary>
    /// <param name="options">The settings; they are validated here.</param>
    /// <param name="handler">The handler that sends the requests.</param>
    /// <param name="disposeHandler"><see langword="true"/> to dispose <paramref name="handler"/> with this client.</param>
    /// <param name="loggerFactory">Where the SDK writes one log line per attempt; <see langword="null"/> for none.</param>
    /// <param name="timeProvider">The clock for retry delays and time-outs; <see langword="null"/> for the system clock.</param>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public ConnectClient(ConnectClientOptions options, HttpMessageHandler handler, bool disposeHandler, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(options, new HttpMessageInvoker(handler, disposeHandler), ownsTransport: true, loggerFactory, timeProvider)
    {
    }

    private ConnectClient(ConnectClientOptions options, HttpMessageInvoker transport, bool ownsTransport, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        Options = Snapshot(options);
        _transport = transport;
        _ownsTransport = ownsTransport;

        // The pipeline keeps its own copy: changing the public Options copy later cannot alter calls in flight.
        Pipeline = new ConnectPipeline(transport, Snapshot(options), loggerFactory, timeProvider);
    }

    /// <summary>For mocking frameworks and test doubles only: a client made this way cannot send requests.</summary>
    protected ConnectClient()
    {
        Options = new ConnectClientOptions();
        _transport = null!;
        Pipeline = null!;
    }

    /// <summary>A copy of the settings this client was created with; changing it does not change the client.</summary>
    public ConnectClientOptions Options { get; }

    internal ConnectPipeline Pipeline { get; }

    /// <summary>
    /// Creates the handler the client uses when none is given (and the primary handler <c>AddConnectClient</c>
    /// registers): pooled connections that are recycled every five minutes (so DNS changes are seen), automatic
    /// decompression, and redirects never followed (Stripe's API does not redirect; a redirect would replay the body,
    /// the idempotency key and <c>Stripe-Account</c> to another host).
    /// </summary>
    /// <returns>A new handler.</returns>
    public static SocketsHttpHandler CreateDefaultHandler() => new()
    {
        AllowAutoRedirect = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(1),
        AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
        ConnectTimeout = TimeSpan.FromSeconds(30),
        MaxConnectionsPerServer = 256,
    };

    /// <summary>
    /// Calls an endpoint the SDK does not type yet and returns its JSON. The pipeline is the same as for typed
    /// calls: authentication, API version, idempotency key, retries and typed errors.
    /// </summary>
    /// <param name="method">GET, POST or DELETE.</param>
    /// <param name="path">The path on the API host, such as <c>/v1/accounts/acct_123</c>; never a full URL.</param>
    /// <param name="form">
    /// Parameters in Stripe's bracket form (<c>metadata[order]</c>, <c>expand[]</c>): the body of a POST, the query
    /// of a GET or DELETE.
    /// </param>
    /// <param name="options">Per-request options such as <see cref="RequestOptions.StripeAccount"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The JSON of the response.</returns>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    public virtual Task<StripeRawResponse> RawRequestAsync(
        HttpMethod method,
        string path,
        IEnumerable<KeyValuePair<string, string>>? form,
        RequestOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        Pipeline.ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(method);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Contains("://", StringComparison.Ordinal) || path.Contains('?', StringComparison.Ordinal) || path.Contains('#', StringComparison.Ordinal))
        {
            throw new ArgumentException("The path must be a path on the API host such as /v1/accounts, without a query; pass parameters in 'form'.", nameof(path));
        }

        // The same preparation as a typed call: the pairs are encoded by the same writer, into a body or a query.
        var prepared = Pipeline.Prepare(method, path, fixedPath: null, form is null ? null : new RawFormParameters(form), options);
        return Pipeline.SendAsync(prepared, ResponseReader<StripeRawResponse>.Of(CoreJsonContext.Default.StripeRawResponse), cancellationToken);
    }

    /// <summary>
    /// Stops the client, whichever constructor made it: every later call throws <see cref="ObjectDisposedException"/>,
    /// and a call in flight ends with one, without another attempt. Releases what this instance created to send with
    /// (the shared handler and a given <see cref="HttpClient"/> stay alive; a handler given with
    /// <c>disposeHandler: true</c> is disposed).
    /// </summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    /// <param name="disposing"><see langword="true"/> when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Pipeline?.Dispose();
            if (_ownsTransport)
            {
                _transport.Dispose();
            }
        }
    }

    private static ConnectClientOptions Snapshot(ConnectClientOptions source) => new ConnectClientOptions
    {
        ApiKey = source.ApiKey,
        ApiVersion = source.ApiVersion,
        BaseAddress = source.BaseAddress,
        ConnectBaseAddress = source.ConnectBaseAddress,
        ClientId = source.ClientId,
        StripeAccount = source.StripeAccount,
        StripeContext = source.StripeContext,
        MaxNetworkRetries = source.MaxNetworkRetries,
        Timeout = source.Timeout,
        InitialRetryDelay = source.InitialRetryDelay,
        MaxRetryDelay = source.MaxRetryDelay,
        MaxRequestsPerSecond = source.MaxRequestsPerSecond,
        AppInfo = source.AppInfo is null ? null : new AppInfo { Name = source.AppInfo.Name, Version = source.AppInfo.Version, Url = source.AppInfo.Url },
    }.WithResilienceOf(source);
}
