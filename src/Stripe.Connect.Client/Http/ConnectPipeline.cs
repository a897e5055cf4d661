using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;
using Stripe.Connect.Client.Form;

namespace Stripe.Connect.Client.Http;

/// <summary>
/// The one path every call takes: prepare the request once (URL, body, headers, idempotency key), run the
/// attempts through a Polly pipeline (rate limit, retry with backoff, per-attempt time-out), read the JSON
/// from the response stream through a pooled buffer (never a string), and map errors to typed exceptions. One
/// instance per client; thread-safe.
/// </summary>
internal sealed class ConnectPipeline : IDisposable
{
    private const int MaxErrorBodyChars = 64 * 1024;

    /// <summary>
    /// The largest success body the SDK reads: 16 MB. A Stripe object or list page (at most 100 objects) is a few
    /// hundred KB at most. Without a cap, a broken proxy or a rogue endpoint streaming a huge body was buffered
    /// whole, several times over (a 50 MB list through <c>RawRequestAsync</c> allocated about 800 MB: the
    /// serializer's buffer for the custom converter, the JsonDocument and its clone). A larger body is refused with
    /// an <see cref="ApiException"/> that is not retried.
    /// </summary>
    internal const long MaxResponseBytes = 16 * 1024 * 1024;
    private static readonly ResiliencePropertyKey<PreparedRequest> RequestKey = new("Stripe.Connect.Client.Request");

    private readonly HttpMessageInvoker _transport;
    private readonly HttpClient? _client;
    private readonly ConnectClientOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline _resilience;
    private readonly string _baseUrl;
    private readonly RequestDefaults _defaults;
    private readonly RateLimiter? _rateLimiter;
    private readonly ITimer? _replenishTimer;

    /// <param name="transport">
    /// What sends each attempt: a caller's <see cref="HttpClient"/> (its own settings then apply), or an
    /// <see cref="HttpMessageInvoker"/> straight over a handler.
    /// </param>
    /// <param name="options">The validated settings.</param>
    /// <param name="loggerFactory">Where attempts are logged, if anywhere.</param>
    /// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
    public ConnectPipeline(HttpMessageInvoker transport, ConnectClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        _transport = transport;
        _client = transport as HttpClient;
        _options = options;
        _logger = (ILogger?)loggerFactory?.CreateLogger("Stripe.Connect.Client") ?? NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _baseUrl = options.BaseAddress.AbsoluteUri.TrimEnd('/');
        _defaults = new RequestDefaults("Bearer " + options.ApiKey, options.ApiVersion, options.StripeAccount, BuildUserAgent(options.AppInfo));
        if (options.MaxRequestsPerSecond is { } rate)
        {
            (_rateLimiter, _replenishTimer) = CreateRateLimiter(rate, _time);
        }

        _resilience = BuildResilience();
    }

    public TimeProvider TimeProvider => _time;

    public string UserAgent => _defaults.UserAgent;

    /// <summary>Encodes parameters as a form string (for a body or a query).</summary>
    public static string? Encode(IFormEncodable? parameters)
    {
        if (parameters is null)
        {
            return null;
        }

        using var writer = FormWriter.Rent();
        parameters.WriteForm(writer);
        return writer.Length == 0 ? null : writer.ToString();
    }

    /// <summary>Prepares a call whose parameters are a request record: a POST body is encoded straight to bytes.</summary>
    public PreparedRequest Prepare(HttpMethod method, string path, IFormEncodable? parameters, RequestOptions? options) =>
        Prepare(method, path, constant: null, parameters, options);

    /// <summary>Prepares a call to a path without ids: its parsed URL is reused when there is no query.</summary>
    public PreparedRequest Prepare(HttpMethod method, ConstantPath path, IFormEncodable? parameters, RequestOptions? options) =>
        Prepare(method, path.Value, path, parameters, options);

    private PreparedRequest Prepare(HttpMethod method, string path, ConstantPath? constant, IFormEncodable? parameters, RequestOptions? options)
    {
        if (method != HttpMethod.Post)
        {
            return Create(method, path, constant, Encode(parameters), body: null, options);
        }

        byte[] body;
        if (parameters is null)
        {
            body = [];
        }
        else
        {
            using var writer = FormWriter.Rent();
            parameters.WriteForm(writer);
            body = writer.ToUtf8Bytes();
        }

        return Create(method, path, constant, query: null, body, options);
    }

    /// <summary>Prepares a call whose parameters are already encoded (raw requests, later pages of a list).</summary>
    public PreparedRequest Prepare(HttpMethod method, string path, string? encodedParameters, RequestOptions? options)
    {
        if (method == HttpMethod.Post)
        {
            return Create(method, path, constant: null, query: null, encodedParameters is null ? [] : Encoding.ASCII.GetBytes(encodedParameters), options);
        }

        return Create(method, path, constant: null, encodedParameters, body: null, options);
    }

    private PreparedRequest Create(HttpMethod method, string path, ConstantPath? constant, string? query, byte[]? body, RequestOptions? options)
    {
        var apiKey = options?.ApiKey;
        if (apiKey is not null && ApiKeyValidator.Problem(apiKey, "RequestOptions.ApiKey") is { } keyProblem)
        {
            throw new ArgumentException(keyProblem, nameof(options));
        }

        // The same rules as the client-wide default, so "acct_1 " fails here instead of reaching the header.
        if (StripeAccountValidator.Problem(options?.StripeAccount, "RequestOptions.StripeAccount") is { } accountProblem)
        {
            throw new ArgumentException(accountProblem, nameof(options));
        }

        var version = options?.ApiVersion ?? _options.ApiVersion;
        if (string.IsNullOrWhiteSpace(version) || !IsHeaderSafe(version) || version.Trim().Length != version.Length)
        {
            throw new ArgumentException("RequestOptions.ApiVersion must be a Stripe API version such as " + ConnectClientOptions.DefaultApiVersion + ".", nameof(options));
        }

        string? idempotencyKey = null;
        if (method == HttpMethod.Post)
        {
            idempotencyKey = options?.IdempotencyKey;
            if (idempotencyKey is null)
            {
                // Fixed here, once per call, so every retry of this POST carries the same key.
                idempotencyKey = IdempotencyKeys.New();
            }
            else if (idempotencyKey.Length is 0 or > 255 || !IsHeaderSafe(idempotencyKey))
            {
                throw new ArgumentException("RequestOptions.IdempotencyKey must be 1 to 255 printable ASCII characters.", nameof(options));
            }
        }

        Uri uri;
        if (query is { Length: > 0 })
        {
            uri = new Uri(string.Concat(_baseUrl, path, "?", query), UriKind.Absolute);
        }
        else
        {
            uri = constant is null ? new Uri(_baseUrl + path, UriKind.Absolute) : constant.ResolveAgainst(_baseUrl);
        }

        return new PreparedRequest
        {
            Method = method,
            Path = path,
            Uri = uri,
            Body = body,
            Options = options,
            IdempotencyKey = idempotencyKey,
        };
    }

    /// <summary>Runs every attempt of a call and returns the typed result or throws the typed error.</summary>
    public async Task<T> SendAsync<T>(PreparedRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        // The activity name is only built when someone listens: no string per call otherwise.
        using var activity = ConnectTelemetry.Source.HasListeners()
            ? ConnectTelemetry.Source.StartActivity("Stripe " + request.Method.Method, ActivityKind.Client)
            : null;
        if (activity is not null)
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("url.path", request.Path);
            activity.SetTag("server.address", request.Uri.Host);
            if (request.StripeAccount(_defaults) is { } account)
            {
                activity.SetTag("stripe.account", account);
            }
        }

        var started = _time.GetTimestamp();
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RequestKey, request);
        object result;
        try
        {
            result = await _resilience.ExecuteAsync<object, (ConnectPipeline Self, PreparedRequest Request, JsonTypeInfo<T> TypeInfo)>(
                static (ctx, state) => state.Self.AttemptAsync(state.Request, state.TypeInfo, ctx.CancellationToken),
                context,
                (Self: this, Request: request, TypeInfo: typeInfo)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "canceled");
            throw;
        }
        catch (Exception e) when (IsTransport(e, cancellationToken) || e is TimeoutRejectedException or RateLimiterRejectedException)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            var what = e is TimeoutRejectedException or OperationCanceledException
                ? $"every attempt timed out (limit {_options.Timeout.TotalSeconds:0.###} s per attempt)"
                : "the connection failed";
            throw new ApiConnectionException(
                $"Could not get a response from Stripe for {request.Method.Method} {request.Path} after {request.Attempts} attempt(s): {what}. "
                + (request.IdempotencyKey is null ? "It is safe to retry." : "Retrying with the same idempotency key is safe."),
                e,
                request.IdempotencyKey);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            var elapsed = _time.GetElapsedTime(started);
            if (ConnectTelemetry.Duration.Enabled)
            {
                ConnectTelemetry.Duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("http.request.method", request.Method.Method));
            }

            activity?.SetTag("stripe.attempts", request.Attempts);
        }

        if (result is AttemptFailure { Error: var error })
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            activity?.SetTag("http.response.status_code", (int?)error.HttpStatusCode);
            activity?.SetTag("stripe.request_id", error.RequestId);
            throw error;
        }

        return (T)result;
    }

    public void Dispose()
    {
        _replenishTimer?.Dispose();
        _rateLimiter?.Dispose();
    }

    /// <summary>One attempt: the value of type <typeparamref name="T"/>, or an <see cref="AttemptFailure"/>.</summary>
    private async ValueTask<object> AttemptAsync<T>(PreparedRequest request, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
        where T : class
    {
        var attempt = ++request.Attempts;
        var started = _time.GetTimestamp();
        HttpResponseMessage response;
        using var message = request.CreateMessage(_defaults);
        try
        {
            // An HttpClient is asked not to buffer the body (it is read into a pooled buffer below); a bare handler
            // returns after the headers anyway.
            response = await (_client is { } client
                ? client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                : _transport.SendAsync(message, cancellationToken)).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (ConnectTelemetry.Requests.Enabled)
            {
                ConnectTelemetry.Requests.Add(1, new KeyValuePair<string, object?>("http.request.method", request.Method.Method), new KeyValuePair<string, object?>("error.type", e.GetType().Name));
            }

            ConnectLog.AttemptFailed(_logger, request.Method.Method, request.Path, attempt, _time.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name);
            throw;
        }

        using (response)
        {
            var status = response.StatusCode;
            var requestId = SecretRedactor.RedactOrNull(StripeResponse.HeaderValue(response.Headers, "Request-Id"));
            if (ConnectTelemetry.Requests.Enabled)
            {
                ConnectTelemetry.Requests.Add(1, new KeyValuePair<string, object?>("http.request.method", request.Method.Method), new KeyValuePair<string, object?>("http.response.status_code", (int)status));
            }

            if (response.IsSuccessStatusCode)
            {
                T? value;
                try
                {
                    value = await ReadJsonAsync(response.Content, typeInfo, cancellationToken).ConfigureAwait(false);
                }
                catch (ResponseTooLargeException)
                {
                    ConnectLog.AttemptFailed(_logger, request.Method.Method, request.Path, attempt, _time.GetElapsedTime(started).TotalMilliseconds, "body too large");
                    var failure = new ApiException(
                        $"Stripe answered {request.Method.Method} {request.Path} with HTTP {(int)status}, but the body is larger than {MaxResponseBytes / (1024 * 1024)} MB, the most the SDK reads; it was not read.",
                        status,
                        null,
                        requestId,
                        null);
                    return new AttemptFailure(failure, retryable: false, retryAfter: null);
                }
                catch (JsonException e)
                {
                    ConnectLog.AttemptFailed(_logger, request.Method.Method, request.Path, attempt, _time.GetElapsedTime(started).TotalMilliseconds, "unreadable JSON");
                    var failure = new ApiException(
                        $"Stripe answered {request.Method.Method} {request.Path} with HTTP {(int)status}, but the body is not valid JSON for the expected object ({SecretRedactor.Redact(e.Message)}).",
                        status,
                        null,
                        requestId,
                        null);
                    return new AttemptFailure(failure, retryable: false, retryAfter: null);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
                {
                    ConnectLog.AttemptFailed(_logger, request.Method.Method, request.Path, attempt, _time.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name);
                    throw;
                }

                if (value is null)
                {
                    var failure = new ApiException($"Stripe answered {request.Method.Method} {request.Path} with HTTP {(int)status} and a null body.", status, null, requestId, null);
                    return new AttemptFailure(failure, retryable: false, retryAfter: null);
                }

                if (value is StripeEntity entity)
                {
                    entity.StripeResponse = new StripeResponse(status, response.Headers, requestId, request.IdempotencyKey, attempt);
                }

                var elapsedMs = _time.GetElapsedTime(started).TotalMilliseconds;
                ConnectLog.AttemptSucceeded(_logger, request.Method.Method, request.Path, attempt, (int)status, elapsedMs, requestId);
                return value;
            }

            var body = await ReadBoundedAsync(response.Content, cancellationToken).ConfigureAwait(false);
            var error = ErrorMapper.Map(status, requestId, body);
            var retryable = RetryRules.ShouldRetry(status, response.Headers);
            var refusedMs = _time.GetElapsedTime(started).TotalMilliseconds;
            ConnectLog.AttemptRefused(_logger, request.Method.Method, request.Path, attempt, (int)status, refusedMs, requestId, error.StripeError?.Type, error.StripeError?.Code, retryable);
            return new AttemptFailure(error, retryable, RetryRules.RetryAfter(response.Headers, _time.GetUtcNow()));
        }
    }

    /// <summary>
    /// Reads a success body: the content is copied into a pooled <see cref="ResponseBodyBuffer"/> (sized from
    /// <c>Content-Length</c> when the server sends it), then the source-generated contract reads the bytes in one
    /// synchronous pass. No string is ever made of the body. Measured (docs/benchmarks.md):
    /// <see cref="JsonSerializer.DeserializeAsync{TValue}(Stream, JsonTypeInfo{TValue}, CancellationToken)"/> took 13–18%
    /// longer on an account, its resumable converters paying for being able to stop at any byte; the copy itself is
    /// still asynchronous. The buffer enforces the <see cref="MaxResponseBytes"/> cap on every write.
    /// </summary>
    private static async ValueTask<T?> ReadJsonAsync<T>(HttpContent content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var body = ResponseBodyBuffer.Rent(content, MaxResponseBytes);
        try
        {
            await content.CopyToAsync(body, cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize(body.Written, typeInfo);
        }
        finally
        {
            ResponseBodyBuffer.Return(body);
        }
    }

    private static async Task<string> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 4096, leaveOpen: true);
            var buffer = new char[MaxErrorBodyChars];
            var total = 0;
            int read;
            while (total < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
            {
                total += read;
            }

            return new string(buffer, 0, total);
        }
    }

    private ResiliencePipeline BuildResilience()
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (_options.MaxNetworkRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.MaxNetworkRetries,
                ShouldHandle = static args => ValueTask.FromResult(
                    args.Outcome.Result is AttemptFailure { Retryable: true }
                    || args.Outcome.Exception is TimeoutRejectedException
                    || IsTransport(args.Outcome.Exception, args.Context.CancellationToken)),
                DelayGenerator = args =>
                {
                    var delay = args.Outcome.Result is AttemptFailure { RetryAfter: { } retryAfter }
                        ? retryAfter
                        : RetryRules.Backoff(args.AttemptNumber, _options.InitialRetryDelay, _options.MaxRetryDelay, Random.Shared.NextDouble());
                    return ValueTask.FromResult<TimeSpan?>(delay);
                },
                OnRetry = args =>
                {
                    ConnectTelemetry.Retries.Add(1);
                    if (args.Context.Properties.TryGetValue(RequestKey, out var retried))
                    {
                        ConnectLog.Retrying(_logger, retried.Method.Method, retried.Path, args.RetryDelay.TotalMilliseconds, args.AttemptNumber + 1);
                    }

                    return default;
                },
            });
        }

        if (_rateLimiter is not null)
        {
            var limiter = _rateLimiter;
            builder.AddRateLimiter(new RateLimiterStrategyOptions
            {
                RateLimiter = args => limiter.AcquireAsync(1, args.Context.CancellationToken),
            });
        }

        if (_options.Timeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(_options.Timeout);
        }

        return builder.Build();
    }

    private static (RateLimiter Limiter, ITimer Timer) CreateRateLimiter(double perSecond, TimeProvider time)
    {
        // One token per period, replenished by a timer of the injected TimeProvider so tests control time.
        var period = TimeSpan.FromSeconds(1 / perSecond);
        if (period < TimeSpan.FromMilliseconds(1))
        {
            period = TimeSpan.FromMilliseconds(1);
        }

        var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            // Our timer sets the pace; the limiter's own period only gates manual replenishment, so keep it tiny.
            ReplenishmentPeriod = TimeSpan.FromTicks(1),
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        var timer = time.CreateTimer(static state => ((TokenBucketRateLimiter)state!).TryReplenish(), limiter, period, period);
        return (limiter, timer);
    }

    private static bool IsTransport(Exception? e, CancellationToken callerToken) => e switch
    {
        HttpRequestException => true,
        IOException => true,
        // HttpClient.Timeout on a caller-supplied client surfaces as a cancellation the caller did not ask for.
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => false,
    };

    private static bool IsHeaderSafe(string value)
    {
        foreach (var c in value)
        {
            if (c < 0x20 || c >= 0x7F)
            {
                return false;
            }
        }

        return true;
    }

    private static string BuildUserAgent(AppInfo? app)
    {
        var agent = "Stripe.Connect.Client/" + ConnectTelemetry.Version;
        if (app?.Name is { Length: > 0 } name)
        {
            agent += " " + Clean(name) + (app.Version is { Length: > 0 } v ? "/" + Clean(v) : string.Empty);
            if (app.Url is { Length: > 0 } url)
            {
                agent += " (" + Clean(url) + ")";
            }
        }

        return agent;

        static string Clean(string text)
        {
            var chars = text.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                if (chars[i] < 0x20 || chars[i] >= 0x7F || chars[i] is '(' or ')')
                {
                    chars[i] = '_';
                }
            }

            return new string(chars).Replace(' ', '_');
        }
    }
}
