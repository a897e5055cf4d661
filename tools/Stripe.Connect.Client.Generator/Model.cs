namespace Stripe.Connect.Client.Generator;

/// <summary>An extensible enum: a readonly struct with one static member per known wire value.</summary>
internal sealed class EnumModel(string name, string summary, string docUrl)
{
    public string Name { get; } = name;

    public string Summary { get; } = summary;

    public string DocUrl { get; } = docUrl;

    public SortedSet<string> Values { get; } = new(StringComparer.Ordinal);
}

/// <summary>A property of a response record.</summary>
internal sealed class PropModel
{
    public required string Wire { get; init; }

    public required string Name { get; init; }

    /// <summary>The full C# type, with <c>?</c> when nullable.</summary>
    public required string Type { get; init; }

    public string? Converter { get; init; }

    public string? Default { get; init; }

    public required string Doc { get; init; }

    public bool Secret { get; init; }

    /// <summary>Declared by the union base record instead of this one.</summary>
    public bool InBase { get; set; }
}

/// <summary>A response record (a top-level object, a nested object or a union variant).</summary>
internal sealed class ObjectModel(string name, string key, string docUrl)
{
    public string Name { get; } = name;

    /// <summary>The schema name, or owner.property for inline objects.</summary>
    public string Key { get; } = key;

    public string DocUrl { get; } = docUrl;

    public string Summary { get; set; } = string.Empty;

    public List<PropModel> Props { get; } = [];

    public bool HasId { get; set; }

    public string? BaseName { get; set; }

    public string? ObjectValue { get; set; }

    /// <summary>Assignments of base members in the parameterless constructor (the variant's <c>object</c> value).</summary>
    public List<KeyValuePair<string, string>> CtorAssignments { get; } = [];
}

/// <summary>A polymorphic result: an abstract base record and a converter that picks the variant from <c>object</c>.</summary>
internal sealed class UnionModel(string name, string key, string docUrl)
{
    public string Name { get; } = name;

    public string Key { get; } = key;

    public string DocUrl { get; } = docUrl;

    public string Summary { get; set; } = string.Empty;

    /// <summary>Object value → variant class, in document order; the first one is the fallback for unknown values.</summary>
    public List<KeyValuePair<string, string>> Variants { get; } = [];

    public List<PropModel> BaseProps { get; } = [];

    public bool HasId { get; set; }
}

internal enum RKind
{
    Scalar,
    List,
    Map,
    Nested,
    NestedList,
    Custom,
    Emptyable,
}

/// <summary>The C# shape of a request parameter and how it is written to the form.</summary>
internal sealed record RType(RKind Kind, string Cs, bool IsValue, RType? Inner = null);

internal sealed class ReqPropModel
{
    public required string Wire { get; init; }

    public required string Name { get; init; }

    public required RType Type { get; init; }

    public bool Required { get; init; }

    public required string Doc { get; init; }
}

/// <summary>A request record, top-level (<c>AccountCreateRequest</c>) or nested.</summary>
internal sealed class ReqObjectModel(string name, string summary, string docUrl)
{
    public string Name { get; } = name;

    public string Summary { get; } = summary;

    public string DocUrl { get; } = docUrl;

    public List<ReqPropModel> Props { get; } = [];

    /// <summary>The <c>title</c> the document gives the inline object, if any (nested records only).</summary>
    public string? Title { get; init; }

    /// <summary>The wire path of the parameter inside its request (nested records only).</summary>
    public IReadOnlyList<string> Path { get; init; } = [];

    /// <summary>The record the summary refers to (nested records only).</summary>
    public string Root { get; init; } = string.Empty;
}

/// <summary>A parameter that takes one of several shapes (a token or an object...): one property per shape, at most one set.</summary>
internal sealed class ReqUnionModel(string name, string summary, string docUrl)
{
    public string Name { get; } = name;

    public string Summary { get; } = summary;

    public string DocUrl { get; } = docUrl;

    public List<ReqPropModel> Alternatives { get; } = [];

    /// <summary>The wire path of the parameter inside its request.</summary>
    public IReadOnlyList<string> Path { get; init; } = [];

    /// <summary>The record the summary refers to.</summary>
    public string Root { get; init; } = string.Empty;
}

internal sealed class MethodModel
{
    public required string Name { get; init; }

    public required string Http { get; init; }

    public required string Path { get; init; }

    public required List<KeyValuePair<string, string>> Ids { get; init; }

    public string? RequestName { get; init; }

    public bool RequestRequired { get; init; }

    public required string ResultType { get; init; }

    public string? ListItemType { get; init; }

    public required string Summary { get; init; }

    public required string DocUrl { get; init; }

    public required string ResultDoc { get; init; }
}

internal sealed class ServiceModel(ServiceConfig config)
{
    public ServiceConfig Config { get; } = config;

    public List<MethodModel> Methods { get; } = [];
}
