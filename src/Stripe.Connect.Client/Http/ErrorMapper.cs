using System.Net;
using System.Text.Json;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client.Http;

/// <summary>
/// Turns an error response into the matching typed exception, whatever the body holds. Every string the server
/// supplied (each field of the error object, the raw body, the request id) is redacted here, before it can reach a
/// message, <c>ToString()</c>, a log line or an activity tag.
/// </summary>
internal static class ErrorMapper
{
    private const int SnippetLength = 200;

    /// <summary>The typed exception for an error status.</summary>
    /// <param name="status">The HTTP status.</param>
    /// <param name="requestId">The <c>Request-Id</c> header, already redacted.</param>
    /// <param name="body">The body as read (possibly cut short).</param>
    /// <param name="readProblem">Why the body could not be read whole, such as "the connection closed mid-body"; <see langword="null"/> when it was.</param>
    /// <returns>The exception; the caller decides whether it is retried.</returns>
    public static StripeException Map(HttpStatusCode status, string? requestId, string body, string? readProblem = null)
    {
        var error = readProblem is null ? TryParse(body) : null;
        var code = (int)status;
        var rawBody = SecretRedactor.Redact(body);
        if (error is null && readProblem is null && TryParseOAuth(body) is { } oauth)
        {
            return OAuth(status, requestId, rawBody, oauth);
        }

        if (error is null)
        {
            var snippet = Snippet(body);
            var message = readProblem is not null
                ? $"Stripe returned HTTP {code}, but its body could not be read: {readProblem}."
                : snippet.Length == 0
                    ? $"Stripe returned HTTP {code} with an empty body."
                    : $"Stripe returned HTTP {code} with a body that is not Stripe's error JSON: {snippet}";
            return Create(status, null, message + RequestSuffix(requestId), requestId, rawBody);
        }

        var redacted = new StripeError
        {
            Type = SecretRedactor.RedactOrNull(error.Type),
            Code = SecretRedactor.RedactOrNull(error.Code),
            DeclineCode = SecretRedactor.RedactOrNull(error.DeclineCode),
            Param = SecretRedactor.RedactOrNull(error.Param),
            Message = SecretRedactor.RedactOrNull(error.Message),
            DocUrl = SecretRedactor.RedactOrNull(error.DocUrl),
            RequestLogUrl = SecretRedactor.RedactOrNull(error.RequestLogUrl),
            UserMessage = SecretRedactor.RedactOrNull(error.UserMessage),
            Reason = SecretRedactor.RedactOrNull(error.Reason),
            InvalidParam = SecretRedactor.RedactOrNull(error.InvalidParam),
            VerificationStatus = SecretRedactor.RedactOrNull(error.VerificationStatus),
        };
        var text = redacted.Message;
        var described = $"{(string.IsNullOrEmpty(text) ? "Stripe returned an error" : text)} (HTTP {code}{(redacted.Type is null ? string.Empty : ", " + redacted.Type)}{(redacted.Code is null ? string.Empty : ", " + redacted.Code)}{(redacted.Param is null ? string.Empty : ", param " + redacted.Param)}{(requestId is null ? string.Empty : ", request " + requestId)})";
        return Create(status, redacted, described, requestId, rawBody);
    }

    private static string RequestSuffix(string? requestId) => requestId is null ? string.Empty : $" (request {requestId})";

    private static StripeException Create(HttpStatusCode status, StripeError? error, string message, string? requestId, string body)
    {
        var code = (int)status;
        return error?.Type switch
        {
            "idempotency_error" => new IdempotencyException(message, status, error, requestId, body),
            "card_error" => new CardException(message, status, error, requestId, body),
            "api_error" => new ApiException(message, status, error, requestId, body),

            // v2 error types (spec/README "v2 Core"): the same hierarchy, so catch (RateLimitException) holds for both families.
            "rate_limit" => new RateLimitException(message, status, error, requestId, body),
            "already_canceled" => new AlreadyCanceledException(message, status, error, requestId, body),
            "blocked_by_stripe" => new BlockedByStripeException(message, status, error, requestId, body),
            "cannot_proceed" => new CannotProceedException(message, status, error, requestId, body),
            "capability_not_enabled" => new CapabilityNotEnabledException(message, status, error, requestId, body),
            "controlled_by_alternate_resource" => new ControlledByAlternateResourceException(message, status, error, requestId, body),
            "feature_not_enabled" => new FeatureNotEnabledException(message, status, error, requestId, body),
            "financial_account_not_open" => new FinancialAccountNotOpenException(message, status, error, requestId, body),
            "fx_quote_needs_refresh" => new FxQuoteNeedsRefreshException(message, status, error, requestId, body),
            "insufficient_funds" => new InsufficientFundsException(message, status, error, requestId, body),
            "invalid_payment_method" => new InvalidPaymentMethodException(message, status, error, requestId, body),
            "invalid_payout_method" => new InvalidPayoutMethodException(message, status, error, requestId, body),
            "invalid_vaulted_credential" => new InvalidVaultedCredentialException(message, status, error, requestId, body),
            "not_cancelable" => new NotCancelableException(message, status, error, requestId, body),
            "quota_exceeded" => new QuotaExceededException(message, status, error, requestId, body),
            "recipient_not_notifiable" => new RecipientNotNotifiableException(message, status, error, requestId, body),
            "temporary_session_expired" => new TemporarySessionExpiredException(message, status, error, requestId, body),
            "verification_attempt_failed" => new VerificationAttemptFailedException(message, status, error, requestId, body),
            "verification_expired" => new VerificationExpiredException(message, status, error, requestId, body),
            "verification_not_initiated" => new VerificationNotInitiatedException(message, status, error, requestId, body),
            _ => code switch
            {
                401 => new AuthenticationException(message, status, error, requestId, body),
                403 => new PermissionException(message, status, error, requestId, body),
                429 => new RateLimitException(message, status, error, requestId, body),
                402 => new CardException(message, status, error, requestId, body),
                >= 500 => new ApiException(message, status, error, requestId, body),
                >= 400 => new InvalidRequestException(message, status, error, requestId, body),
                _ => new ApiException(message, status, error, requestId, body),
            },
        };
    }

    /// <summary>An OAuth error (connect.stripe.com): <c>error</c> is a string, as stripe-node tells the two apart.</summary>
    private static OAuthErrorBody? TryParseOAuth(string body)
    {
        if (body.Length == 0 || body[0] is not ('{' or ' ' or '\n' or '\r' or '\t'))
        {
            return null;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize(body, CoreJsonContext.Default.OAuthErrorBody);
            return parsed?.Error is { Length: > 0 } ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static OAuthException OAuth(HttpStatusCode status, string? requestId, string rawBody, OAuthErrorBody body)
    {
        var code = SecretRedactor.Redact(body.Error!);
        var description = SecretRedactor.RedactOrNull(body.ErrorDescription);
        var message = $"{(string.IsNullOrEmpty(description) ? "Stripe refused the OAuth request" : description)} (HTTP {(int)status}, OAuth error {code}{(requestId is null ? string.Empty : ", request " + requestId)})";
        return code switch
        {
            "invalid_grant" => new InvalidGrantException(message, status, description, requestId, rawBody),
            "invalid_client" => new InvalidClientException(message, status, description, requestId, rawBody),
            "invalid_request" => new OAuthInvalidRequestException(message, status, description, requestId, rawBody),
            "invalid_scope" => new InvalidScopeException(message, status, description, requestId, rawBody),
            "unsupported_grant_type" => new UnsupportedGrantTypeException(message, status, description, requestId, rawBody),
            "unsupported_response_type" => new UnsupportedResponseTypeException(message, status, description, requestId, rawBody),
            _ => new OAuthException(message, status, code, description, requestId, rawBody),
        };
    }

    private static StripeError? TryParse(string body)
    {
        if (body.Length == 0 || body[0] is not ('{' or ' ' or '\n' or '\r' or '\t'))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(body, CoreJsonContext.Default.StripeErrorEnvelope)?.Error;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Snippet(string body)
    {
        var trimmed = body.Trim();
        if (trimmed.Length > SnippetLength)
        {
            trimmed = trimmed[..SnippetLength] + "...";
        }

        // One line, no control characters, no secrets.
        var chars = trimmed.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]))
            {
                chars[i] = ' ';
            }
        }

        return SecretRedactor.Redact(new string(chars));
    }
}
