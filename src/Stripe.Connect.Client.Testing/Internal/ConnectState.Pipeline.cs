using System.Text.Json.Nodes;
using Stripe.Connect.Client.Testing.Internal.Rules;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>The request pipeline: authentication, routing, Connect scope, idempotency, validation, execution.</summary>
internal sealed partial class ConnectState
{
    private static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);

    private readonly Dictionary<string, IdempotentResult> _idempotency = new(StringComparer.Ordinal);

    public RawResponse Handle(RawRequest request, string requestId)
    {
        var headers = new List<KeyValuePair<string, string>>
        {
            new("Request-Id", requestId),
            new("Stripe-Version", request.StripeVersion ?? ApiSpec.Instance.ApiVersion),
        };

        var isOAuth = request.Path.StartsWith("/oauth/", StringComparison.Ordinal);
        try
        {
            Tick();
            if (request.Path.StartsWith("/v2/", StringComparison.Ordinal))
            {
                return HandleV2(request, requestId, headers);
            }

            var matched = ApiSpec.Instance.Match(request.Method, request.Path, out var pathParams, out _);
            var apiKey = Authenticate(request.Authorization, allowPublishable: matched?.OperationId == "PostTokens");
            var operation = matched is not null && HasOperation(matched.OperationId)
                ? matched
                : throw new ApiErrorException(
                    404,
                    "invalid_request_error",
                    null,
                    null,
                    $"The in-memory Connect API has no endpoint {request.Method} {request.Path}.");
            var scope = ResolveScope(request.StripeAccount, apiKey) ?? AccessTokenAccount(apiKey);

            string? idempotencyKey = null;
            if (request.Method == "POST" && !string.IsNullOrEmpty(request.IdempotencyKey))
            {
                headers.Add(new("Idempotency-Key", request.IdempotencyKey));
                idempotencyKey = IdempotencyStoreKey(apiKey, scope, request.IdempotencyKey);
                var fingerprint = request.Method + " " + request.Path + "\n" + request.Body;
                if (_idempotency.TryGetValue(idempotencyKey, out var previous)
                    && _time.GetUtcNow() - previous.At < IdempotencyWindow)
                {
                    if (previous.Fingerprint != fingerprint)
                    {
                        throw new ApiErrorException(
                            400,
                            "idempotency_error",
                            null,
                            null,
                            $"The idempotency key '{request.IdempotencyKey}' was first used with other parameters; use a new key for a different request.");
                    }

                    headers.Add(new("Idempotent-Replayed", "true"));
                    headers.Add(new("Original-Request", previous.RequestId));
                    return new RawResponse(previous.StatusCode, previous.Body, headers);
                }

                if (request.IdempotencyKey.Length > 255)
                {
                    throw ApiErrorException.Invalid(null, "Invalid Idempotency-Key: it must be at most 255 characters long.");
                }

                // Validation failures are not kept, as with Stripe: the same key may be retried with fixed parameters.
                var parsed = Validate(operation, request);
                var response = Run(operation, parsed, pathParams, scope, headers, requestId, request.IdempotencyKey);
                _idempotency[idempotencyKey] = new IdempotentResult(fingerprint, response.StatusCode, response.Body, requestId, _time.GetUtcNow());
                return response;
            }

            var typed = Validate(operation, request);
            return Run(operation, typed, pathParams, scope, headers, requestId, null);
        }
        catch (ApiErrorException e)
        {
            return new RawResponse(e.StatusCode, (isOAuth ? e.ToOAuthBody() : e.ToBody()).ToJsonString(), headers);
        }
    }

    private JsonObject Validate(ApiOperation operation, RawRequest request) =>
        Validate(operation, FormParser.Parse(operation.Method == "POST" ? request.Body : request.Query));

    /// <summary>The schema, then Stripe's format rules (dates of birth are checked against the fake's clock).</summary>
    private JsonObject Validate(ApiOperation operation, JsonObject form)
    {
        var typed = ParamValidator.Validate(operation.ParameterSchema, form);
        ParamChecks.Check(operation, typed, DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime));
        return typed;
    }

    private RawResponse Run(ApiOperation operation, JsonObject parameters, Dictionary<string, string> pathParams, string? scope, List<KeyValuePair<string, string>> headers, string requestId, string? idempotencyKey)
    {
        try
        {
            var call = new Call(parameters, pathParams, scope, Now, requestId, idempotencyKey);
            var result = Execute(operation.OperationId, call);
            if (result is JsonObject obj && parameters["expand"] is JsonArray expand)
            {
                foreach (var path in expand)
                {
                    Expand(obj, path!.GetValue<string>(), call);
                }
            }

            return new RawResponse(200, result.ToJsonString(), headers);
        }
        catch (ApiErrorException e)
        {
            return new RawResponse(e.StatusCode, (operation.IsOAuth ? e.ToOAuthBody() : e.ToBody()).ToJsonString(), headers);
        }
    }

    private static string Authenticate(string? authorization, bool allowPublishable)
    {
        const string Bearer = "Bearer ";
        if (string.IsNullOrWhiteSpace(authorization))
        {
            throw RuleTable.ApiKeyMissing.Fail(
                null,
                "You did not provide an API key. Send your secret key in the Authorization header, using Bearer auth (for example 'Authorization: Bearer sk_test_...').");
        }

        var key = authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..].Trim() : string.Empty;
        var shown = key.Length > 12 ? key[..8] + new string('*', key.Length - 12) + key[^4..] : key;
        if (key.StartsWith("pk_test_", StringComparison.Ordinal) && key.Length > "pk_test_".Length)
        {
            return allowPublishable
                ? key
                : throw RuleTable.PublishableKey.Fail(null, "This API call cannot be made with a publishable API key. Use a secret API key (sk_test_...); publishable keys can only create tokens.");
        }

        var valid = (key.StartsWith("sk_test_", StringComparison.Ordinal) || key.StartsWith("rk_test_", StringComparison.Ordinal))
            && key.Length > "sk_test_".Length;
        if (!valid)
        {
            throw RuleTable.ApiKeyInvalid.Fail(
                null,
                key.Length == 0
                    ? "Invalid API Key provided: the Authorization header must use Bearer auth with a secret key (e.g. 'Authorization: Bearer sk_test_...')."
                    : $"Invalid API Key provided: {shown}. This in-memory Connect API accepts test-mode keys only (sk_test_... or rk_test_...).");
        }

        return key;
    }

    private string? ResolveScope(string? stripeAccount, string apiKey)
    {
        if (string.IsNullOrEmpty(stripeAccount))
        {
            return null;
        }

        var account = _accounts.Find(stripeAccount);
        if (account is null || account.Scope is not null || _deauthorized.Contains(account.Id))
        {
            var shown = apiKey.Length > 12 ? apiKey[..8] + "****" + apiKey[^4..] : apiKey;
            throw RuleTable.AccountNotConnected.Fail(
                null,
                $"The provided key '{shown}' does not have access to account '{stripeAccount}' (or that account does not exist). Application access may have been revoked.");
        }

        return account.Id;
    }

    private static string IdempotencyStoreKey(string apiKey, string? scope, string key) => apiKey + "\n" + (scope ?? string.Empty) + "\n" + key;

    private sealed record IdempotentResult(string Fingerprint, int StatusCode, string Body, string RequestId, DateTimeOffset At);
}
