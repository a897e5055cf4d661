using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>Webhook endpoints: which events each one receives, and its signing secret.</summary>
internal sealed partial class ConnectState
{
    private readonly EntityTable _webhookEndpoints = new();
    private readonly Dictionary<string, string> _endpointSecrets = new(StringComparer.Ordinal);
    private readonly HashSet<string> _connectEndpoints = new(StringComparer.Ordinal);

    /// <summary>
    /// The enabled endpoints that receive an event: an account's own endpoints get its own events; the platform's
    /// Connect endpoints (<c>connect=true</c>) get the events of its connected accounts.
    /// </summary>
    private IEnumerable<Entity> EndpointsFor(string type, string? scope) =>
        _webhookEndpoints.All.Where(e =>
            e.Data.Str("status") == "enabled"
            && (_connectEndpoints.Contains(e.Id) ? e.Scope is null && scope is not null : e.Scope == scope)
            && e.Data["enabled_events"] is JsonArray events
            && events.Any(x => x?.GetValue<string>() is "*" || x?.GetValue<string>() == type));

    private Entity RequireEndpoint(Call call) =>
        Visible(_webhookEndpoints, call.Path("webhook_endpoint"), call.Scope)
        ?? throw ApiErrorException.NoSuch("id", "webhook endpoint", call.Path("webhook_endpoint"));

    private JsonObject CreateWebhookEndpoint(Call call)
    {
        var data = ObjectFactory.Create("webhook_endpoint");
        var id = NewId("we_");
        data["id"] = id;
        data["api_version"] = call.Str("api_version");
        data["application"] = null;
        data["created"] = call.Now;
        data["description"] = call.Str("description");
        data["enabled_events"] = call.Params["enabled_events"]!.DeepClone();
        data["livemode"] = false;
        data["metadata"] = new JsonObject();
        data["status"] = "enabled";
        data["url"] = call.Str("url");
        data.Remove("secret");
        MergeMetadata(data, call.Params);
        var endpoint = new Entity(id, data, NextSequence(), call.Scope, null);
        _webhookEndpoints.Add(endpoint);
        _endpointSecrets[id] = "whsec_" + RandomText(32);
        if (call.Bool("connect") == true)
        {
            _connectEndpoints.Add(id);
        }

        // The signing secret is shown once, in the answer to the creation.
        var created = data.Clone();
        created["secret"] = _endpointSecrets[id];
        return created;
    }

    private JsonObject RetrieveWebhookEndpoint(Call call) => RequireEndpoint(call).Data.Clone();

    private JsonObject UpdateWebhookEndpoint(Call call)
    {
        var endpoint = RequireEndpoint(call);
        if (call.Params.ContainsKey("description"))
        {
            endpoint.Data["description"] = call.Str("description");
        }

        if (call.Params["enabled_events"] is JsonArray events)
        {
            endpoint.Data["enabled_events"] = events.DeepClone();
        }

        if (call.Str("url") is { } url)
        {
            endpoint.Data["url"] = url;
        }

        if (call.Bool("disabled") is { } disabled)
        {
            endpoint.Data["status"] = disabled ? "disabled" : "enabled";
        }

        MergeMetadata(endpoint.Data, call.Params);
        return endpoint.Data.Clone();
    }

    private JsonObject ListWebhookEndpoints(Call call) =>
        Paging.Page(_webhookEndpoints.All.Where(e => e.Scope == call.Scope), call.Params, "/v1/webhook_endpoints", e => e.Data.Clone());

    private JsonObject DeleteWebhookEndpoint(Call call)
    {
        var endpoint = RequireEndpoint(call);
        _webhookEndpoints.Remove(endpoint.Id);
        _deliveries.RemoveAll(d => d.EndpointId == endpoint.Id);
        return Deleted(endpoint.Id, "webhook_endpoint");
    }
}
