using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// Events: every state change writes one (<c>GET /v1/events</c>), and each webhook endpoint that listens gets a
/// delivery job. Delivery itself happens outside the lock (see InMemoryWebhooks).
/// </summary>
internal sealed partial class ConnectState
{
    /// <summary>Stripe retries a failed test-mode delivery three times over a few hours; the spacing is the fake's choice.</summary>
    public static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    private static readonly TimeSpan EventRetention = TimeSpan.FromDays(30);

    private readonly EntityTable _events = new();
    private readonly List<DeliveryJob> _deliveries = [];

    private DateTimeOffset? NextDeliveryDue => _deliveries.Count == 0 ? null : _deliveries.Min(d => d.DueAt);

    /// <summary>
    /// Writes an event of <paramref name="type"/> about <paramref name="obj"/>. <paramref name="scope"/> is the connected
    /// account it happened on (the event's <c>account</c>), or null for the platform's own objects.
    /// </summary>
    public void Emit(string type, string? scope, JsonObject obj, JsonObject? previousAttributes, Call? call)
    {
        var data = ObjectFactory.Create("event");
        var id = NewId("evt_");
        data["id"] = id;
        if (scope is not null)
        {
            data["account"] = scope;
        }

        data["api_version"] = InMemoryConnectApi.ApiVersion;
        data["created"] = Now;
        var payload = new JsonObject { ["object"] = obj.Clone() };
        if (previousAttributes is { Count: > 0 })
        {
            payload["previous_attributes"] = previousAttributes;
        }

        data["data"] = payload;
        data["livemode"] = false;
        data["request"] = new JsonObject { ["id"] = call?.RequestId, ["idempotency_key"] = call?.IdempotencyKey };
        data["type"] = type;
        var listeners = EndpointsFor(type, scope).ToList();
        data["pending_webhooks"] = (long)listeners.Count;
        _events.Add(new Entity(id, data, NextSequence(), scope, null));
        var now = _time.GetUtcNow();
        foreach (var endpoint in listeners)
        {
            _deliveries.Add(new DeliveryJob(endpoint.Id, id, 1, now));
        }

        EmitThinV1(type, scope, obj, call);
    }

    /// <summary>An "updated" event: the object now, and the old values of the top-level fields that changed.</summary>
    private void EmitUpdate(string type, string? scope, JsonObject before, JsonObject after, Call? call)
    {
        var previous = new JsonObject();
        foreach (var (key, value) in before)
        {
            if (!JsonNode.DeepEquals(value, after[key]))
            {
                previous[key] = value?.DeepClone();
            }
        }

        if (previous.Count > 0)
        {
            Emit(type, scope, after, previous, call);
        }
    }

    /// <summary>The event's <c>account</c> scope for an object that lives on an account (null: the platform).</summary>
    private string? EventScope(string accountId) => accountId == Platform.Id ? null : accountId;

    private Entity RequireEvent(Call call) =>
        Visible(_events, call.Path("id"), call.Scope) is { } e && !Expired(e)
            ? e
            : throw ApiErrorException.NoSuch("id", "event", call.Path("id"));

    private bool Expired(Entity evt) => evt.Created < (_time.GetUtcNow() - EventRetention).ToUnixTimeSeconds();

    private JsonObject RetrieveEvent(Call call) => RequireEvent(call).Data.Clone();

    private JsonObject ListEvents(Call call)
    {
        var items = _events.All.Where(e => e.Scope == call.Scope && !Expired(e));
        if (call.Str("type") is { } type)
        {
            items = items.Where(e => TypeMatches(type, e.Data.Str("type")!));
        }

        if (call.Params["types"] is JsonArray types)
        {
            var wanted = types.Select(t => t!.GetValue<string>()).ToList();
            items = items.Where(e => wanted.Any(w => TypeMatches(w, e.Data.Str("type")!)));
        }

        if (call.Bool("delivery_success") is { } delivered)
        {
            items = items.Where(e => (e.Data.Long("pending_webhooks") == 0) == delivered);
        }

        return Paging.Page(items, call.Params, "/v1/events", e => e.Data.Clone());
    }

    /// <summary><c>type</c> filters take an exact type or a prefix ending in <c>*</c>, such as <c>payout.*</c>.</summary>
    private static bool TypeMatches(string filter, string type) =>
        filter.EndsWith('*') ? type.StartsWith(filter[..^1], StringComparison.Ordinal) : filter == type;

    /// <summary>The delivery jobs whose time has come, with what is needed to send them; removed from the queue.</summary>
    public List<DeliveryRequest> TakeDueDeliveries()
    {
        var now = _time.GetUtcNow();
        var due = _deliveries.Where(d => d.DueAt <= now).OrderBy(d => d.DueAt).ToList();
        var requests = new List<DeliveryRequest>();
        foreach (var job in due)
        {
            _deliveries.Remove(job);
            if (_destinations.Find(job.EndpointId) is not null)
            {
                if (V2Delivery(job) is { } thin)
                {
                    requests.Add(thin);
                }

                continue;
            }

            if (_webhookEndpoints.Find(job.EndpointId) is not { } endpoint || endpoint.Data.Str("status") != "enabled" || _events.Find(job.EventId) is not { } evt)
            {
                continue;
            }

            requests.Add(new DeliveryRequest(job, endpoint.Data.Str("url")!, _endpointSecrets[endpoint.Id], evt.Data.Str("type")!, evt.Data.ToJsonString()));
        }

        return requests;
    }

    /// <summary>
    /// Records the outcome of one attempt: a success lowers the event's <c>pending_webhooks</c>; a failure schedules
    /// the next retry, if any is left. Returns when the next attempt is due, or null.
    /// </summary>
    public DateTimeOffset? CompleteDelivery(DeliveryRequest request, bool succeeded)
    {
        var job = request.Job;
        if (succeeded)
        {
            if (_v2Events.Find(job.EventId) is not null)
            {
                return null;
            }

            if (_events.Find(job.EventId) is { } evt)
            {
                evt.Data["pending_webhooks"] = Math.Max(0, (evt.Data.Long("pending_webhooks") ?? 0) - 1);
            }

            return null;
        }

        if (job.Attempt > RetryDelays.Length)
        {
            return null;
        }

        var next = _time.GetUtcNow() + RetryDelays[job.Attempt - 1];
        _deliveries.Add(job with { Attempt = job.Attempt + 1, DueAt = next });
        return next;
    }

    /// <summary>One delivery of one event to one endpoint.</summary>
    internal sealed record DeliveryJob(string EndpointId, string EventId, int Attempt, DateTimeOffset DueAt);

    /// <summary>A due delivery with the endpoint's URL and signing secret and the event's JSON.</summary>
    internal sealed record DeliveryRequest(DeliveryJob Job, string Url, string Secret, string EventType, string Payload);
}
