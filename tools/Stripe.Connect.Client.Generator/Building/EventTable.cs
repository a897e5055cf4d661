using Stripe.Connect.Client.Generator.Docs;
using Stripe.Connect.Client.Generator.Document;
using Stripe.Connect.Client.Generator.Model;
using static Stripe.Connect.Client.Generator.Docs.DocRules;

namespace Stripe.Connect.Client.Generator.Building;

/// <summary>
/// The webhook side of the facts: the event types of the v1 envelope (<c>connect.events.json</c>) become
/// <c>StripeEventType</c>'s known values, each documented with the record its <c>data.object</c> is read into; and the
/// object table maps every generated resource's <c>object</c> name (and its deleted form's) to its record, so an event
/// carrying any object the SDK has a record for reads typed.
/// </summary>
internal sealed class EventTable(ApiModel model, EventsDocument events, DocsOverlay overlay)
{
    public void Build()
    {
        foreach (var r in model.Records.Values.Where(r => r.IsResource && r.ObjectValue is not null).OrderBy(r => r.Name, StringComparer.Ordinal))
        {
            var deleted = r.SchemaName is { } s && s.StartsWith("deleted_", StringComparison.Ordinal) && r.Props.Exists(p => p.Wire == "deleted");
            (deleted ? model.DeletedEventObjects : model.EventObjects).TryAdd(r.ObjectValue!, r.Name);
        }

        if (events.ApiVersion.Length > 0 && model.ApiVersion.Length > 0 && events.ApiVersion != model.ApiVersion)
        {
            model.Report.Notes.Add($"connect.events.json is for API version {events.ApiVersion}, the OpenAPI document for {model.ApiVersion}");
        }

        foreach (var e in events.Of(EventsDocument.SnapshotEnvelope).OrderBy(e => e.Type, StringComparer.Ordinal))
        {
            var doc = (overlay.Event(e.Type) ?? Rule(e.Type)) + " " + Carries(e.DataObject);
            model.EventTypes.Add(new EventTypeModel { Wire = e.Type, Member = Words.Pascal(e.Type), Doc = doc });
        }
    }

    /// <summary>The fallback meaning of an event type: its object and what happened (<c>topup.failed</c> → <c>A topup failed.</c>).</summary>
    private static string Rule(string type)
    {
        var dot = type.LastIndexOf('.');
        var subject = Capitalize(Words.Human(type[..dot]));
        return type[(dot + 1)..] switch
        {
            "created" => $"{subject}: one was created.",
            "updated" => $"{subject}: one changed.",
            "deleted" => $"{subject}: one was deleted.",
            var verb => $"{subject}: {Words.Human(verb)}.",
        };
    }

    private string Carries(string? schema)
    {
        if (schema is null)
        {
            return string.Empty;
        }

        var record = model.Records.Values.FirstOrDefault(r => r.SchemaName == schema)?.Name ?? model.Unions.Values.FirstOrDefault(u => u.Key == schema)?.Name;
        return record is null
            ? $"Its <see cref=\"StripeEventData.Object\"/> is a <see cref=\"StripeObject\"/> ({Code(schema)} has no record in this SDK yet)."
            : $"Its <see cref=\"StripeEventData.Object\"/> is {Words.Article(Words.HumanFromPascal(record))} ({Cref(record)}).";
    }
}
