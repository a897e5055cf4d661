using System.Text.Json;

namespace Stripe.Connect.Client.Generator.Document;

/// <summary>One event type of <c>connect.events.json</c>.</summary>
/// <param name="Type">The wire type, such as <c>account.updated</c>.</param>
/// <param name="Envelope">The envelope it arrives in: <c>event</c> (v1 snapshot) or <c>v2.core.event</c> (thin).</param>
/// <param name="DataObject">For a v1 snapshot event, the schema of <c>data.object</c>; otherwise <see langword="null"/>.</param>
/// <param name="RelatedObject">For a thin event, the <c>type</c> of its related object, or <see langword="null"/>.</param>
internal sealed record EventFact(string Type, string Envelope, string? DataObject, string? RelatedObject);

/// <summary>Reads <c>connect.events.json</c>: the event types that concern Connect and the object each one carries.</summary>
internal sealed class EventsDocument
{
    public const string SnapshotEnvelope = "event";

    private EventsDocument(string apiVersion, IReadOnlyList<EventFact> events)
    {
        ApiVersion = apiVersion;
        Events = events;
    }

    public static EventsDocument Empty { get; } = new(string.Empty, []);

    public string ApiVersion { get; }

    public IReadOnlyList<EventFact> Events { get; }

    public static EventsDocument Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var events = new List<EventFact>();
        if (root.TryGetProperty("events", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in list.EnumerateArray())
            {
                var related = e.TryGetProperty("relatedObject", out var r) && r.ValueKind == JsonValueKind.Object ? SpecDocument.Str(r, "type") : null;
                events.Add(new EventFact(
                    SpecDocument.Str(e, "type") ?? throw new InvalidDataException("An event of connect.events.json has no type."),
                    SpecDocument.Str(e, "envelope") ?? SnapshotEnvelope,
                    SpecDocument.Str(e, "dataObject"),
                    related));
            }
        }

        return new EventsDocument(SpecDocument.Str(root, "apiVersion") ?? string.Empty, events);
    }

    /// <summary>The events of one envelope, in the file's order.</summary>
    public IEnumerable<EventFact> Of(string envelope) => Events.Where(e => e.Envelope == envelope);
}
