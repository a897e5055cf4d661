using System.Text.Json;
using Stripe.Connect.Client.Generator.Document;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Building;

/// <summary>
/// Unions: a component schema that is only an <c>anyOf</c> of <c>$ref</c>s (<c>external_account</c>) is a union, and an
/// inline <c>anyOf</c> with the same variants is typed as that union; an inline <c>anyOf</c> listed in
/// <c>typedUnions</c> (<c>balance_transaction.source</c>) becomes a union of its in-scope variants with a generic
/// fallback; any other inline <c>anyOf</c> of objects is read as <c>StripeObject</c> and reported.
/// </summary>
internal sealed partial class ResponseWalker
{
    private void IndexUnions()
    {
        foreach (var name in _doc.SchemaNames)
        {
            if (IsUnionSchema(_doc.Schema(name)) && SpecDocument.TryGetAlternatives(_doc.Schema(name), out var alternatives) && VariantSetKey(alternatives) is { } set)
            {
                _unionBySet.TryAdd(set, name);
            }
        }
    }

    private static bool IsUnionSchema(JsonElement s) =>
        SpecDocument.TryGetAlternatives(s, out var any) && any.GetArrayLength() > 1
        && any.EnumerateArray().All(a => SpecDocument.RefName(a) is not null) && !s.TryGetProperty("properties", out _);

    private static IEnumerable<string> Variants(JsonElement union) =>
        SpecDocument.TryGetAlternatives(union, out var any) ? any.EnumerateArray().Select(a => SpecDocument.RefName(a)!) : [];

    private static string? VariantSetKey(JsonElement anyOf)
    {
        var refs = new List<string>();
        foreach (var a in anyOf.EnumerateArray())
        {
            if (SpecDocument.RefName(a) is not { } n)
            {
                return null;
            }

            refs.Add(n);
        }

        refs.Sort(StringComparer.Ordinal);
        return string.Join('|', refs);
    }

    /// <summary>
    /// A named union whose variants are all records of no other union becomes a union; anything else (a variant that is
    /// itself a union, or already a variant elsewhere) is read as <c>StripeObject</c> and reported.
    /// </summary>
    private TypeRef BuildUnion(string schemaName, JsonElement s, string docUrl, string where)
    {
        var variants = new List<(string Schema, RecordModel Record)>();
        foreach (var variant in Variants(s))
        {
            var t = ForSchema(variant, docUrl, schemaName);
            if (t.Kind != TypeKind.Record || !_model.Records.TryGetValue(variant, out var record) || (record.BaseName is not null && record.BaseName != schemaName))
            {
                _model.Report.Skip("union whose variant is not a record of its own (a union, or a variant of another union): read as StripeObject", where);
                return TypeRef.StripeObject;
            }

            variants.Add((variant, record));
        }

        var union = new UnionModel(schemaName) { DocUrl = docUrl };
        _model.Unions[schemaName] = union;
        foreach (var (variant, record) in variants)
        {
            record.BaseName = schemaName;
            union.Variants.Add((record.ObjectValue ?? variant, variant));
        }

        return TypeRef.Named(TypeKind.Union, schemaName);
    }

    private TypeRef UnionOrObject(JsonElement anyOf, string docUrl, string where)
    {
        if (VariantSetKey(anyOf) is { } key && _unionBySet.TryGetValue(key, out var unionSchema) && !IsOpaque(unionSchema))
        {
            return ForSchema(unionSchema, docUrl, where);
        }

        if (_config.TypedUnions.Contains(where))
        {
            return InlineUnion(where, anyOf, docUrl);
        }

        // No named union with these variants (balance_transaction.source, charge.source...): read as a generic object.
        _model.Report.Skip("anyOf of objects without a named union schema: read as StripeObject", where);
        return TypeRef.StripeObject;
    }

    /// <summary>
    /// A configured inline union (<c>typedUnions</c>): its in-scope variants become records deriving from a union keyed by
    /// the place, and every other kind (stubs, resources no operation returns, kinds added later) reads as the generic
    /// fallback variant.
    /// </summary>
    private TypeRef InlineUnion(string key, JsonElement anyOf, string docUrl)
    {
        if (_model.Unions.ContainsKey(key))
        {
            return TypeRef.Named(TypeKind.Union, key);
        }

        var variants = new List<(string Schema, RecordModel Record)>();
        foreach (var variant in anyOf.EnumerateArray().Select(SpecDocument.RefName).OfType<string>().Where(v => !IsOpaque(v)))
        {
            var t = ForSchema(variant, docUrl, key);
            if (t.Kind != TypeKind.Record || !_model.Records.TryGetValue(variant, out var record) || (record.BaseName is not null && record.BaseName != key))
            {
                _model.Report.Skip("typed inline union whose variant is not a record of its own: read as StripeObject", key);
                return TypeRef.StripeObject;
            }

            variants.Add((variant, record));
        }

        if (variants.Count == 0)
        {
            _model.Report.Skip("typed inline union without an in-scope variant: read as StripeObject", key);
            return TypeRef.StripeObject;
        }

        var union = new UnionModel(key) { DocUrl = docUrl, HasFallback = true };
        _model.Unions[key] = union;
        foreach (var (variant, record) in variants)
        {
            record.BaseName = key;
            union.Variants.Add((record.ObjectValue ?? variant, variant));
        }

        return TypeRef.Named(TypeKind.Union, key);
    }
}
