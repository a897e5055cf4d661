using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// Thin events and event destinations. Every v2 account change (whoever caused it: a v2 call, a v1 call, the clock, an
/// activation helper, the hosted page) is found by comparing the account with its last rendering, and written as the
/// thin events Stripe sends for it; <c>v1.*</c> thin events follow the v1 events. Destinations of type
/// <c>webhook_endpoint</c> get signed deliveries through the same queue as v1 webhook endpoints.
/// </summary>
internal sealed partial class ConnectState
{
    private readonly EntityTable _v2Events = new();
    private readonly EntityTable _destinations = new();
    private readonly Dictionary<string, string> _destinationSecrets = new(StringComparer.Ordinal);

    /// <summary>The <c>context</c> of an event about an account: the connected account itself.</summary>
    private static string V2Context(string accountId) => accountId;

    private static JsonObject RelatedAccount(string id) =>
        new() { ["id"] = id, ["type"] = "v2.core.account", ["url"] = "/v2/core/accounts/" + Uri.EscapeDataString(id) };

    /// <summary>Writes one thin event and queues its deliveries; <paramref name="onlyTo"/> limits them to one destination (a ping).</summary>
    private JsonObject EmitThin(string type, string? context, JsonObject? related, JsonObject? data, Call? call, string? onlyTo = null)
    {
        var id = NewId("evt_test_");
        var evt = new JsonObject
        {
            ["id"] = id,
            ["object"] = "v2.core.event",
            ["type"] = type,
            ["created"] = V2Time(Now),
            ["livemode"] = false,
        };
        if (context is not null)
        {
            evt["context"] = context;
        }

        if (call?.RequestId is { } requestId)
        {
            evt["reason"] = new JsonObject { ["type"] = "request", ["request"] = new JsonObject { ["id"] = requestId, ["idempotency_key"] = call.IdempotencyKey } };
        }

        if (related is not null)
        {
            evt["related_object"] = related.DeepClone();
        }

        var stored = evt.Clone();
        if (data is not null)
        {
            stored["data"] = data.DeepClone();
        }

        _v2Events.Add(new Entity(id, stored, NextSequence(), null, null));
        var now = _time.GetUtcNow();
        foreach (var destination in _destinations.All.Where(d => (onlyTo is null || d.Id == onlyTo) && Listens(d, type, context)))
        {
            _deliveries.Add(new DeliveryJob(destination.Id, id, 1, now));
        }

        return stored;
    }

    private static bool Listens(Entity destination, string type, string? context)
    {
        var d = destination.Data;
        if (d.Str("status") != "enabled" || d.Str("type") != "webhook_endpoint" || d.Str("event_payload") != "thin")
        {
            return false;
        }

        var from = d["events_from"] as JsonArray;
        var fromAccounts = from?.Any(f => f!.GetValue<string>() == "@accounts") ?? false;
        var fromSelf = from is null || from.Any(f => f!.GetValue<string>() == "@self");
        return (context is null ? fromSelf : fromAccounts)
            && (d["enabled_events"] as JsonArray)!.Any(e => e!.GetValue<string>() is var wanted && (wanted == "*" || wanted == type));
    }

    /// <summary>After a v1 event, its thin <c>v1.*</c> form for destinations that listen to it.</summary>
    private void EmitThinV1(string type, string? scope, JsonObject obj, Call? call)
    {
        var thin = "v1." + type;
        if (!_destinations.All.Any(d => Listens(d, thin, scope)))
        {
            return;
        }

        var kind = obj.Str("object") ?? type.Split('.')[0];
        var id = obj.Str("id");
        var path = kind switch
        {
            "account" => "/v1/accounts/",
            "payout" => "/v1/payouts/",
            "transfer" => "/v1/transfers/",
            "topup" => "/v1/topups/",
            "application_fee" => "/v1/application_fees/",
            "person" => $"/v1/accounts/{obj.Str("account")}/persons/",
            "capability" => $"/v1/accounts/{obj.Str("account")}/capabilities/",
            _ => null,
        };
        var related = new JsonObject { ["id"] = id, ["type"] = kind };
        if (path is not null && id is not null)
        {
            related["url"] = path + Uri.EscapeDataString(id);
        }

        EmitThin(thin, scope, related, null, call);
    }

    /// <summary>
    /// The holder of a v2 account left the hosted flow for the link's <c>return_url</c>: <c>v2.core.account_link.returned</c>,
    /// with the account, its applied configurations and the link's use case as data and no related object (as
    /// <c>connect.events.json</c> describes it). v1 links send no such event.
    /// </summary>
    private void EmitAccountLinkReturned(Hosted.HostedLink link)
    {
        if (link.V2UseCase is not { } useCase || !_v2Accounts.TryGetValue(link.Account, out var side))
        {
            return;
        }

        var data = new JsonObject
        {
            ["account_id"] = link.Account,
            ["configurations"] = new JsonArray([.. side.Applied.Order(StringComparer.Ordinal).Select(a => (JsonNode?)JsonValue.Create(a))]),
            ["use_case"] = useCase,
        };
        EmitThin("v2.core.account_link.returned", V2Context(link.Account), null, data, null);
    }

    /// <summary>Compares every v2 account with its last rendering and writes the thin events of what changed.</summary>
    private void SyncV2Accounts(Call? call)
    {
        foreach (var (id, side) in _v2Accounts)
        {
            if (_accounts.Find(id) is not { } account || side.Snapshot is not { } before)
            {
                continue;
            }

            var after = RenderV2Account(account, Sections);
            if (JsonNode.DeepEquals(before, after))
            {
                continue;
            }

            side.Snapshot = after;
            var context = V2Context(id);
            var related = RelatedAccount(id);
            foreach (var section in new[] { "identity", "requirements", "future_requirements", "defaults" })
            {
                if (!JsonNode.DeepEquals(before[section], after[section]))
                {
                    EmitThin($"v2.core.account[{section}].updated", context, related, null, call);
                }
            }

            foreach (var configuration in Configurations)
            {
                var old = before["configuration"]?[configuration];
                var now = after["configuration"]?[configuration];
                if (JsonNode.DeepEquals(old, now))
                {
                    continue;
                }

                foreach (var (_, name) in side.Capabilities.Where(c => c.Configuration == configuration))
                {
                    var path = name.Split('.');
                    JsonNode? Status(JsonNode? section) => path.Aggregate(section?["capabilities"], (node, part) => node?[part])?["status"];
                    if (!JsonNode.DeepEquals(Status(old), Status(now)))
                    {
                        EmitThin($"v2.core.account[configuration.{configuration}].capability_status_updated", context, related, new JsonObject { ["updated_capability"] = name }, call);
                    }
                }

                EmitThin($"v2.core.account[configuration.{configuration}].updated", context, related, null, call);
            }

            if (before.Bool("closed") != true && after.Bool("closed") == true)
            {
                EmitThin("v2.core.account.closed", context, related, null, call);
            }

            var top = new[] { "applied_configurations", "contact_email", "dashboard", "display_name", "metadata", "closed" };
            if (top.Any(k => !JsonNode.DeepEquals(before[k], after[k])))
            {
                EmitThin("v2.core.account.updated", context, related, null, call);
            }
        }
    }

    private JsonObject ListV2Events(Call call)
    {
        var types = (call.Params["types"] as JsonArray)?.Select(t => t!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var objectId = call.Str("object_id");
        var items = _v2Events.All
            .Where(e => (call.Scope is null || e.Data.Str("context") == call.Scope)
                && (types is null || types.Contains(e.Data.Str("type")!))
                && (objectId is null || e.Data["related_object"]?["id"]?.GetValue<string>() == objectId))
            .OrderByDescending(e => e.Sequence)
            .Select(e => (JsonNode)e.Data.Clone())
            .ToList();
        return V2Page(items, call, "/v2/core/events");
    }

    private JsonObject RetrieveV2Event(Call call) =>
        _v2Events.Find(call.Path("id")) is { } e && (call.Scope is null || e.Data.Str("context") == call.Scope) ? e.Data.Clone() : throw V2Error.NotFound("event", call.Path("id"));

    private JsonObject CreateEventDestination(Call call)
    {
        var p = call.Params;
        var type = p.Str("type")!;
        if (type == "webhook_endpoint" && p["webhook_endpoint"]?["url"] is null)
        {
            throw V2Error.Invalid("webhook_endpoint.url", "A destination of type webhook_endpoint needs webhook_endpoint.url.");
        }

        var id = NewId("ed_test_");
        var now = V2Time(call.Now);
        var data = new JsonObject
        {
            ["id"] = id,
            ["object"] = "v2.core.event_destination",
            ["created"] = now,
            ["description"] = p.Str("description") ?? string.Empty,
            ["enabled_events"] = p["enabled_events"]!.DeepClone(),
            ["event_payload"] = p.Str("event_payload"),
            ["events_from"] = p["events_from"]?.DeepClone() ?? new JsonArray("@self"),
            ["livemode"] = false,
            ["metadata"] = Metadata(new JsonObject(), p["metadata"] as JsonObject),
            ["name"] = p.Str("name"),
            ["snapshot_api_version"] = p.Str("snapshot_api_version"),
            ["status"] = "enabled",
            ["type"] = type,
            ["updated"] = now,
        };
        if (p["webhook_endpoint"] is JsonObject endpoint)
        {
            data["webhook_endpoint"] = new JsonObject { ["url"] = endpoint.Str("url") };
        }

        var entity = new Entity(id, data, NextSequence(), call.Scope, null);
        _destinations.Add(entity);
        _destinationSecrets[id] = "whsec_" + RandomText(32);
        return RenderDestination(entity, call);
    }

    private Entity RequireDestination(Call call) =>
        _destinations.Find(call.Path("id")) is { } d && d.Scope == call.Scope ? d : throw V2Error.NotFound("event destination", call.Path("id"));

    /// <summary>The URL and signing secret are returned only when asked for with <c>include</c>.</summary>
    private JsonObject RenderDestination(Entity destination, Call call)
    {
        var data = destination.Data.Clone();
        var include = Includes(call);
        if (data["webhook_endpoint"] is JsonObject endpoint)
        {
            if (!include.Contains("webhook_endpoint.url"))
            {
                endpoint.Remove("url");
            }

            if (include.Contains("webhook_endpoint.signing_secret"))
            {
                endpoint["signing_secret"] = _destinationSecrets[destination.Id];
            }
        }

        return data;
    }

    private JsonObject UpdateEventDestination(Call call)
    {
        var destination = RequireDestination(call);
        var p = call.Params;
        var data = destination.Data;
        foreach (var field in new[] { "description", "name" })
        {
            if (p.Str(field) is { } value)
            {
                data[field] = value;
            }
        }

        if (p["enabled_events"] is JsonArray events)
        {
            data["enabled_events"] = events.DeepClone();
        }

        if (p["webhook_endpoint"]?["url"] is JsonValue url)
        {
            data["webhook_endpoint"] = new JsonObject { ["url"] = url.GetValue<string>() };
        }

        data["metadata"] = Metadata((JsonObject)data["metadata"]!, p["metadata"] as JsonObject);
        data["updated"] = V2Time(call.Now);
        return RenderDestination(destination, call);
    }

    private JsonObject DeleteEventDestination(Call call)
    {
        var destination = RequireDestination(call);
        _destinations.Remove(destination.Id);
        _destinationSecrets.Remove(destination.Id);
        return new JsonObject { ["id"] = destination.Id, ["object"] = "v2.core.event_destination" };
    }

    private JsonObject ListEventDestinations(Call call) =>
        V2Page([.. _destinations.All.Where(d => d.Scope == call.Scope).OrderByDescending(d => d.Sequence).Select(d => (JsonNode)RenderDestination(d, call))], call, "/v2/core/event_destinations");

    private JsonObject SetDestinationStatus(Call call, string status)
    {
        var destination = RequireDestination(call);
        destination.Data["status"] = status;
        destination.Data["updated"] = V2Time(call.Now);
        return RenderDestination(destination, call);
    }

    private JsonObject PingEventDestination(Call call)
    {
        var destination = RequireDestination(call);
        var related = new JsonObject { ["id"] = destination.Id, ["type"] = "v2.core.event_destination", ["url"] = "/v2/core/event_destinations/" + destination.Id };
        var evt = EmitThin("v2.core.event_destination.ping", null, related, null, call, onlyTo: destination.Id);
        if (destination.Data.Str("status") == "enabled" && !_deliveries.Any(d => d.EventId == evt.Str("id")))
        {
            // A ping reaches the destination whatever its enabled events are.
            _deliveries.Add(new DeliveryJob(destination.Id, evt.Str("id")!, 1, _time.GetUtcNow()));
        }

        return evt;
    }

    /// <summary>Merges v2 metadata: a string sets a key, JSON null removes it.</summary>
    private static JsonObject Metadata(JsonObject current, JsonObject? update)
    {
        var result = current.Clone();
        foreach (var (key, value) in update ?? [])
        {
            if (value is null)
            {
                result.Remove(key);
            }
            else
            {
                result[key] = value.GetValue<string>();
            }
        }

        return result;
    }

    /// <summary>A due delivery to an event destination: the thin notification (without <c>data</c>), signed with the destination's secret.</summary>
    private DeliveryRequest? V2Delivery(DeliveryJob job)
    {
        if (_destinations.Find(job.EndpointId) is not { } destination || destination.Data.Str("status") != "enabled" || _v2Events.Find(job.EventId) is not { } evt)
        {
            return null;
        }

        var notification = evt.Data.Clone();
        notification.Remove("data");
        return new DeliveryRequest(job, destination.Data["webhook_endpoint"]?["url"]?.GetValue<string>() ?? string.Empty, _destinationSecrets[destination.Id], evt.Data.Str("type")!, notification.ToJsonString());
    }
}
