using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Polly;
using Stripe.Connect.Client.Form;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client.Http;

/// <summary>
/// One client's path for every call, through three rooms: <see cref="RequestPreparer"/> (check, encode, fix the
/// request and its idempotency key), <see cref="ConnectResilience"/> (the Polly pipeline, built once, and entered only when needed) and
/// <see cref="ConnectAttempt"/> (send, read, map). This class only joins them: it opens the call's activity, runs the
/// attempts, turns whatever ends the call into one of the types a caller may see, and stops every call once the
/// client is disposed. Thread-safe.
/// </summary>
internal sealed class ConnectPipeline : IDisposable
{
    private readonly RequestPreparer _requests;
    private readonly ConnectResilience _resilience;
    private readonly ConnectAttempt _attempt;
    private readonly TimeProvider _time;

    // Cancelled (never disposed: calls in flight may still link to it) when the client is disposed.
    private readonly CancellationTokenSource _lifetime = new();

    /// <param name="transport">What sends each attempt: a caller's <see cref="HttpClient"/> or an invoker over a handler.</param>
    /// <param name="options">The validated settings, a snapshot no one else changes.</param>
    /// <param name="loggerFactory">Where attempts are logged, if anywhere.</param>
    /// <param name="timeProvider">The clock; the system clock when <see langword="null"/>.</param>
    public ConnectPipeline(HttpMessageInvoker transport, ConnectClientOptions options, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        var logger = (ILogger?)loggerFactory?.CreateLogger("Stripe.Connect.Client") ?? SilentLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
        _requests = new RequestPreparer(options);
        _resilience = new ConnectResilience(options, logger, _time);
        _attempt = new ConnectAttempt(transport, logger, _time, options.Timeout, _lifetime.Token);
    }

    /// <summary>The second room, for tests of when its pipeline is built.</summary>
    internal ConnectResilience Resilience => _resilience;

    /// <summary><see langword="true"/> once the client is disposed.</summary>
    public bool IsDisposed => _lifetime.IsCancellationRequested;

    /// <summary>The error of a call made, or cut short, after the client was disposed.</summary>
    /// <param name="request">The call cut short, or <see langword="null"/> for one that never started.</param>
    /// <returns>The exception, naming <see cref="ConnectClient"/>.</returns>
    public static ObjectDisposedException Disposed(PreparedRequest? request) => request is null
        ? new ObjectDisposedException(nameof(ConnectClient))
        : new ObjectDisposedException(
            nameof(ConnectClient),
            $"The ConnectClient was disposed during {request.Method.Method} {request.Path}; no further attempt was made."
            + (request.IdempotencyKey is null ? string.Empty : $" It may have reached Stripe: repeat it with idempotency key {request.IdempotencyKey} on a new client."));

    /// <summary>Throws <see cref="ObjectDisposedException"/> once the client is disposed.</summary>
    public void ThrowIfDisposed()
    {
        if (IsDisposed)
        {
            throw Disposed(null);
        }
    }

    /// <summary>Prepares one call (see <see cref="RequestPreparer.Prepare"/>).</summary>
    /// <param name="method">GET, POST or DELETE.</param>
    /// <param name="path">The path, ids escaped.</param>
    /// <param name="fixedPath">The path as a <see cref="ConstantPath"/> when it has no ids, else <see langword="null"/>.</param>
    /// <param name="parameters">The body or query, or <see langword="null"/>.</param>
    /// <param name="options">The caller's per-call options, or <see langword="null"/>.</param>
    /// <param name="host">The host the path is on (the API unless the operation names connect.stripe.com).</param>
    /// <returns>The prepared request.</returns>
    public PreparedRequest Prepare(HttpMethod method, string path, ConstantPath? fixedPath, IFormEncodable? parameters, RequestOptions? options, ApiHost host = ApiHost.Api)
    {
        ThrowIfDisposed();
        return _requests.Prepare(method, path, fixedPath, parameters, options, host);
    }

    /// <summary>Prepares one v2 call (see <see cref="RequestPreparer.PrepareV2"/>).</summary>
    /// <param name="method">GET, POST or DELETE.</param>
    /// <param name="path">The path, ids escaped; a page URL may carry its own query.</param>
    /// <param name="fixedPath">The path as a <see cref="ConstantPath"/> when it has no ids, else <see langword="null"/>.</param>
    /// <param name="query">The query, or <see langword="null"/>.</param>
    /// <param name="body">The JSON body of a POST, or <see langword="null"/>.</param>
    /// <param name="options">The caller's per-call options, or <see langword="null"/>.</param>
    /// <returns>The prepared request.</returns>
    public PreparedRequest PrepareV2(HttpMethod method, string path, ConstantPath? fixedPath, IFormEncodable? query, Json.IJsonEncodable? body, RequestOptions? options)
    {
        ThrowIfDisposed();
        return _requests.PrepareV2(method, path, fixedPath, query, body, options);
    }

    /// <summary>Runs every attempt of a call and returns the typed result or throws the typed error.</summary>
    /// <typeparam name="T">The type of the result.</typeparam>
    /// <param name="request">The prepared call.</param>
    /// <param name="reader">How the body becomes the result.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The result.</returns>
    public async Task<T> SendAsync<T>(PreparedRequest request, ResponseReader<T> reader, CancellationToken cancellationToken)
        where T : StripeEntity
    {
        ThrowIfDisposed();

        // The activity name is only built when someone listens: no string per call otherwise.
        using var activity = ConnectTelemetry.Source.HasListeners()
            ? ConnectTelemetry.Source.StartActivity("Stripe " + request.Method.Method, ActivityKind.Client)
            : null;
        if (activity is not null)
        {
            activity.SetTag("http.request.method", request.Method.Method);
            activity.SetTag("url.path", request.Path);
            activity.SetTag("server.address", request.Uri.Host);
            if (request.StripeAccount is { } account)
            {
                activity.SetTag("stripe.account", account);
            }
        }

        // Disposal ends the call too. Without a caller token there is nothing to link: the common case allocates nothing.
        var linked = cancellationToken.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token) : null;
        var started = _time.GetTimestamp();
        var token = linked?.Token ?? _lifetime.Token;

        // The call's pooled Polly context (its attempt counter and the request, for the retry's log line) is only
        // taken when the pipeline runs: a first attempt that runs directly and succeeds needs none.
        ResilienceContext? context = null;
        var attempts = 0;
        StripeEntity result;
        try
        {
            if (_resilience.RunsFirstAttemptDirectly)
            {
                _resilience.ThrowIfCancelledBeforeStart(token);
                attempts = 1;
                try
                {
                    result = await _resilience.FirstAttemptAsync(_attempt, request, reader, cancellationToken, token).ConfigureAwait(false);
                }
                catch (Exception first) when (_resilience.RetriesAfter(first, token))
                {
                    context = CallContext(request, firstAttemptMade: true, token);
                    result = await _resilience.RetryAsync(context, first, _attempt, request, reader, cancellationToken).ConfigureAwait(false);
                }
            }
            else
            {
                context = CallContext(request, firstAttemptMade: false, token);
                result = await _resilience.ExecuteAsync(context, _attempt, request, reader, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e)
        {
            if (context is not null)
            {
                attempts = AttemptCounter.Read(context);
            }

            var failure = Final(request, e, attempts, cancellationToken);
            activity?.SetStatus(ActivityStatusCode.Error, failure is OperationCanceledException ? "canceled" : failure.GetType().Name);
            if (failure is StripeException stripe)
            {
                activity?.SetTag("http.response.status_code", (int?)stripe.HttpStatusCode);
                activity?.SetTag("stripe.request_id", stripe.RequestId);
            }

            if (ReferenceEquals(failure, e))
            {
                throw;
            }

            throw failure;
        }
        finally
        {
            if (context is not null)
            {
                attempts = AttemptCounter.Read(context);
                ResilienceContextPool.Shared.Return(context);
            }

            linked?.Dispose();
            if (ConnectTelemetry.Duration.Enabled)
            {
                ConnectTelemetry.Duration.Record(_time.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("http.request.method", request.Method.Method));
            }

            activity?.SetTag("stripe.attempts", attempts);
        }

        if (result is not T typed)
        {
            // Only a fallback strategy of the caller's can put another object here.
            throw new StripeException($"A resilience strategy returned {result?.GetType().Name ?? "null"} for {request.Method.Method} {request.Path}, which returns {typeof(T).Name}.");
        }

        return typed;
    }

    /// <summary>A pooled context for the pipeline, holding the request and, after a direct first attempt, its count.</summary>
    private static ResilienceContext CallContext(PreparedRequest request, bool firstAttemptMade, CancellationToken token)
    {
        var context = ResilienceContextPool.Shared.Get(token);
        context.Properties.Set(CallContextKeys.Request, request);
        if (firstAttemptMade)
        {
            AttemptCounter.Next(context);
        }

        return context;
    }

    /// <summary>Stops every call: later ones throw <see cref="ObjectDisposedException"/>, calls in flight end without another attempt.</summary>
    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        _lifetime.Cancel();
        _resilience.Dispose();
    }

    /// <summary>
    /// What the caller sees when the call failed: the caller's cancellation as it is, the client's disposal as
    /// <see cref="ObjectDisposedException"/>, the last attempt's <see cref="StripeException"/> (a connection failure
    /// restated with the number of attempts), and anything else (a strategy's rejection, such as an open circuit) as an
    /// <see cref="ApiConnectionException"/> around it.
    /// </summary>
    private Exception Final(PreparedRequest request, Exception e, int attempts, CancellationToken callerToken)
    {
        if (callerToken.IsCancellationRequested)
        {
            return e as OperationCanceledException ?? new OperationCanceledException("The call was canceled.", e, callerToken);
        }

        var retry = request.IdempotencyKey is null ? "It is safe to retry." : "Retrying with the same idempotency key is safe.";
        if (e is ApiConnectionException { AttemptFailure: { } what } connection)
        {
            return new ApiConnectionException(
                $"Could not get a response from Stripe for {request.Method.Method} {request.Path} after {attempts} attempt(s): {what}. {retry}",
                connection.InnerException,
                request.IdempotencyKey);
        }

        if (e is StripeException)
        {
            // An answer that arrived before the disposal is still the most precise thing to report.
            return e;
        }

        if (IsDisposed)
        {
            // Whatever the disposal cut short (a rate limiter, a handler, a retry delay) is reported as the client's.
            return e is ObjectDisposedException { ObjectName: nameof(ConnectClient) } ? e : Disposed(request);
        }

        return e switch
        {
            ObjectDisposedException => e,
            _ => new ApiConnectionException(
                $"Stripe {request.Method.Method} {request.Path} was stopped by a resilience strategy after {attempts} attempt(s): {e.GetType().Name}: {SecretRedactor.Redact(e.Message)} {retry}",
                e,
                request.IdempotencyKey),
        };
    }
}
