using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// The v2 Core API of the fake (JSON bodies, <c>Stripe-Context</c>, v2 error shapes). A v2 account is a view of a v1
/// account of the same id: the v1 machinery (requirements, capability activation, the hosted page, transfers) is the one
/// source of truth, and the v2 layer adds what only v2 has (configurations, dashboard, closing) and renders the rest.
/// Every change is compared with the last rendering and written as thin events (<c>GET /v2/core/events</c>), delivered to
/// event destinations like v1 events to webhook endpoints.
/// </summary>
internal sealed partial class ConnectState
{
    /// <summary>Routes one v2 request: authentication, idempotency (POST and DELETE), validation, execution.</summary>
    private RawResponse HandleV2(RawRequest request, string requestId, List<KeyValuePair<string, string>> headers)
    {
        try
        {
            var apiKey = Authenticate(request.Authorization, allowPublishable: false);
            if (!string.IsNullOrEmpty(request.StripeAccount) && !string.IsNullOrEmpty(request.StripeContext))
            {
                throw V2Error.Invalid(null, "Stripe-Account and Stripe-Context cannot be sent together.");
            }

            var scope = ResolveScope(request.StripeContext is { Length: > 0 } context ? context.Split('/')[^1] : request.StripeAccount, apiKey);
            var route = V2Routes.Match(request.Method, request.Path)
                ?? throw new ApiErrorException(404, "invalid_request_error", "unrecognized_request_url", null, $"Unrecognized request URL ({request.Method}: {request.Path}).");
            JsonObject body;
            try
            {
                body = request.Method == "POST"
                    ? (request.Body.Length == 0 ? new JsonObject() : JsonNode.Parse(request.Body) as JsonObject ?? throw V2Error.Invalid(null, "The request body must be a JSON object."))
                    : V2Query.Parse(request.Query);
            }
            catch (JsonException)
            {
                throw V2Error.Invalid(null, "The request body is not valid JSON.");
            }

            V2Validator.Validate(route, body);
            var call = new Call(body, route.PathParams, scope, Now, requestId, request.IdempotencyKey);
            if (request.Method is "POST" or "DELETE" && !string.IsNullOrEmpty(request.IdempotencyKey))
            {
                headers.Add(new("Idempotency-Key", request.IdempotencyKey));
                var storeKey = "v2\n" + IdempotencyStoreKey(apiKey, scope, request.IdempotencyKey);
                var fingerprint = request.Method + " " + request.Path + "\n" + request.Body;
                if (_idempotency.TryGetValue(storeKey, out var previous) && _time.GetUtcNow() - previous.At < IdempotencyWindow)
                {
                    if (previous.Fingerprint != fingerprint)
                    {
                        throw new ApiErrorException(400, "idempotency_error", null, null, $"The idempotency key '{request.IdempotencyKey}' was first used with another request; use a new key.");
                    }

                    headers.Add(new("Idempotent-Replayed", "true"));
                    return new RawResponse(previous.StatusCode, previous.Body, headers);
                }

                var response = RunV2(route, call, headers);
                _idempotency[storeKey] = new IdempotentResult(fingerprint, response.StatusCode, response.Body, requestId, _time.GetUtcNow());
                return response;
            }

            return RunV2(route, call, headers);
        }
        catch (ApiErrorException e)
        {
            return new RawResponse(e.StatusCode, V2Error.Body(e).ToJsonString(), headers);
        }
    }

    private RawResponse RunV2(V2Route route, Call call, List<KeyValuePair<string, string>> headers)
    {
        try
        {
            var result = route.Operation switch
            {
                "PostV2CoreAccounts" => CreateV2Account(call),
                "GetV2CoreAccountsId" => RenderV2Account(RequireV2Account(call), Includes(call)),
                "PostV2CoreAccountsId" => UpdateV2Account(call),
                "GetV2CoreAccounts" => ListV2Accounts(call),
                "PostV2CoreAccountsIdClose" => CloseV2Account(call),
                "PostV2CoreAccountsAccountIdPersons" => CreateV2Person(call),
                "GetV2CoreAccountsAccountIdPersonsId" => RequireV2Person(call).Data.Clone(),
                "PostV2CoreAccountsAccountIdPersonsId" => UpdateV2Person(call),
                "DeleteV2CoreAccountsAccountIdPersonsId" => DeleteV2Person(call),
                "GetV2CoreAccountsAccountIdPersons" => ListV2Persons(call),
                "PostV2CoreAccountsAccountIdPersonTokens" => CreateV2Token(call, "v2.core.account_person_token", "perstok_"),
                "GetV2CoreAccountsAccountIdPersonTokensId" => RetrieveV2Token(call, "v2.core.account_person_token"),
                "PostV2CoreAccountLinks" => CreateV2AccountLink(call),
                "PostV2CoreAccountTokens" => CreateV2Token(call, "v2.core.account_token", "accttok_"),
                "GetV2CoreAccountTokensId" => RetrieveV2Token(call, "v2.core.account_token"),
                "GetV2CoreEvents" => ListV2Events(call),
                "GetV2CoreEventsId" => RetrieveV2Event(call),
                "PostV2CoreEventDestinations" => CreateEventDestination(call),
                "GetV2CoreEventDestinationsId" => RenderDestination(RequireDestination(call), call),
                "PostV2CoreEventDestinationsId" => UpdateEventDestination(call),
                "DeleteV2CoreEventDestinationsId" => DeleteEventDestination(call),
                "GetV2CoreEventDestinations" => ListEventDestinations(call),
                "PostV2CoreEventDestinationsIdEnable" => SetDestinationStatus(call, "enabled"),
                "PostV2CoreEventDestinationsIdDisable" => SetDestinationStatus(call, "disabled"),
                "PostV2CoreEventDestinationsIdPing" => PingEventDestination(call),
                _ => throw new ApiErrorException(404, "invalid_request_error", "unrecognized_request_url", null, $"The in-memory Connect API has no v2 endpoint {route.Operation}."),
            };
            SyncV2Accounts(call);
            return new RawResponse(200, result.ToJsonString(), headers);
        }
        catch (ApiErrorException e)
        {
            return new RawResponse(e.StatusCode, V2Error.Body(e).ToJsonString(), headers);
        }
    }

    /// <summary>A v2 timestamp: RFC 3339 in UTC with milliseconds, as the API writes them.</summary>
    private static string V2Time(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A v2 list page: <c>{data, next_page_url, previous_page_url}</c>, paged by an opaque <c>page</c> cursor (the position).</summary>
    private static JsonObject V2Page(List<JsonNode> items, Call call, string path)
    {
        var limit = (int)Math.Clamp(call.Long("limit") ?? 10, 1, 100);
        var start = call.Str("page") is { } page && int.TryParse(Encoding.UTF8.GetString(Convert.FromBase64String(page)), out var at) ? at : 0;
        var data = new JsonArray();
        foreach (var item in items.Skip(start).Take(limit))
        {
            data.Add(item);
        }

        string? Url(int position)
        {
            var query = new StringBuilder("?page=").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes(position.ToString(System.Globalization.CultureInfo.InvariantCulture))))
                .Append("&limit=").Append(limit);
            foreach (var (key, value) in call.Params)
            {
                if (key is "page" or "limit" || value is null)
                {
                    continue;
                }

                if (value is JsonArray array)
                {
                    for (var i = 0; i < array.Count; i++)
                    {
                        query.Append('&').Append(key).Append('[').Append(i).Append("]=").Append(Uri.EscapeDataString(array[i]!.ToString()));
                    }
                }
                else
                {
                    query.Append('&').Append(key).Append('=').Append(Uri.EscapeDataString(value is JsonValue v && v.TryGetValue<bool>(out var b) ? (b ? "true" : "false") : value.ToString()));
                }
            }

            return path + query;
        }

        return new JsonObject
        {
            ["data"] = data,
            ["next_page_url"] = start + limit < items.Count ? Url(start + limit) : null,
            ["previous_page_url"] = start > 0 ? Url(Math.Max(0, start - limit)) : null,
        };
    }
}
