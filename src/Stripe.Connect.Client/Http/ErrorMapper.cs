using System.Net;
using System.Text.Json;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client.Http;

/// <summary>Turns an error response into the matching typed exception, whatever the body holds.</summary>
internal static class ErrorMapper
{
    private const int SnippetLength = 200;

    public static StripeException Map(HttpStatusCode status, string? requestId, string body)
    {
        var error = TryParse(body);
        var code = (int)status;
        if (error is null)
        {
            var snippet = Snippet(body);
            var message = snippet.Length == 0
                ? $"Stripe returned HTTP {code} with an empty body."
                : $"Stripe returned HTTP {code} with a body that is not Stripe's error JSON: {snippet}";
            return Create(status, null, message, requestId, SecretRedactor.Redact(body));
        }

        var text = SecretRedactor.Redact(error.Message);
        var described = $"{(string.IsNullOrEmpty(text) ? "Stripe returned an error" : text)} (HTTP {code}{(error.Type is null ? string.Empty : ", " + error.Type)}{(error.Code is null ? string.Empty : ", " + error.Code)}{(error.Param is null ? string.Empty : ", param " + error.Param)}{(requestId is null ? string.Empty : ", request " + requestId)})";
        var redacted = error with { Message = text };
        return Create(status, redacted, described, requestId, SecretRedactor.Redact(body));
    }

    private static StripeException Create(HttpStatusCode status, StripeError? error, string message, string? requestId, string body)
    {
        var code = (int)status;
        return error?.Type switch
        {
            "idempotency_error" => new IdempotencyException(message, status, error, requestId, body),
            "card_error" => new CardException(message, status, error, requestId, body),
            "api_error" => new ApiException(message, status, error, requestId, body),
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
