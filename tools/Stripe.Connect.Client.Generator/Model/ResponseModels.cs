namespace Stripe.Connect.Client.Generator.Model;

/// <summary>An extensible enum: a readonly struct with one static member per known wire value.</summary>
internal sealed class EnumModel(string key)
{
    /// <summary>The first place the enum was found at (<c>account.type</c>, <c>AccountCreateRequest.type</c>); stable across runs.</summary>
    public string Key { get; } = key;

    public string Name { get; set; } = key;

    public string Summary { get; set; } = string.Empty;

    public string DocUrl { get; set; } = string.Empty;

    public SortedSet<string> Values { get; } = new(StringComparer.Ordinal);

    /// <summary>Every place (owner key + wire name) that uses this enum, for naming and docs.</summary>
    public List<string> Places { get; } = [];
}

/// <summary>What the document says about one member, kept for the docs rules.</summary>
/// <param name="NullableInDocument">The document marks it <c>nullable</c>.</param>
/// <param name="Required">Listed in <c>required</c>.</param>
/// <param name="MaxLength">The document's <c>maxLength</c>, if any.</param>
/// <param name="Deprecated">The document marks it <c>deprecated</c>.</param>
internal sealed record MemberFacts(bool NullableInDocument, bool Required, int? MaxLength, bool Deprecated)
{
    public static MemberFacts None { get; } = new(false, false, null, false);
}

/// <summary>A member of a response record.</summary>
internal sealed class PropertyModel
{
    public required string Wire { get; init; }

    public required string Name { get; init; }

    /// <summary>The member's type, nullable when the member may be <see langword="null"/>.</summary>
    public required TypeRef Type { get; set; }

    public DefaultValue Default { get; set; } = DefaultValue.None;

    public string Doc { get; set; } = string.Empty;

    public bool Secret { get; init; }

    /// <summary>The <c>[Obsolete]</c> message, when the document deprecates the member.</summary>
    public string? Obsolete { get; set; }

    public MemberFacts Facts { get; init; } = MemberFacts.None;

    /// <summary>Declared by the union base record instead of this one.</summary>
    public bool InBase { get; set; }
}

/// <summary>A response record: a top-level resource, a nested object or a union variant.</summary>
internal sealed class RecordModel(string key)
{
    /// <summary>The schema name, or <c>owner.property</c> for an inline object; stable across runs.</summary>
    public string Key { get; } = key;

    public string Name { get; set; } = key;

    public string Summary { get; set; } = string.Empty;

    public string DocUrl { get; set; } = string.Empty;

    /// <summary>The component schema it was read from, or <see langword="null"/> for an inline object.</summary>
    public string? SchemaName { get; init; }

    /// <summary>A top-level API resource (<c>x-resourceId</c>), which operations return and events carry.</summary>
    public bool IsResource { get; init; }

    public List<PropertyModel> Props { get; } = [];

    public bool HasId { get; set; }

    /// <summary>The union this record is a variant of.</summary>
    public string? BaseName { get; set; }

    /// <summary>The fixed value of its <c>object</c> field, such as <c>account</c>.</summary>
    public string? ObjectValue { get; set; }

    /// <summary>Keys of the places this shape stands at (more than one when identical shapes were merged).</summary>
    public List<string> Places { get; } = [];

    /// <summary>Base members this variant sets in its constructors (its own <c>object</c> name).</summary>
    public List<(string Member, DefaultValue Value)> CtorAssignments { get; } = [];
}

/// <summary>A polymorphic response: an abstract base record and a converter that picks the variant from <c>object</c>.</summary>
internal sealed class UnionModel(string key)
{
    public string Key { get; } = key;

    public string Name { get; set; } = key;

    public string Summary { get; set; } = string.Empty;

    public string DocUrl { get; set; } = string.Empty;

    /// <summary>Object value → variant record, in document order; the first one is the fallback for unknown values.</summary>
    public List<(string ObjectValue, string Record)> Variants { get; } = [];

    public List<PropertyModel> BaseProps { get; } = [];

    public bool HasId { get; set; }

    /// <summary>
    /// An inline union (<c>typedUnions</c>): every kind without a variant reads as the generic fallback variant
    /// (<see cref="FallbackName"/>, keeping the raw JSON), and the base holds only <c>id</c> and <c>object</c>.
    /// </summary>
    public bool HasFallback { get; set; }

    /// <summary>The generic variant of a union with <see cref="HasFallback"/>: <c>Other</c> + its name.</summary>
    public string FallbackName => "Other" + Name;
}
