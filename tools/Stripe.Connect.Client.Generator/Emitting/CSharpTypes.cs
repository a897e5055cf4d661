using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>The only place a <see cref="TypeRef"/> becomes C# source text.</summary>
internal static class CSharpTypes
{
    /// <summary>The C# type of request metadata: any sequence of string pairs (a dictionary, a collection expression...).</summary>
    public const string MetadataType = "IEnumerable<KeyValuePair<string, string>>";

    /// <summary>v2 request metadata: string pairs whose value may be <see langword="null"/>, which removes the key.</summary>
    public const string NullableMetadataType = "IEnumerable<KeyValuePair<string, string?>>";

    /// <summary>The type as written in a declaration, with <c>?</c> when it is nullable.</summary>
    public static string Print(TypeRef t) => Bare(t) + (t.IsNullable ? "?" : string.Empty);

    /// <summary>The type without its own nullability.</summary>
    public static string Bare(TypeRef t) => t.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Boolean => "bool",
        TypeKind.Int64 => "long",
        TypeKind.Decimal => "decimal",
        TypeKind.Timestamp => "DateTimeOffset",
        TypeKind.StripeObject => "StripeObject",
        TypeKind.Json => "JsonElement",
        TypeKind.Metadata when t.Wire == WireFormat.NullableValues => NullableMetadataType,
        TypeKind.Metadata => MetadataType,
        TypeKind.List => $"IReadOnlyList<{Print(t.Item)}>",
        TypeKind.Map => $"IReadOnlyDictionary<string, {Print(t.Item)}>",
        TypeKind.Page => $"StripeList<{Print(t.Item)}>",
        TypeKind.V2Page => $"V2List<{Print(t.Item)}>",
        TypeKind.Expandable => $"Expandable<{Print(t.Item)}>",
        TypeKind.Emptyable when t.Item.Kind == TypeKind.Metadata => MetadataType,
        TypeKind.Emptyable => $"Emptyable<{Print(t.Item)}>",
        _ => t.Name ?? throw new InvalidOperationException($"A {t.Kind} type without a name."),
    };

    /// <summary>The name of the type's property in the source-generated <c>ConnectJsonContext</c> (<c>StripeList&lt;Account&gt;</c> → <c>StripeListAccount</c>).</summary>
    public static string ContextProperty(TypeRef t) => t.Kind switch
    {
        TypeKind.Page => "StripeList" + ContextProperty(t.Item),
        TypeKind.V2Page => "V2List" + ContextProperty(t.Item),
        _ => Bare(t),
    };

    /// <summary>A nullable value type prints as <c>Nullable&lt;T&gt;</c>: its value needs <c>.Value</c>.</summary>
    public static bool IsNullableValue(TypeRef t) => t.IsNullable && t.IsValueType && !(t.Kind == TypeKind.Emptyable && t.Item.Kind == TypeKind.Metadata);

    /// <summary>Whether any member type needs <c>System.Text.Json</c> (for <c>JsonElement</c>).</summary>
    public static bool UsesJsonElement(IEnumerable<TypeRef> types) => types.Any(t => t.SelfAndArgs().Any(a => a.Kind == TypeKind.Json));
}
