using System.Text.Json;

namespace Stripe.Connect.Client.Generator.Document;

/// <summary>One member of a thin event's extra <c>data</c>: a string, a string enum or a list of them.</summary>
internal sealed record ThinEventDataMember(string Wire, bool IsList, IReadOnlyList<string> Values, bool Required);

/// <summary>One thin event type of <c>connect.events.json</c> (envelope <c>v2.core.event</c>).</summary>
/// <param name="Type">The wire type, such as <c>v2.core.account.updated</c>.</param>
/// <param name="Notification">stripe-node's notification name, the C# class name (<c>V2CoreAccountUpdatedEventNotification</c>).</param>
/// <param name="Event">stripe-node's event name, the stem of the data record (<c>V2CoreAccountUpdatedEvent</c>).</param>
/// <param name="RelatedObject">The related object's type, or <see langword="null"/> when the type names none.</param>
/// <param name="Data">The members of the extra data, or <see langword="null"/> when the type has none.</param>
internal sealed record ThinEventFact(string Type, string Notification, string Event, string? RelatedObject, IReadOnlyList<ThinEventDataMember>? Data);

/// <summary>Reads the thin event types of <c>connect.events.json</c>, with their related object and extra data.</summary>
internal static class ThinEventsDocument
{
    public const string Envelope = "v2.core.event";

    public static IReadOnlyList<ThinEventFact> Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var facts = new List<ThinEventFact>();
        if (!doc.RootElement.TryGetProperty("events", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return facts;
        }

        foreach (var e in list.EnumerateArray())
        {
            if (SpecDocument.Str(e, "envelope") != Envelope)
            {
                continue;
            }

            var type = SpecDocument.Str(e, "type") ?? throw new InvalidDataException("A thin event of connect.events.json has no type.");
            var related = e.TryGetProperty("relatedObject", out var r) && r.ValueKind == JsonValueKind.Object ? SpecDocument.Str(r, "type") : null;
            List<ThinEventDataMember>? data = null;
            if (e.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object)
            {
                var required = SpecDocument.RequiredSet(d);
                data = [];
                foreach (var p in SpecDocument.SortedProperties(d))
                {
                    var isList = SpecDocument.Str(p.Value, "type") == "array";
                    var values = SpecDocument.EnumValues(isList && p.Value.TryGetProperty("items", out var items) ? items : p.Value, out _);
                    data.Add(new ThinEventDataMember(p.Name, isList, values, required.Contains(p.Name)));
                }
            }

            facts.Add(new ThinEventFact(
                type,
                SpecDocument.Str(e, "stripeNodeNotification") ?? throw new InvalidDataException($"The thin event {type} has no notification name."),
                SpecDocument.Str(e, "stripeNode") ?? throw new InvalidDataException($"The thin event {type} has no event name."),
                related,
                data));
        }

        facts.Sort((a, b) => string.CompareOrdinal(a.Type, b.Type));
        return facts;
    }
}
