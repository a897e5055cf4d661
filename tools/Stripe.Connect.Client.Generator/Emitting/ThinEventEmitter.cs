using Stripe.Connect.Client.Generator.Document;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>
/// Writes the thin events of <c>connect.events.json</c> into <c>V2/Events/</c>: one sealed <c>EventNotification</c> subclass
/// per type (typed by its related object: a v2 record, the v1 record of a <c>v1.*</c> type, or <c>StripeObject</c>), a data
/// record where the type has extra data, and the internal factory that picks the class from the wire type. It reads both
/// runs' models, since a <c>v1.*</c> thin event points at a v1 object.
/// </summary>
internal static class ThinEventEmitter
{
    public const string Folder = "V2/Events/";

    public static IEnumerable<GeneratedFile> Emit(ApiModel v1, ApiModel v2, IReadOnlyList<ThinEventFact> facts)
    {
        foreach (var fact in facts)
        {
            yield return new GeneratedFile(Folder + fact.Notification + ".cs", Notification(v1, v2, fact));
            if (fact.Data is { } data)
            {
                yield return new GeneratedFile(Folder + DataName(fact) + ".cs", Data(v2, fact, data));
            }
        }

        yield return new GeneratedFile(Folder + "EventNotificationTypes.cs", Factory(v2, facts));
    }

    public static string DataName(ThinEventFact fact) => fact.Event + "Data";

    /// <summary>The related object's C# type and its JSON metadata, or <see langword="null"/> when the type names none.</summary>
    private static (string Type, string TypeInfo)? Related(ApiModel v1, ApiModel v2, ThinEventFact fact)
    {
        if (fact.RelatedObject is not { } schema)
        {
            return null;
        }

        var (model, ns) = schema.StartsWith("v2.", StringComparison.Ordinal) ? (v2, v2.Namespace) : (v1, v1.Namespace);
        var record = model.Records.Values.FirstOrDefault(r => r.SchemaName == schema && r.IsResource);
        return record is null
            ? ("StripeObject", "global::Stripe.Connect.Client.ConnectJsonContext.Default.StripeObject")
            : ($"global::{ns}.{record.Name}", $"global::{ns}.{model.JsonContext}.Default.{record.Name}");
    }

    private static string Notification(ApiModel v1, ApiModel v2, ThinEventFact fact)
    {
        var related = Related(v1, v2, fact);
        var usings = new List<string>();
        if (related is not null)
        {
            usings.Add("System.Text.Json.Serialization.Metadata");
        }

        var w = SourceFile.Start(v2, usings);
        w.Summary($"The thin event <c>{Words.Xml(fact.Type)}</c>: {Meaning(fact.Type)}");
        var baseType = related is { } r ? $"EventNotification<{r.Type}>" : "EventNotification";
        w.Open($"public sealed class {fact.Notification} : {baseType}");
        w.Summary("The event's wire type.");
        w.Line($"public const string EventType = {Words.Literal(fact.Type)};");
        w.Line();
        w.Line($"internal {fact.Notification}()");
        w.Line("{");
        w.Line("}");
        if (related is { } rel)
        {
            w.Line();
            w.Line($"private protected override JsonTypeInfo<{rel.Type}> RelatedObjectTypeInfo => {rel.TypeInfo};");
        }

        if (fact.Data is not null)
        {
            var data = DataName(fact);
            w.Line();
            w.Summary($"Fetches the full event, in the event's context, with its data read into <see cref=\"{data}\"/>.");
            w.Line("/// <param name=\"client\">The client to fetch with.</param>");
            w.Line("/// <param name=\"cancellationToken\">Cancels the call.</param>");
            w.Line("/// <returns>The event and its data.</returns>");
            w.Open($"public new async Task<EventWithData<{data}>> FetchEventAsync(ConnectClient client, CancellationToken cancellationToken = default)");
            w.Line("var e = await base.FetchEventAsync(client, cancellationToken).ConfigureAwait(false);");
            w.Line($"return new EventWithData<{data}>(e, {data}.Read(e.Data));");
            w.Close();
        }

        w.Close();
        return w.ToString();
    }

    private static string Data(ApiModel v2, ThinEventFact fact, IReadOnlyList<ThinEventDataMember> members)
    {
        var name = DataName(fact);
        var w = SourceFile.Start(v2, "System.Text.Json");
        w.Summary($"The extra data of the event <c>{Words.Xml(fact.Type)}</c>, read from the fetched event's <c>data</c>.");
        w.Open($"public sealed record {name}");
        foreach (var m in members)
        {
            w.Summary(MemberDoc(m));
            w.Line(m.IsList
                ? $"public IReadOnlyList<string> {Words.Pascal(m.Wire)} {{ get; init; }} = [];"
                : $"public string{(m.Required ? string.Empty : "?")} {Words.Pascal(m.Wire)} {{ get; init; }}{(m.Required ? " = string.Empty;" : string.Empty)}");
            w.Line();
        }

        w.Line($"internal static {name} Read(JsonElement? data) => new()");
        w.Line("{");
        foreach (var m in members)
        {
            var read = m.IsList ? "EventData.Strings" : m.Required ? "EventData.String" : "EventData.StringOrNull";
            w.Line($"    {Words.Pascal(m.Wire)} = {read}(data, {Words.Literal(m.Wire)}),");
        }

        w.Line("};");
        w.Close();
        return w.ToString();
    }

    private static string Factory(ApiModel v2, IReadOnlyList<ThinEventFact> facts)
    {
        var w = SourceFile.Start(v2);
        w.Summary("Picks the notification class of a thin event from its wire type; types this SDK does not know read as <see cref=\"UnknownEventNotification\"/>.");
        w.Open("internal static class EventNotificationTypes");
        w.Summary("Every thin event type this SDK knows, in ordinal order.");
        w.Line("public static IReadOnlyList<string> Known { get; } =");
        w.Line("[");
        foreach (var f in facts)
        {
            w.Line($"    {Words.Literal(f.Type)},");
        }

        w.Line("];");
        w.Line();
        w.Line("public static EventNotification Create(string type) => type switch");
        w.Line("{");
        foreach (var f in facts)
        {
            w.Line($"    {f.Notification}.EventType => new {f.Notification}(),");
        }

        w.Line("    _ => new UnknownEventNotification(),");
        w.Line("};");
        w.Close();
        return w.ToString();
    }

    private static string MemberDoc(ThinEventDataMember m)
    {
        var main = m.Wire switch
        {
            "updated_capability" => "Which capability's status changed (read the account with that configuration included to see the new status).",
            "account_id" => "The id of the account the object belongs to (<c>acct_...</c>).",
            "configurations" => "The configurations the account link covered.",
            "use_case" => "What the account link was for.",
            _ => $"The event's <c>{Words.Xml(m.Wire)}</c>.",
        };
        if (m.Values.Count == 0)
        {
            return main;
        }

        var shown = m.Values.Take(6).Select(v => $"<c>{Words.Xml(v)}</c>");
        return main + " Known values: " + string.Join(", ", shown) + (m.Values.Count > 6 ? $" and {m.Values.Count - 6} more" : string.Empty) + "; others may arrive.";
    }

    /// <summary>One sentence on what a thin event type means, from the parts of its name.</summary>
    private static string Meaning(string type)
    {
        if (type.StartsWith("v1.", StringComparison.Ordinal))
        {
            return $"the thin form of the snapshot event <c>{Words.Xml(type[3..])}</c>; fetch the object for its current state.";
        }

        var open = type.IndexOf('[', StringComparison.Ordinal);
        var section = open < 0 ? null : type[(open + 1)..type.IndexOf(']', StringComparison.Ordinal)];
        var last = type[(type.LastIndexOf('.') + 1)..];
        var what = type.StartsWith("v2.core.account_person", StringComparison.Ordinal) ? "a person of a v2 account"
            : type.StartsWith("v2.core.account_link", StringComparison.Ordinal) ? "an account link"
            : type.StartsWith("v2.core.event_destination", StringComparison.Ordinal) ? "an event destination"
            : "a v2 account";
        var part = section is null ? string.Empty : $" (its <c>{Words.Xml(section)}</c> section)";
        return last switch
        {
            "created" => $"{what} was created.",
            "updated" => $"{what}{part} changed.",
            "deleted" => $"{what} was removed.",
            "closed" => $"{what} was closed.",
            "capability_status_updated" => $"the status of a capability of {what}{part} changed; the data says which.",
            "returned" => "the account holder came back from an account link flow to its return URL.",
            "ping" => "a test event sent to an event destination by its ping operation.",
            _ => $"{what}: {Words.Xml(last.Replace('_', ' '))}.",
        };
    }
}
