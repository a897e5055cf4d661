namespace Stripe.Connect.Client.Generator.Model;

/// <summary>What a <see cref="TypeRef"/> stands for; the emitters decide how each kind is printed, read and written.</summary>
internal enum TypeKind
{
    /// <summary>A string.</summary>
    String,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>A 64-bit integer (on the wire a number, or a string with <see cref="WireFormat.Int64String"/>).</summary>
    Int64,

    /// <summary>A decimal (on the wire a number, or a string with <see cref="WireFormat.DecimalString"/>).</summary>
    Decimal,

    /// <summary>A point in time: <c>DateTimeOffset</c> (Unix seconds or RFC 3339 on the wire, see <see cref="WireFormat"/>).</summary>
    Timestamp,

    /// <summary>A generated extensible enum; <see cref="TypeRef.Name"/> names it.</summary>
    Enum,

    /// <summary>A generated response record; <see cref="TypeRef.Name"/> names it.</summary>
    Record,

    /// <summary>A generated polymorphic response (abstract base record plus variants); <see cref="TypeRef.Name"/> names it.</summary>
    Union,

    /// <summary>An object this SDK has no record for (stubs, resources outside the generated set).</summary>
    StripeObject,

    /// <summary>Free-form JSON (<c>JsonElement</c>).</summary>
    Json,

    /// <summary>A read-only list of <see cref="TypeRef.Item"/>.</summary>
    List,

    /// <summary>A read-only map from string to <see cref="TypeRef.Item"/>.</summary>
    Map,

    /// <summary>One page of a v1 list (<c>StripeList&lt;T&gt;</c>) of <see cref="TypeRef.Item"/>.</summary>
    Page,

    /// <summary>One page of a v2 list (<c>V2List&lt;T&gt;</c>: <c>data</c>, <c>next_page_url</c>, <c>previous_page_url</c>) of <see cref="TypeRef.Item"/>.</summary>
    V2Page,

    /// <summary>An id or, when expanded, the object <see cref="TypeRef.Item"/>.</summary>
    Expandable,

    /// <summary>A request value that may also be sent as the empty string, which clears it (<c>Emptyable&lt;T&gt;</c>).</summary>
    Emptyable,

    /// <summary>A generated nested request record; <see cref="TypeRef.Name"/> names it.</summary>
    Input,

    /// <summary>A generated request parameter that takes one of several shapes; <see cref="TypeRef.Name"/> names it.</summary>
    OneOf,

    /// <summary>A generated list filter (<c>gt</c>, <c>gte</c>, <c>lt</c>, <c>lte</c> or one exact value) over <see cref="TypeRef.Item"/>.</summary>
    Range,

    /// <summary>Request metadata: any sequence of string pairs, or the value that clears it.</summary>
    Metadata,

    /// <summary>
    /// A hand-written runtime type that stands for a schema (<c>externalTypes</c> in the configuration: the v1 <c>event</c>
    /// is <c>StripeEvent</c>, shared with webhooks); <see cref="TypeRef.Name"/> names it. Never renamed, never emitted.
    /// </summary>
    External,
}

/// <summary>How a value is spelled on the wire when its C# type alone does not say it.</summary>
internal enum WireFormat
{
    /// <summary>The JSON or form type that matches the kind.</summary>
    Default,

    /// <summary>A timestamp as an integer count of seconds since the Unix epoch (v1).</summary>
    UnixTime,

    /// <summary>A timestamp as an RFC 3339 string (v2).</summary>
    DateTime,

    /// <summary>A decimal as a string, so no precision is lost (v2 <c>decimal_string</c>, v1 <c>*_decimal</c>).</summary>
    DecimalString,

    /// <summary>A 64-bit integer as a string (v2 <c>int64_string</c>).</summary>
    Int64String,

    /// <summary>v2 request metadata: a value may be JSON <c>null</c>, which removes that key.</summary>
    NullableValues,
}

/// <summary>
/// A reference to a C# type, as data: its kind, the name of a generated type, its type arguments, whether it may be
/// <see langword="null"/> and how it is spelled on the wire. No C# source text is held here; only the emitters print
/// types (<c>Emitting/CSharpTypes</c>).
/// </summary>
internal sealed record TypeRef
{
    private TypeRef(TypeKind kind, string? name, IReadOnlyList<TypeRef> args, WireFormat wire)
    {
        Kind = kind;
        Name = name;
        Args = args;
        Wire = wire;
    }

    public static TypeRef String { get; } = Scalar(TypeKind.String);

    public static TypeRef Boolean { get; } = Scalar(TypeKind.Boolean);

    public static TypeRef Int64 { get; } = Scalar(TypeKind.Int64);

    public static TypeRef Decimal { get; } = Scalar(TypeKind.Decimal);

    public static TypeRef UnixTime { get; } = new(TypeKind.Timestamp, null, [], WireFormat.UnixTime);

    public static TypeRef StripeObject { get; } = Scalar(TypeKind.StripeObject);

    public static TypeRef Json { get; } = Scalar(TypeKind.Json);

    public static TypeRef Metadata { get; } = Scalar(TypeKind.Metadata);

    public TypeKind Kind { get; }

    /// <summary>The generated type's name (enums, records, unions, inputs, one-ofs, ranges); while the model is built, its shape key.</summary>
    public string? Name { get; init; }

    public IReadOnlyList<TypeRef> Args { get; init; }

    public bool IsNullable { get; init; }

    public WireFormat Wire { get; init; }

    /// <summary>The single type argument of a list, map, page, expandable, emptyable or range.</summary>
    public TypeRef Item => Args.Count == 1 ? Args[0] : throw new InvalidOperationException($"{Kind} has no single type argument.");

    /// <summary>A C# value type (so <c>T?</c> is <c>Nullable&lt;T&gt;</c>).</summary>
    public bool IsValueType => Kind is TypeKind.Boolean or TypeKind.Int64 or TypeKind.Decimal or TypeKind.Timestamp or TypeKind.Enum or TypeKind.Json
        || (Kind == TypeKind.Emptyable && Item.Kind != TypeKind.Metadata);

    /// <summary>A type the generator writes a file for.</summary>
    public bool IsGenerated => Kind is TypeKind.Enum or TypeKind.Record or TypeKind.Union or TypeKind.Input or TypeKind.OneOf or TypeKind.Range;

    public static TypeRef Scalar(TypeKind kind, WireFormat wire = WireFormat.Default) => new(kind, null, [], wire);

    public static TypeRef Named(TypeKind kind, string name) => new(kind, name, [], WireFormat.Default);

    public static TypeRef ListOf(TypeRef item) => Generic(TypeKind.List, item);

    public static TypeRef MapOf(TypeRef item) => Generic(TypeKind.Map, item);

    public static TypeRef PageOf(TypeRef item) => Generic(TypeKind.Page, item);

    public static TypeRef V2PageOf(TypeRef item) => Generic(TypeKind.V2Page, item);

    public static TypeRef ExpandableOf(TypeRef item) => Generic(TypeKind.Expandable, item);

    public static TypeRef EmptyableOf(TypeRef item) => Generic(TypeKind.Emptyable, item);

    public static TypeRef RangeOf(TypeRef item, string name) => new(TypeKind.Range, name, [item], WireFormat.Default);

    public TypeRef AsNullable() => IsNullable ? this : this with { IsNullable = true };

    public TypeRef AsNonNullable() => IsNullable ? this with { IsNullable = false } : this;

    /// <summary>This type and every type argument, depth first.</summary>
    public IEnumerable<TypeRef> SelfAndArgs()
    {
        yield return this;
        foreach (var a in Args)
        {
            foreach (var t in a.SelfAndArgs())
            {
                yield return t;
            }
        }
    }

    /// <summary>The same type with generated names replaced (shape keys by their final names, or merged shapes by the shared one).</summary>
    public TypeRef Rename(Func<TypeRef, string?> rename)
    {
        var renamed = Args.Select(a => a.Rename(rename)).ToArray();
        var args = renamed.Zip(Args).All(p => ReferenceEquals(p.First, p.Second)) ? Args : renamed;
        var name = Name is null ? null : rename(this) ?? Name;
        return ReferenceEquals(args, Args) && name == Name ? this : this with { Name = name, Args = args };
    }

    public bool Equals(TypeRef? other) =>
        other is not null && Kind == other.Kind && Name == other.Name && IsNullable == other.IsNullable && Wire == other.Wire && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Kind, Name, IsNullable, Wire, Args.Count == 0 ? 0 : Args[0].GetHashCode());

    /// <summary>A compact description for diagnostics and signatures, such as <c>List&lt;Record:person&gt;?</c>.</summary>
    public override string ToString()
    {
        var text = Kind.ToString();
        if (Wire != WireFormat.Default)
        {
            text += "/" + Wire;
        }

        if (Name is not null)
        {
            text += ":" + Name;
        }

        if (Args.Count > 0)
        {
            text += "<" + string.Join(",", Args) + ">";
        }

        return IsNullable ? text + "?" : text;
    }

    private static TypeRef Generic(TypeKind kind, TypeRef item) => new(kind, null, [item], WireFormat.Default);
}

/// <summary>What a never-null response member starts at, and what its setter turns a JSON <c>null</c> back into.</summary>
internal enum DefaultKind
{
    /// <summary>No default: the member is nullable or a value type.</summary>
    None,

    /// <summary><c>string.Empty</c>.</summary>
    EmptyString,

    /// <summary>An empty list (<c>[]</c>).</summary>
    EmptyList,

    /// <summary>The shared empty read-only map.</summary>
    EmptyMap,

    /// <summary>A new instance of the member's record or page type (assigned by the constructor, so the reader can skip it).</summary>
    NewInstance,

    /// <summary>A fixed string, such as an object's <c>object</c> name.</summary>
    Literal,
}

/// <summary>A member's default value, as data.</summary>
internal sealed record DefaultValue(DefaultKind Kind, string? Literal = null)
{
    public static DefaultValue None { get; } = new(DefaultKind.None);

    public static DefaultValue EmptyString { get; } = new(DefaultKind.EmptyString);

    public static DefaultValue EmptyList { get; } = new(DefaultKind.EmptyList);

    public static DefaultValue EmptyMap { get; } = new(DefaultKind.EmptyMap);

    public static DefaultValue NewInstance { get; } = new(DefaultKind.NewInstance);

    public static DefaultValue Text(string literal) => new(DefaultKind.Literal, literal);
}
