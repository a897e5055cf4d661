using Stripe.Connect.Client.Generator.Configuration;

namespace Stripe.Connect.Client.Generator.Model;

/// <summary>One method of a service.</summary>
internal sealed class MethodModel
{
    public required string Name { get; init; }

    public required string Http { get; init; }

    public required string Path { get; init; }

    /// <summary>Path placeholders and the C# argument names that fill them, in path order.</summary>
    public required IReadOnlyList<KeyValuePair<string, string>> Ids { get; init; }

    /// <summary>The key of the method's request record, or <see langword="null"/> when the operation takes no parameters.</summary>
    public string? Request { get; set; }

    public bool RequestRequired { get; set; }

    /// <summary>What the method returns: a record, a union, <c>StripeObject</c> or a page of one of them.</summary>
    public required TypeRef Result { get; set; }

    public required string Summary { get; init; }

    public required string DocUrl { get; init; }

    public string ResultDoc { get; set; } = string.Empty;

    /// <summary>The host of an operation with its own <c>servers</c> entry, such as <c>https://connect.stripe.com/</c>.</summary>
    public string? Server { get; init; }
}

internal sealed class ServiceModel(ServiceConfig config)
{
    public ServiceConfig Config { get; } = config;

    public List<MethodModel> Methods { get; } = [];
}

/// <summary>One event type: its wire name, its C# member and the record its <c>data.object</c> is read into.</summary>
internal sealed class EventTypeModel
{
    public required string Wire { get; init; }

    public required string Member { get; init; }

    public required string Doc { get; init; }
}

/// <summary>Everything the emitters print: the built, named and documented model of the API.</summary>
internal sealed class ApiModel
{
    public string ApiVersion { get; set; } = string.Empty;

    /// <summary>The namespace of the generated code.</summary>
    public string Namespace { get; set; } = "Stripe.Connect.Client";

    /// <summary>The v2 family: JSON bodies, <c>V2List</c> pages, idempotency keys on DELETE.</summary>
    public bool IsV2 { get; set; }

    /// <summary>The class holding the services (<c>ConnectClient</c> for v1, <c>CoreServices</c> for v2 Core).</summary>
    public string ServicesClass { get; set; } = "ConnectClient";

    /// <summary>The internal source-generated JSON context of the family (one per namespace: their generated files must not clash).</summary>
    public string JsonContext => IsV2 ? "V2CoreJsonContext" : "ConnectJsonContext";

    /// <summary>The name of the model factory class.</summary>
    public string ModelFactory { get; set; } = "ConnectModelFactory";

    public SortedDictionary<string, EnumModel> Enums { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, RecordModel> Records { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, UnionModel> Unions { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, InputModel> Inputs { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, OneOfModel> OneOfs { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, RangeModel> Ranges { get; } = new(StringComparer.Ordinal);

    public List<ServiceModel> Services { get; } = [];

    /// <summary>The event types of the v1 (snapshot) envelope, in ordinal order of their wire names.</summary>
    public List<EventTypeModel> EventTypes { get; } = [];

    /// <summary>Object name → record that an event's <c>data.object</c> of that type is read into.</summary>
    public SortedDictionary<string, string> EventObjects { get; } = new(StringComparer.Ordinal);

    /// <summary>Object name → record of the deleted form (<c>{id, object, deleted: true}</c>).</summary>
    public SortedDictionary<string, string> DeletedEventObjects { get; } = new(StringComparer.Ordinal);

    public GenerationReport Report { get; } = new();

    /// <summary>While shapes are merged: place key → members that place required but its merged record does not.</summary>
    public Dictionary<string, SortedSet<string>> PlaceRequired { get; } = new(StringComparer.Ordinal);

    /// <summary>The record or union of this name, or <see langword="null"/>.</summary>
    public bool IsRecordOrUnion(string name) => Records.ContainsKey(name) || Unions.ContainsKey(name);
}

/// <summary>What the run could not generate, and why: configured operations the document lacks, and shapes it read as something simpler.</summary>
internal sealed class GenerationReport
{
    private readonly SortedDictionary<string, (string First, int Count)> _skipped = new(StringComparer.Ordinal);

    public List<string> MissingOperations { get; } = [];

    /// <summary>Naming decisions a maintainer may want to look at (a fallback name, a shortened name).</summary>
    public SortedSet<string> Notes { get; } = new(StringComparer.Ordinal);

    /// <summary>One line per kind of shape the generator does not type (yet): what it did instead, how often, and the first place.</summary>
    public IEnumerable<string> Skipped => _skipped.Select(s => $"{s.Key} ({s.Value.Count} place{(s.Value.Count == 1 ? string.Empty : "s")}, first {s.Value.First})");

    public int SkippedKinds => _skipped.Count;

    /// <summary>Records that <paramref name="what"/> happened at <paramref name="where"/>.</summary>
    public void Skip(string what, string where)
    {
        _skipped[what] = _skipped.TryGetValue(what, out var seen) ? (seen.First, seen.Count + 1) : (where, 1);
    }
}
