using System.Text.Json;
using Stripe.Connect.Client.Generator.Configuration;
using Stripe.Connect.Client.Generator.Document;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Building;

/// <summary>
/// Walks the response schemas the configured operations return and adds their records, unions and enums to the model,
/// keyed by shape (<c>account</c>, <c>account.settings</c>, <c>account.type</c>); names and docs come later. Stubs and
/// resources no configured operation returns become <see cref="TypeKind.StripeObject"/>; what it cannot type is reported.
/// </summary>
internal sealed partial class ResponseWalker
{
    private const string DocsBase = "https://docs.stripe.com/api/";

    private readonly SpecDocument _doc;
    private readonly GeneratorConfig _config;
    private readonly ApiModel _model;
    private readonly HashSet<string> _inScope = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unionBySet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TypeRef> _schemaTypes = new(StringComparer.Ordinal);

    public ResponseWalker(SpecDocument doc, GeneratorConfig config, ApiModel model, IEnumerable<JsonElement> resultSchemas)
    {
        _doc = doc;
        _config = config;
        _model = model;
        IndexUnions();
        foreach (var schema in resultSchemas)
        {
            MarkInScope(schema);
        }
    }

    /// <summary>The type an operation returns: a record, a union, <c>StripeObject</c> or a page of one of them.</summary>
    public TypeRef Result(JsonElement schema, string docUrl, string where)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            _model.Report.Skip("operation without a JSON 200 response: returns StripeObject", where);
            return TypeRef.StripeObject;
        }

        if (SpecDocument.IsList(schema))
        {
            return TypeRef.PageOf(Entity(SpecDocument.ListItems(schema), docUrl, where));
        }

        if (SpecDocument.IsV2List(schema))
        {
            return TypeRef.V2PageOf(Entity(SpecDocument.ListItems(schema), docUrl, where));
        }

        return Entity(schema, docUrl, where);
    }

    private TypeRef Entity(JsonElement schema, string docUrl, string where)
    {
        var t = Member(schema, "result", "result", docUrl, where).AsNonNullable();
        if (t.Kind is TypeKind.Record or TypeKind.Union or TypeKind.StripeObject or TypeKind.External)
        {
            return t;
        }

        _model.Report.Skip($"operation result of kind {t.Kind}: returns StripeObject", where);
        return TypeRef.StripeObject;
    }

    private void MarkInScope(JsonElement schema)
    {
        if (SpecDocument.IsList(schema) || SpecDocument.IsV2List(schema))
        {
            schema = SpecDocument.ListItems(schema);
        }

        var refs = new List<string>();
        if (SpecDocument.RefName(schema) is { } name)
        {
            refs.Add(name);
        }
        else if (SpecDocument.TryGetAlternatives(schema, out var any))
        {
            refs.AddRange(any.EnumerateArray().Select(SpecDocument.RefName).OfType<string>());
        }

        foreach (var r in refs.Where(_doc.HasSchema))
        {
            _inScope.Add(r);
            if (SpecDocument.TryGetAlternatives(_doc.Schema(r), out var variants))
            {
                _inScope.UnionWith(variants.EnumerateArray().Select(SpecDocument.RefName).OfType<string>());
            }
        }
    }

    /// <summary>Out of scope: stubs, other API resources no configured operation returns, and unions with such a variant.</summary>
    private bool IsOpaque(string schemaName)
    {
        if (!_doc.HasSchema(schemaName))
        {
            return true;
        }

        var s = _doc.Schema(schemaName);
        if (SpecDocument.Flag(s, "x-stripeStub") || (s.TryGetProperty("x-resourceId", out _) && !_inScope.Contains(schemaName)))
        {
            return true;
        }

        return IsUnionSchema(s) && Variants(s).Any(IsOpaque);
    }

    private TypeRef ForSchema(string schemaName, string docUrl, string where)
    {
        if (_schemaTypes.TryGetValue(schemaName, out var known))
        {
            return known;
        }

        if (_config.ExternalTypes.TryGetValue(schemaName, out var external))
        {
            return _schemaTypes[schemaName] = TypeRef.Named(TypeKind.External, external);
        }

        if (!_doc.HasSchema(schemaName))
        {
            _model.Report.Skip("reference to a schema the document lacks: read as StripeObject", where);
            return TypeRef.StripeObject;
        }

        if (IsOpaque(schemaName))
        {
            return _schemaTypes[schemaName] = TypeRef.StripeObject;
        }

        var s = _doc.Schema(schemaName);
        var own = _config.SchemaDocs.TryGetValue(schemaName, out var d) ? DocsBase + d : docUrl;
        if (IsUnionSchema(s))
        {
            // Set before the variants are built, so a variant that points back at its union finds it.
            _schemaTypes[schemaName] = TypeRef.Named(TypeKind.Union, schemaName);
            return _schemaTypes[schemaName] = BuildUnion(schemaName, s, own, where);
        }

        var record = _schemaTypes[schemaName] = TypeRef.Named(TypeKind.Record, schemaName);
        BuildRecord(schemaName, s, own, schemaName);
        return record;
    }

    private void BuildRecord(string key, JsonElement s, string docUrl, string? schemaName)
    {
        var isResource = schemaName is not null && s.TryGetProperty("x-resourceId", out _);
        var record = new RecordModel(key) { DocUrl = docUrl, SchemaName = schemaName, IsResource = isResource };
        record.Places.Add(key);
        _model.Records[key] = record;
        var required = SpecDocument.RequiredSet(s);
        foreach (var p in SpecDocument.SortedProperties(s))
        {
            var wire = p.Name;
            var ps = p.Value;
            var facts = new MemberFacts(SpecDocument.Flag(ps, "nullable"), required.Contains(wire), SpecDocument.Int(ps, "maxLength"), SpecDocument.Flag(ps, "deprecated"));
            var isRequired = facts.Required;
            var nullableInDoc = facts.NullableInDocument;
            TypeRef t;
            DefaultValue? fixedDefault = null;
            if (wire == "object" && SpecDocument.Str(ps, "type") == "string")
            {
                var values = SpecDocument.EnumValues(ps, out _);
                record.ObjectValue = values.Count == 1 ? values[0] : null;
                t = TypeRef.String;
                fixedDefault = record.ObjectValue is null ? DefaultValue.EmptyString : DefaultValue.Text(record.ObjectValue);
            }
            else if (wire == "id" && isResource && SpecDocument.Str(ps, "type") == "string")
            {
                t = TypeRef.String;
                fixedDefault = DefaultValue.EmptyString;
                record.HasId = true;
            }
            else
            {
                t = Member(ps, key, wire, docUrl, key + "." + wire);
            }

            // Metadata on a response is never null: an absent map is the empty one.
            var isMetadata = wire == "metadata" && t.Kind == TypeKind.Map;
            var dflt = fixedDefault ?? DefaultFor(t);
            var nullable = fixedDefault is null && !isMetadata
                && (nullableInDoc || !isRequired || t.IsNullable || (dflt.Kind == DefaultKind.None && !t.IsValueType));
            var secret = wire.Contains("secret", StringComparison.Ordinal) || (schemaName is not null && _config.SecretFields.Contains(schemaName + "." + wire));
            record.Props.Add(new PropertyModel
            {
                Wire = wire,
                Name = Words.Pascal(wire),
                Type = nullable ? t.AsNullable() : t.AsNonNullable(),
                Default = nullable ? DefaultValue.None : dflt,
                Secret = secret,
                Facts = facts,
            });
        }
    }

    /// <summary>The never-null default of a required member: empty string, list or map, or a new record or page.</summary>
    private static DefaultValue DefaultFor(TypeRef t) => t.Kind switch
    {
        TypeKind.String => DefaultValue.EmptyString,
        TypeKind.List => DefaultValue.EmptyList,
        TypeKind.Map => DefaultValue.EmptyMap,
        TypeKind.Record or TypeKind.Page => DefaultValue.NewInstance,
        _ => DefaultValue.None,
    };

    /// <summary>The type of a member schema, before the member's own nullability (nullable here means "may always be null").</summary>
    private TypeRef Member(JsonElement s, string ownerKey, string wire, string docUrl, string where)
    {
        if (SpecDocument.RefName(s) is { } refName)
        {
            return Ref(refName, docUrl, where);
        }

        if (SpecDocument.TryGetAlternatives(s, out var anyOf))
        {
            return AnyOf(anyOf, ownerKey, wire, docUrl, where);
        }

        if (s.TryGetProperty("allOf", out _))
        {
            _model.Report.Skip("allOf: read as JsonElement", where);
            return TypeRef.Json.AsNullable();
        }

        var type = SpecDocument.Str(s, "type");
        if (type == "string" && SpecDocument.EnumValues(s, out _) is { Count: > 0 } values)
        {
            var key = ownerKey + "." + wire;
            if (!_model.Enums.TryGetValue(key, out var e))
            {
                _model.Enums[key] = e = new EnumModel(key) { DocUrl = docUrl };
                e.Places.Add(key);
            }

            e.Values.UnionWith(values);
            return TypeRef.Named(TypeKind.Enum, key);
        }

        if (ScalarMappings.Map(s, where, _model.Report) is { } scalar)
        {
            return scalar;
        }

        if (type == "array")
        {
            return s.TryGetProperty("items", out var items) ? TypeRef.ListOf(Member(items, ownerKey, wire, docUrl, where).AsNonNullable()) : TypeRef.ListOf(TypeRef.Json);
        }

        if (type is "object" or null)
        {
            if (SpecDocument.IsList(s))
            {
                return TypeRef.PageOf(Member(SpecDocument.ListItems(s), ownerKey, wire, docUrl, where).AsNonNullable());
            }

            if (s.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object && props.EnumerateObject().Any())
            {
                var key = ownerKey + "." + wire;
                if (!_model.Records.ContainsKey(key))
                {
                    BuildRecord(key, s, docUrl, null);
                }

                return TypeRef.Named(TypeKind.Record, key);
            }

            if (s.TryGetProperty("additionalProperties", out var ap) && ap.ValueKind == JsonValueKind.Object)
            {
                return TypeRef.MapOf(Member(ap, ownerKey, wire, docUrl, where).AsNonNullable());
            }
        }

        _model.Report.Skip($"free-form {type ?? "untyped"} schema: read as JsonElement", where);
        return TypeRef.Json.AsNullable();
    }

    private TypeRef Ref(string refName, string docUrl, string where)
    {
        var t = ForSchema(refName, docUrl, where);
        return t.Kind is TypeKind.StripeObject or TypeKind.Union ? t.AsNullable() : t;
    }

    private TypeRef AnyOf(JsonElement anyOf, string ownerKey, string wire, string docUrl, string where)
    {
        var refs = new List<string>();
        var strings = 0;
        var others = 0;
        foreach (var a in anyOf.EnumerateArray())
        {
            if (SpecDocument.RefName(a) is { } rn)
            {
                refs.Add(rn);
            }
            else if (SpecDocument.Str(a, "type") == "string")
            {
                strings++;
            }
            else
            {
                others++;
            }
        }

        if (others > 0 || refs.Count == 0)
        {
            if (refs.Count == 0 && others == 1 && strings == 0)
            {
                return Member(anyOf[0], ownerKey, wire, docUrl, where).AsNullable();
            }

            _model.Report.Skip("anyOf mixing objects and scalars: read as JsonElement", where);
            return TypeRef.Json.AsNullable();
        }

        var target = refs.Count == 1 ? ForSchema(refs[0], docUrl, where) : UnionOrObject(anyOf, docUrl, where);
        if (strings > 0)
        {
            return TypeRef.ExpandableOf(target.AsNonNullable()).AsNullable();
        }

        return refs.Count == 1 ? Ref(refs[0], docUrl, where) : target.AsNullable();
    }
}
