using Microsoft.Extensions.Logging;

namespace Stripe.Connect.Client.Http;

/// <summary>
/// The SDK's log lines: one per attempt. They carry the method, path, status, request id, attempt number and
/// time taken, never a key, a header value or a body.
/// </summary>
internal static partial class ConnectLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Stripe {Method} {Path} attempt {Attempt}: HTTP {StatusCode} in {ElapsedMs:0.0} ms, request {RequestId}")]
    public static partial void AttemptSucceeded(ILogger logger, string method, string path, int attempt, int statusCode, double elapsedMs, string? requestId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Stripe {Method} {Path} attempt {Attempt}: HTTP {StatusCode} in {ElapsedMs:0.0} ms, request {RequestId}, error {ErrorType}/{ErrorCode}, retryable {Retryable}")]
    public static partial void AttemptRefused(ILogger logger, string method, string path, int attempt, int statusCode, double elapsedMs, string? requestId, string? errorType, string? errorCode, bool retryable);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Stripe {Method} {Path} attempt {Attempt} failed after {ElapsedMs:0.0} ms: {FailureKind}")]
    public static partial void AttemptFailed(ILogger logger, string method, string path, int attempt, double elapsedMs, string failureKind);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Stripe {Method} {Path}: retrying in {DelayMs:0} ms (retry {Retry})")]
    public static partial void Retrying(ILogger logger, string method, string path, double delayMs, int retry);
}
