using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>What an operation sees of one request: typed parameters, path values, the Connect scope and the time.</summary>
internal sealed class Call
{
    public Call(JsonObject parameters, Dictionary<string, string> pathParams, string? scope, long now, string? requestId = null, string? idempotencyKey = null)
    {
        RequestId = requestId;
        IdempotencyKey = idempotencyKey;
        Params = parameters;
        PathParams = pathParams;
        Scope = scope;
        Now = now;
    }

    public JsonObject Params { get; }

    public Dictionary<string, string> PathParams { get; }

    /// <summary>The connected account named by <c>Stripe-Account</c>, or null when the platform acts for itself.</summary>
    public string? Scope { get; }

    public long Now { get; }

    /// <summary>The <c>req_</c> id of the request, written into the events it causes.</summary>
    public string? RequestId { get; }

    /// <summary>The request's <c>Idempotency-Key</c>, written into the events it causes.</summary>
    public string? IdempotencyKey { get; }

    public string Path(string name) => PathParams[name];

    public string? Str(string key) => Params.Str(key);

    public long? Long(string key) => Params.Long(key);

    public bool? Bool(string key) => Params.Bool(key);
}
