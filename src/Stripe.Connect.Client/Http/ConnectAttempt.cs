using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Polly;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client.Http;

/// <summary>
/// The third room of a call: one attempt. It builds the message from the <see cref="PreparedRequest"/>, sends it,
/// refuses redirects, reads the body (into a pooled buffer, never a string) and returns the typed value, or throws
/// the typed failure: a <see cref="StripeException"/> marked retryable or not, an <see cref="OperationCanceledException"/>
/// when the caller cancelled, an <see cref="ObjectDisposedException"/> when the client was disposed. Every failed attempt
/// is logged and counted in one place, <see cref="Failed"/>. One instance per client; thread-safe.
/// </summary>
internal sealed class ConnectAttempt
{
    /// <summary>
    /// The largest success body the SDK reads: 16 MB. A Stripe object or list page (at most 100 objects) is a few
    /// hundred KB at most. Without a cap, a broken proxy or a rogue endpoint streaming a huge body was buffered
    /// whole, several times over. A larger body is refused with an <see cref="ApiException"/> that is not retried.
    /// </summary>
    internal const long MaxResponseBytes = 16 * 1024 * 1024;

    private const int MaxErrorBodyChars = 64 * 1024;

    private readonly HttpMessageInvoker _transport;
    private readonly HttpClient? _client;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly CancellationToken _disposal;

    /// <param name="transport">
    /// What sends: a caller's <see cref="HttpClient"/> (its own settings then apply), or an
    /// <see cref="HttpMessageInvoker"/> straight over a handler.
    /// </param>
    /// <param name="logger">Where attempts are logged.</param>
    /// <param name="time">The clock for the elapsed times in the logs.</param>
    /// <param name="timeout">The per-attempt time-out, for messages.</param>
    /// <param name="disposal">Cancelled when the client is disposed.</param>
    public ConnectAttempt(HttpMessageInvoker transport, ILogger logger, TimeProvider time, TimeSpan timeout, CancellationToken disposal)
    {
        _transport = transport;
        _client = transport as HttpClient;
        _logger = logger;
        _time = time;
        _timeout = timeout;
        _disposal = disposal;
    }

    /// <summary>Sends the request once and reads its answer.</summary>
    /// <typeparam name="T">The type of the result.</typeparam>
    /// <param name="context">The call's resilience context, where the attempts are counted; <see langword="null"/> for a first attempt run without the pipeline.</param>
    /// <param name="request">The prepared call.</param>
    /// <param name="reader">How the body becomes the result.</param>
    /// <param name="callerToken">The caller's own token, to tell its cancellation from a time-out.</param>
    /// <param name="cancellationToken">What ends this attempt: its time-out, the caller's token, the client's disposal.</param>
    /// <returns>The result, with its <see cref="StripeResponse"/>.</returns>
    public async ValueTask<StripeEntity> SendAsync<T>(ResilienceContext? context, PreparedRequest request, ResponseReader<T> reader, CancellationToken callerToken, CancellationToken cancellationToken)
        where T : StripeEntity
    {
        if (_disposal.IsCancellationRequested)
        {
            throw ConnectPipeline.Disposed(request);
        }

        var attempt = context is null ? 1 : AttemptCounter.Next(context);
        var started = _time.GetTimestamp();
        HttpResponseMessage response;
        using var message = request.CreateMessage();
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
            // The caller's cancellation, or an HttpClient the caller gave and then disposed, is theirs to see as it is.
            var failure = callerToken.IsCancellationRequested ? Cancelled(e, callerToken)
                : e is ObjectDisposedException && !_disposal.IsCancellationRequested ? e
                : NoResponse(request, e);
            if (ConnectTelemetry.Requests.Enabled)
            {
                ConnectTelemetry.Requests.Add(1, new KeyValuePair<string, object?>("http.request.method", request.Method.Method), new KeyValuePair<string, object?>("error.type", e.GetType().Name));
            }

            _ = Failed(request, attempt, started, failure);
            if (ReferenceEquals(failure, e))
            {
                throw;
            }

            throw failure;
        }

        using (response)
        {
            var status = response.StatusCode;
            var requestId = SecretRedactor.RedactOrNull(StripeResponse.HeaderValue(response.Headers, "Request-Id"));
            if (ConnectTelemetry.Requests.Enabled)
            {
                ConnectTelemetry.Requests.Add(1, new KeyValuePair<string, object?>("http.request.method", request.Method.Method), new KeyValuePair<string, object?>("http.response.status_code", (int)status));
            }

            if ((int)status is >= 300 and < 400)
            {
                throw Failed(request, attempt, started, Redirected(request, response, requestId));
            }

            // A caller's HttpClient may follow redirects despite the SDK: then the answer is from somewhere else.
            if (response.RequestMessage?.RequestUri is { } answeredFrom && !ReferenceEquals(answeredFrom, request.Uri) && answeredFrom != request.Uri)
            {
                throw Failed(request, attempt, started, FollowedRedirect(request, status, answeredFrom, requestId));
            }

            if (!response.IsSuccessStatusCode)
            {
                string body;
                string? readProblem = null;
                try
                {
                    body = await ReadErrorBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    if (callerToken.IsCancellationRequested || _disposal.IsCancellationRequested)
                    {
                        throw Rethrown(request, attempt, started, e, callerToken);
                    }

                    // The status is known: the call still fails with the error it names, just without its details.
                    body = string.Empty;
                    readProblem = BodyReadProblem(e, response.Content);
                }

                var error = ErrorMapper.Map(status, requestId, body, readProblem);
                error.Retryable = RetryRules.ShouldRetry(status, response.Headers);
                error.RetryAfter = RetryRules.RetryAfter(response.Headers, _time.GetUtcNow());
                throw Failed(request, attempt, started, error);
            }

            T? value;
            try
            {
                value = await ReadJsonAsync(response.Content, reader, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                throw callerToken.IsCancellationRequested || _disposal.IsCancellationRequested
                    ? Rethrown(request, attempt, started, e, callerToken)
                    : Failed(request, attempt, started, UnreadableBody(request, status, requestId, response.Content, e));
            }

            if (value is null)
            {
                throw Failed(request, attempt, started, new ApiException($"Stripe answered {request.Method.Method} {request.Path} with HTTP {(int)status} and a null body.", status, null, requestId, null));
            }

            value.StripeResponse = new StripeResponse(status, response.Headers, requestId, request.IdempotencyKey, attempt);
            var elapsedMs = _time.GetElapsedTime(started).TotalMilliseconds;
            ConnectLog.AttemptSucceeded(_logger, request.Method.Method, request.Path, attempt, (int)status, elapsedMs, requestId);
            return value;
        }
    }

    /// <summary>
    /// Reads a success body: the content is copied into a pooled <see cref="ResponseBodyBuffer"/> (sized from
    /// <c>Content-Length</c> when the server sends it), then the <see cref="ResponseReader{T}"/> (the record's
    /// generated converter, or a page's source-generated contract) reads the bytes in one synchronous pass. No string
    /// is ever made of the body. Measured (docs/benchmarks.md):
    /// <see cref="JsonSerializer.DeserializeAsync{TValue}(Stream, JsonTypeInfo{TValue}, CancellationToken)"/> took 13–18%
    /// longer on an account, its resumable converters paying for being able to stop at any byte; the copy itself is
    /// still asynchronous. The buffer enforces the <see cref="MaxResponseBytes"/> cap on every write.
    /// </summary>
    private static async ValueTask<T?> ReadJsonAsync<T>(HttpContent content, ResponseReader<T> reader, CancellationToken cancellationToken)
        where T : class
    {
        var body = ResponseBodyBuffer.Rent(content, MaxResponseBytes);
        try
        {
            await content.CopyToAsync(body, cancellationToken).ConfigureAwait(false);

            // A socket handler enforces Content-Length itself; a handler of the caller's may not.
            if (body.Declared is { } length && body.Length != length)
            {
                throw new BodyLengthMismatchException(body.Length, length);
            }

            return reader.Read(body.Written);
        }
        finally
        {
            ResponseBodyBuffer.Return(body);
        }
    }

    private static async Task<string> ReadErrorBodyAsync(HttpContent content, CancellationToken cancellationToken)
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

    /// <summary>The failure of an attempt that got no response at all.</summary>
    private Exception NoResponse(PreparedRequest request, Exception e)
    {
        if (_disposal.IsCancellationRequested)
        {
            return ConnectPipeline.Disposed(request);
        }

        // Not the caller's token (that case is rethrown as it is): the attempt's time-out, or HttpClient.Timeout.
        if (e is OperationCanceledException or TimeoutException)
        {
            return ConnectionFailure(request, e, $"the attempt timed out (limit {_timeout.TotalSeconds:0.###} s per attempt)", retryable: true);
        }

        if (e is HttpRequestException or IOException)
        {
            return ConnectionFailure(request, e, "the connection failed", retryable: true);
        }

        // A handler of the caller's threw something no transport throws: retrying would only repeat it.
        return ConnectionFailure(request, e, $"the HTTP handler failed ({e.GetType().Name}: {SecretRedactor.Redact(e.Message)})", retryable: false);
    }

    /// <summary>What a failure becomes once the caller cancelled: the cancellation, whatever the transport threw.</summary>
    private static OperationCanceledException Cancelled(Exception e, CancellationToken callerToken) =>
        e as OperationCanceledException ?? new OperationCanceledException("The call was canceled.", e, callerToken);

    /// <summary>The failure of a body read cut short by the caller's cancellation or the client's disposal, logged.</summary>
    private Exception Rethrown(PreparedRequest request, int attempt, long started, Exception e, CancellationToken callerToken) =>
        Failed(request, attempt, started, callerToken.IsCancellationRequested ? Cancelled(e, callerToken) : ConnectPipeline.Disposed(request));

    /// <summary>The failure of an attempt whose success body could not be read.</summary>
    private Exception UnreadableBody(PreparedRequest request, HttpStatusCode status, string? requestId, HttpContent content, Exception e)
    {
        var answered = $"Stripe answered {request.Method.Method} {request.Path} with HTTP {(int)status}, but";
        return e switch
        {
            ResponseTooLargeException => new ApiException($"{answered} the body is larger than {MaxResponseBytes / (1024 * 1024)} MB, the most the SDK reads; it was not read.", status, null, requestId, null),
            JsonException => new ApiException($"{answered} the body is not valid JSON for the expected object ({SecretRedactor.Redact(e.Message)}).", status, null, requestId, null),
            BodyLengthMismatchException { Received: var received, Declared: var declared } when received > declared =>
                new ApiException($"{answered} the body is longer than its Content-Length ({declared} bytes declared, at least {received} received); it was discarded.", status, null, requestId, null),
            BodyLengthMismatchException { Received: var received, Declared: var declared } =>
                ConnectionFailure(request, e, $"the body ended after {received} of its {declared} bytes", retryable: true),
            OperationCanceledException => ConnectionFailure(request, e, $"the attempt timed out while the body was read (limit {_timeout.TotalSeconds:0.###} s per attempt)", retryable: true),
            HttpRequestException or IOException => ConnectionFailure(request, e, "the connection failed before the body was complete", retryable: true),
            // A body that is not what its Content-Encoding says (gzip, deflate, brotli) fails the decoder the same
            // way every time: not retried, like a body that is not JSON.
            _ => new ApiException($"{answered} {BodyReadProblem(e, content)}.", status, null, requestId, null),
        };
    }

    /// <summary>Why a body could not be read, in words; never the body itself.</summary>
    private string BodyReadProblem(Exception e, HttpContent content) => e switch
    {
        OperationCanceledException => $"it did not arrive before the attempt's time-out ({_timeout.TotalSeconds:0.###} s)",
        BodyLengthMismatchException { Received: var received, Declared: var declared } => $"it had {received} bytes where its Content-Length declared {declared}",
        HttpRequestException or IOException => "the connection failed before the body was complete",
        _ => $"the body could not be decoded{EncodingNote(content)} ({e.GetType().Name}: {SecretRedactor.Redact(e.Message)})",
    };

    private static string EncodingNote(HttpContent content) =>
        StripeResponse.HeaderValue(content.Headers, "Content-Encoding") is { } encoding
            ? $" as its Content-Encoding ({SecretRedactor.Redact(encoding)}) says"
            : string.Empty;

    private static ApiException Redirected(PreparedRequest request, HttpResponseMessage response, string? requestId)
    {
        var status = (int)response.StatusCode;
        return new ApiException(
            $"Stripe's API answered {request.Method.Method} {request.Path} with HTTP {status}, a redirect to {RedirectTarget(response, request.Uri)}. "
            + "The SDK never follows redirects (Stripe's API does not send them), so nothing was sent there and the call is not retried; check BaseAddress and any proxy on the way.",
            response.StatusCode,
            null,
            requestId,
            null);
    }

    private static ApiException FollowedRedirect(PreparedRequest request, HttpStatusCode status, Uri answeredFrom, string? requestId) => new(
        $"The answer to {request.Method.Method} {request.Path} (HTTP {(int)status}) came from host {SecretRedactor.Redact(answeredFrom.Authority)}, not {request.Uri.Authority}: "
        + "the HttpClient given to the ConnectClient followed a redirect. Stripe's API never redirects, so the answer was discarded and the call is not retried; "
        + "turn automatic redirects off on that client's handler (AllowAutoRedirect = false).",
        status,
        null,
        requestId,
        null);

    /// <summary>The host a redirect points to (host and port only: a path or query may hold anything).</summary>
    private static string RedirectTarget(HttpResponseMessage response, Uri sent)
    {
        if (response.Headers.Location is not { } location)
        {
            return "an unknown place (no usable Location header)";
        }

        try
        {
            var target = location.IsAbsoluteUri ? location : new Uri(sent, location);
            return "host " + SecretRedactor.Redact(target.Authority);
        }
        catch (UriFormatException)
        {
            return "an unknown place (no usable Location header)";
        }
    }

    private static ApiConnectionException ConnectionFailure(PreparedRequest request, Exception e, string what, bool retryable) => new(
        $"Could not get a response from Stripe for {request.Method.Method} {request.Path}: {what}.",
        e,
        request.IdempotencyKey)
    {
        AttemptFailure = what,
        Retryable = retryable,
    };

    /// <summary>The one place a failed attempt is logged; returns <paramref name="error"/> for the caller to throw.</summary>
    private Exception Failed(PreparedRequest request, int attempt, long started, Exception error)
    {
        var elapsedMs = _time.GetElapsedTime(started).TotalMilliseconds;
        if (error is StripeException { HttpStatusCode: { } status } answered && (int)status >= 400)
        {
            ConnectLog.AttemptRefused(_logger, request.Method.Method, request.Path, attempt, (int)status, elapsedMs, answered.RequestId, answered.StripeError?.Type, answered.StripeError?.Code, answered.Retryable);
            return error;
        }

        var kind = error switch
        {
            StripeException { HttpStatusCode: { } answeredStatus } => $"HTTP {(int)answeredStatus} not usable ({error.GetType().Name})",
            ApiConnectionException { AttemptFailure: { } what, InnerException: { } inner } => $"{inner.GetType().Name}, {what}",
            _ => error.GetType().Name,
        };
        ConnectLog.AttemptFailed(_logger, request.Method.Method, request.Path, attempt, elapsedMs, kind);
        return error;
    }
}
