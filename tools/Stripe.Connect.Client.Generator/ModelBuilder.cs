using System.Text.Json;

namespace Stripe.Connect.Client.Generator;

/// <summary>Reads an OpenAPI document in Stripe's conventions and builds the model of the code to write.</summary>
internal sealed partial class ModelBuilder
{
    private const string DocsBase = "https://docs.stripe.com/api/";
    private const string SchemaPrefix = "#/components/schemas/";

    private static readonly string[] ReservedNames =
    [
        "StripeEntity", "StripeList", "StripeObject", "Expandable", "Emptyable", "ConnectClient", "ConnectClientOptions", "ConnectService",
        "RequestOptions", "StripeResponse", "StripeRawResponse", "IHasId", "IStripeEnum", "ConnectJsonContext", "ConnectServiceRegistrations",
        "DateRangeFilter", "RangeFilter", "StripeError", "StripeException", "AppInfo", "Object", "String",
    ];

    private readonly JsonElement _root;
    private readonly JsonElement _schemas;
    private readonly GeneratorConfig _config;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _schemaClass = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inScope = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _unionBySet = new(StringComparer.Ordinal);

    public ModelBuilder(JsonElement root, GeneratorConfig config)
    {
        _root = root;
        _config = config;
        _schemas = root.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;
        foreach (var n in ReservedNames)
        {
            _names[n] = "reserved";
        }

        foreach (var svc in config.Services)
        {
            _names[svc.ClassName] = "service";
        }
    }

    public SortedDictionary<string, EnumModel> Enums { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, ObjectModel> Objects { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, UnionModel> Unions { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, ReqObjectModel> Requests { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, ReqUnionModel> RequestUnions { get; } = new(StringComparer.Ordinal);

    public List<ServiceModel> Services { get; } = [];

    /// <summary>Every type that can come back from an operation, for the JSON context (lists as <c>StripeList&lt;T&gt;</c>).</summary>
    public SortedSet<string> ResultTypes { get; } = new(StringComparer.Ordinal);

    public bool NeedsDateRange { get; private set; }

    public bool NeedsLongList { get; private set; }

    public bool NeedsRange { get; private set; }

    /// <summary>Configured operations the document does not have (reported, not fatal).</summary>
    public List<string> Missing { get; } = [];

    public string ApiVersion => _root.TryGetProperty("info", out var info) && info.TryGetProperty("version", out var v) ? v.GetString() ?? string.Empty : string.Empty;

    public void Build()
    {
        IndexUnions();
        var found = new List<(OperationConfig Config, JsonElement Op)>();
        foreach (var op in _config.Operations)
        {
            if (_root.GetProperty("paths").TryGetProperty(op.Path, out var pathItem) && pathItem.TryGetProperty(op.Http.ToLowerInvariant(), out var operation))
            {
                found.Add((op, operation));
                MarkInScope(operation);
            }
            else
            {
                Missing.Add($"{op.Http} {op.Path} ({op.Service}.{op.Method}Async)");
            }
        }

        foreach (var svc in _config.Services)
        {
            Services.Add(new ServiceModel(svc));
        }

        foreach (var (config, op) in found)
        {
            var service = Services.Find(s => s.Config.Property == config.Service)
                ?? throw new InvalidOperationException($"Operation {config.Http} {config.Path} names unknown service {config.Service}.");
            service.Methods.Add(BuildMethod(service.Config, config, op));
        }

        ShareTitledRequests();
    }

    // ---------------------------------------------------------------- operations

    private void MarkInScope(JsonElement op)
    {
        var schema = ResponseSchema(op);
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (IsList(schema))
        {
            schema = schema.GetProperty("properties").GetProperty("data").GetProperty("items");
        }

        foreach (var name in RefNames(schema))
        {
            _inScope.Add(name);
            if (Schema(name).TryGetProperty("anyOf", out var variants))
            {
                foreach (var v in variants.EnumerateArray())
                {
                    if (RefName(v) is { } vn)
                    {
                        _inScope.Add(vn);
                    }
                }
            }
        }
    }

    private MethodModel BuildMethod(ServiceConfig service, OperationConfig config, JsonElement op)
    {
        var docUrl = DocsBase + (config.Docs ?? service.Docs);
        var resourceHuman = Naming.HumanFromPascal(service.Resource);
        var requestName = $"{service.Resource}{config.Method}Request";
        var reqModel = BuildRequest(op, requestName, service.Resource, config, docUrl);

        var schema = ResponseSchema(op);
        string resultType;
        string? itemType = null;
        string resultDoc;
        if (IsList(schema))
        {
            itemType = ResponseClass(schema.GetProperty("properties").GetProperty("data").GetProperty("items"), docUrl);
            resultType = $"StripeList<{itemType}>";
            resultDoc = $"One page of {Naming.HumanFromPascal(itemType)} objects.";
        }
        else
        {
            resultType = ResponseClass(schema, docUrl);
            resultDoc = config.Method switch
            {
                "Create" => $"The new {Naming.HumanFromPascal(resultType)}.",
                "Delete" => "Confirmation of the deletion.",
                _ => $"The {Naming.HumanFromPascal(resultType)}.",
            };
        }

        ResultTypes.Add(itemType ?? resultType);
        var article = Naming.Article(resourceHuman);
        var summary = config.Summary is { } s ? s + "." : config.Method switch
        {
            "Create" => $"Creates {article}.",
            "Get" => $"Retrieves {article} by id.",
            "Update" => $"Updates {article}; parameters left unset keep their current value.",
            "Delete" => $"Deletes {article}.",
            "List" => $"Lists {resourceHuman} objects, one page at a time, newest first.",
            _ => $"Calls {config.Method} on {article}.",
        };

        return new MethodModel
        {
            Name = config.Method,
            Http = config.Http,
            Path = config.Path,
            Ids = config.PathParams,
            RequestName = reqModel?.Name,
            RequestRequired = reqModel is not null && reqModel.Props.Exists(p => p.Required),
            ResultType = resultType,
            ListItemType = itemType,
            Summary = summary,
            DocUrl = docUrl,
            ResultDoc = resultDoc,
        };
    }

    private static JsonElement ResponseSchema(JsonElement op)
    {
        if (op.TryGetProperty("responses", out var responses) && responses.TryGetProperty("200", out var ok)
            && ok.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
            && json.TryGetProperty("schema", out var schema))
        {
            return schema;
        }

        return default;
    }

    private static bool IsList(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var props)
        && props.TryGetProperty("object", out var obj) && obj.TryGetProperty("enum", out var e)
        && e.GetArrayLength() == 1 && e[0].ValueKind == JsonValueKind.String && e[0].GetString() == "list"
        && props.TryGetProperty("data", out var data) && data.TryGetProperty("items", out _);

    /// <summary>The class of a response schema that must be a type (not a scalar).</summary>
    private string ResponseClass(JsonElement schema, string docUrl)
    {
        var t = MapResponse(schema, "Result", "result", docUrl);
        return t.Cs;
    }

    // ---------------------------------------------------------------- schemas and names

    private JsonElement Schema(string name) =>
        _schemas.ValueKind == JsonValueKind.Object && _schemas.TryGetProperty(name, out var s) ? s : throw new InvalidOperationException($"Schema '{name}' is not in the document.");

    private static string? RefName(JsonElement s) =>
        s.ValueKind == JsonValueKind.Object && s.TryGetProperty("$ref", out var r) && r.GetString() is { } text && text.StartsWith(SchemaPrefix, StringComparison.Ordinal)
            ? text[SchemaPrefix.Length..]
            : null;

    private static IEnumerable<string> RefNames(JsonElement s)
    {
        if (RefName(s) is { } n)
        {
            yield return n;
        }
        else if (s.ValueKind == JsonValueKind.Object && s.TryGetProperty("anyOf", out var any))
        {
            foreach (var a in any.EnumerateArray())
            {
                if (RefName(a) is { } an)
                {
                    yield return an;
                }
            }
        }
    }

    private static bool Flag(JsonElement s, string name) => s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static string? Str(JsonElement s, string name) => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool IsUnionSchema(JsonElement s) => s.TryGetProperty("anyOf", out _) && !s.TryGetProperty("properties", out _);

    private void IndexUnions()
    {
        if (_schemas.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var names = new List<string>();
        foreach (var p in _schemas.EnumerateObject())
        {
            names.Add(p.Name);
        }

        names.Sort(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var s = _schemas.GetProperty(name);
            if (!IsUnionSchema(s))
            {
                continue;
            }

            var set = VariantSetKey(s.GetProperty("anyOf"));
            if (set is not null)
            {
                _unionBySet.TryAdd(set, name);
            }
        }
    }

    private static string? VariantSetKey(JsonElement anyOf)
    {
        var refs = new List<string>();
        foreach (var a in anyOf.EnumerateArray())
        {
            if (RefName(a) is not { } n)
            {
                return null;
            }

            refs.Add(n);
        }

        refs.Sort(StringComparer.Ordinal);
        return string.Join('|', refs);
    }

    /// <summary>Out of scope: stubs, and other API resources that no configured operation returns.</summary>
    private bool IsOpaque(string schemaName)
    {
        var s = Schema(schemaName);
        if (Flag(s, "x-stripeStub"))
        {
            return true;
        }

        if (s.TryGetProperty("x-resourceId", out _) && !_inScope.Contains(schemaName))
        {
            return true;
        }

        // A union is only typed when every variant is.
        if (IsUnionSchema(s))
        {
            foreach (var v in s.GetProperty("anyOf").EnumerateArray())
            {
                if (RefName(v) is not { } vn || IsOpaque(vn))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Claims a type name. The same key gets the same name back; a clash gets a numeric suffix.</summary>
    private string Claim(string wanted, string key)
    {
        var candidate = wanted;
        for (var i = 2; ; i++)
        {
            if (!_names.TryGetValue(candidate, out var owner))
            {
                _names[candidate] = key;
                return candidate;
            }

            if (owner == key)
            {
                return candidate;
            }

            candidate = wanted + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private string ClassNameOf(string schemaName) => _config.SchemaNames.TryGetValue(schemaName, out var n) ? n : Naming.Pascal(schemaName);

    private string TypeForSchema(string schemaName, string docUrl)
    {
        if (IsOpaque(schemaName))
        {
            return "StripeObject";
        }

        if (_schemaClass.TryGetValue(schemaName, out var cls))
        {
            return cls;
        }

        var s = Schema(schemaName);
        var own = _config.SchemaDocs.TryGetValue(schemaName, out var d) ? DocsBase + d : docUrl;
        var name = Claim(ClassNameOf(schemaName), "schema:" + schemaName);
        _schemaClass[schemaName] = name;
        if (IsUnionSchema(s))
        {
            BuildUnion(schemaName, name, s, own);
        }
        else
        {
            BuildObject(name, schemaName, s, own, schemaName);
        }

        return name;
    }

    private string Summary(string key, string name) =>
        _config.SchemaSummaries.TryGetValue(key, out var s) ? s : $"The {Naming.HumanFromPascal(name)} part of an API object.";

    // ---------------------------------------------------------------- responses

    private ObjectModel BuildObject(string name, string key, JsonElement s, string docUrl, string? schemaName)
    {
        var model = new ObjectModel(name, key, docUrl) { Summary = Summary(key, name) };
        Objects[name] = model;
        var required = new HashSet<string>(StringComparer.Ordinal);
        if (s.TryGetProperty("required", out var req))
        {
            foreach (var r in req.EnumerateArray())
            {
                required.Add(r.GetString()!);
            }
        }

        var isResource = s.TryGetProperty("x-resourceId", out _);
        var props = new List<JsonProperty>();
        if (s.TryGetProperty("properties", out var properties))
        {
            props.AddRange(properties.EnumerateObject());
        }

        props.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        var ownerHuman = Naming.HumanFromPascal(name);
        foreach (var p in props)
        {
            var wire = p.Name;
            var ps = p.Value;
            var propName = Naming.Pascal(wire);
            if (propName == name)
            {
                propName += "Value";
            }

            var nullableInDoc = Flag(ps, "nullable");
            var isRequired = required.Contains(wire);
            PType t;
            string? def = null;
            if (wire == "object" && Str(ps, "type") == "string")
            {
                var value = ps.TryGetProperty("enum", out var e) && e.GetArrayLength() == 1 ? e[0].GetString() : null;
                model.ObjectValue = value;
                t = new PType("string", false, null, value is null ? "string.Empty" : Naming.Literal(value));
                isRequired = true;
                nullableInDoc = false;
            }
            else if (wire == "id" && isResource && Str(ps, "type") == "string")
            {
                t = new PType("string", false, null, "string.Empty");
                isRequired = true;
                nullableInDoc = false;
                model.HasId = true;
            }
            else
            {
                t = MapResponse(ps, name, wire, docUrl);
            }

            var nullable = nullableInDoc || !isRequired || t.ForceNullable || (t.Default is null && !t.IsValue);
            var converter = t.Converter;
            if (nullable && converter == "UnixTimeJsonConverter")
            {
                converter = "NullableUnixTimeJsonConverter";
            }

            if (!nullable && t.Default is { } dflt)
            {
                // Records are mutable (plain setters), so a missing nested object gets its own empty instance rather
                // than a shared one that one caller's change would alter for everyone.
                def = dflt.EndsWith(".Empty", StringComparison.Ordinal) && Objects.ContainsKey(t.Cs) ? $"new {t.Cs}()" : dflt;
            }

            var secret = wire.Contains("secret", StringComparison.Ordinal) || (schemaName is not null && _config.SecretFields.Contains(schemaName + "." + wire));
            model.Props.Add(new PropModel
            {
                Wire = wire,
                Name = propName,
                Type = t.Cs + (nullable ? "?" : string.Empty),
                Converter = converter,
                Default = def,
                Doc = ResponseDoc(wire, ownerHuman, t, nullableInDoc, model.ObjectValue, secret),
                Secret = secret,
            });
        }

        return model;
    }

    private static string ResponseDoc(string wire, string ownerHuman, PType t, bool nullable, string? objectValue, bool secret)
    {
        var human = Naming.Human(wire);
        var text = wire switch
        {
            "id" => "The unique identifier of the object.",
            "object" => objectValue is null ? "The type of the object." : $"The type of the object: always <c>{Naming.Xml(objectValue)}</c>.",
            "created" => "When the object was created.",
            "livemode" => "<see langword=\"true\"/> for an object in live mode, <see langword=\"false\"/> in test mode.",
            "metadata" => "Your own key-value pairs attached to the object.",
            "deleted" => "Always <see langword=\"true\"/>: the object was deleted.",
            _ when t.Cs.StartsWith("Expandable<", StringComparison.Ordinal) => $"The {human}: its id, or the whole object when the request expands this field.",
            _ when t.Cs.StartsWith("StripeList<", StringComparison.Ordinal) => $"The first page of the {human} of this {ownerHuman}.",
            _ when t.Cs == "bool" => $"Whether '{human}' holds for this {ownerHuman}.",
            _ when t.Cs == "DateTimeOffset" => $"The {human} time.",
            _ when t.IsEnum => $"The {human}; see <see cref=\"{t.Cs}\"/> for the known values.",
            _ => $"The {human} of this {ownerHuman}.",
        };
        if (secret)
        {
            text += " A secret: it is masked in <c>ToString()</c>.";
        }

        return nullable ? text + " May be <see langword=\"null\"/>." : text;
    }

    /// <summary>The C# type of a response property, before nullability.</summary>
    private sealed record PType(string Cs, bool IsValue, string? Converter, string? Default, bool ForceNullable = false, bool IsEnum = false);

    private PType MapResponse(JsonElement s, string owner, string wire, string docUrl)
    {
        if (RefName(s) is { } refName)
        {
            return ForSchemaRef(refName, docUrl);
        }

        if (s.TryGetProperty("anyOf", out var anyOf))
        {
            var refs = new List<string>();
            var strings = 0;
            var others = 0;
            foreach (var a in anyOf.EnumerateArray())
            {
                if (RefName(a) is { } rn)
                {
                    refs.Add(rn);
                }
                else if (Str(a, "type") == "string")
                {
                    strings++;
                }
                else
                {
                    others++;
                }
            }

            if (others == 0 && refs.Count > 0)
            {
                var target = refs.Count == 1 ? TypeForSchema(refs[0], docUrl) : UnionOrObject(anyOf, docUrl);
                if (strings > 0)
                {
                    return new PType($"Expandable<{target}>", false, $"ExpandableJsonConverter<{target}>", null, ForceNullable: true);
                }

                return refs.Count == 1 ? ForSchemaRef(refs[0], docUrl) : new PType(target, false, null, null, ForceNullable: true);
            }

            return new PType("JsonElement", true, null, null, ForceNullable: true);
        }

        var type = Str(s, "type");
        switch (type)
        {
            case "string":
                if (s.TryGetProperty("enum", out var values))
                {
                    var e = EnsureEnum(owner + Naming.Pascal(wire), values, $"Values of the <c>{Naming.Xml(wire)}</c> field of {Naming.Article(Naming.HumanFromPascal(owner))}.", docUrl);
                    return e is null ? new PType("string", false, null, "string.Empty") : new PType(e, true, null, null, IsEnum: true);
                }

                return new PType("string", false, null, "string.Empty");
            case "integer":
                return Str(s, "format") == "unix-time"
                    ? new PType("DateTimeOffset", true, "UnixTimeJsonConverter", null)
                    : new PType("long", true, null, null);
            case "number":
                return new PType("decimal", true, null, null);
            case "boolean":
                return new PType("bool", true, null, null);
            case "array":
                {
                    var item = MapResponse(s.GetProperty("items"), owner, wire, docUrl);
                    string? converter = null;
                    if (item.Cs.StartsWith("Expandable<", StringComparison.Ordinal))
                    {
                        converter = "ExpandableListJsonConverter<" + item.Cs["Expandable<".Length..];
                    }

                    return new PType($"IReadOnlyList<{item.Cs}>", false, converter, "[]");
                }

            case "object":
            case null:
                if (IsList(s))
                {
                    var item = MapResponse(s.GetProperty("properties").GetProperty("data").GetProperty("items"), owner, wire, docUrl);
                    return new PType($"StripeList<{item.Cs}>", false, null, $"new StripeList<{item.Cs}>()");
                }

                if (s.TryGetProperty("properties", out var props) && props.EnumerateObject().Any())
                {
                    var key = owner + "." + wire;
                    var name = Claim(owner + Naming.Pascal(wire), "inline:" + key);
                    if (!Objects.ContainsKey(name))
                    {
                        BuildObject(name, key, s, docUrl, null);
                    }

                    return new PType(name, false, null, name + ".Empty");
                }

                if (s.TryGetProperty("additionalProperties", out var ap) && ap.ValueKind == JsonValueKind.Object)
                {
                    var value = MapResponse(ap, owner, wire, docUrl);
                    return new PType($"IReadOnlyDictionary<string, {value.Cs}>", false, null, $"System.Collections.ObjectModel.ReadOnlyDictionary<string, {value.Cs}>.Empty");
                }

                return new PType("JsonElement", true, null, null, ForceNullable: true);
            default:
                return new PType("JsonElement", true, null, null, ForceNullable: true);
        }
    }

    private PType ForSchemaRef(string refName, string docUrl)
    {
        var cls = TypeForSchema(refName, docUrl);
        if (cls == "StripeObject" || Unions.ContainsKey(cls))
        {
            return new PType(cls, false, null, null, ForceNullable: true);
        }

        return new PType(cls, false, null, cls + ".Empty");
    }

    private string UnionOrObject(JsonElement anyOf, string docUrl)
    {
        var key = VariantSetKey(anyOf);
        if (key is not null && _unionBySet.TryGetValue(key, out var unionSchema) && !IsOpaque(unionSchema))
        {
            return TypeForSchema(unionSchema, docUrl);
        }

        // No named union with these variants: the field is read as a generic object (documented fallback).
        return "StripeObject";
    }

    private void BuildUnion(string schemaName, string name, JsonElement s, string docUrl)
    {
        var union = new UnionModel(name, schemaName, docUrl) { Summary = Summary(schemaName, name) };
        Unions[name] = union;
        var variants = new List<ObjectModel>();
        foreach (var a in s.GetProperty("anyOf").EnumerateArray())
        {
            var vn = RefName(a) ?? throw new InvalidOperationException($"Union {schemaName} has a variant that is not a $ref.");
            var cls = TypeForSchema(vn, docUrl);
            if (!Objects.TryGetValue(cls, out var variant))
            {
                throw new InvalidOperationException($"Union {schemaName}: variant {vn} is not a generated object.");
            }

            if (variant.BaseName is not null && variant.BaseName != name)
            {
                throw new InvalidOperationException($"Schema {vn} is a variant of both {variant.BaseName} and {name}.");
            }

            variant.BaseName = name;
            variants.Add(variant);
            union.Variants.Add(new(variant.ObjectValue ?? vn, cls));
        }

        // Members every variant has with the same type move to the base; a differing default (the object name) is set by each variant's constructor.
        foreach (var p in variants[0].Props)
        {
            var common = true;
            var sameDefault = true;
            foreach (var v in variants)
            {
                var q = v.Props.Find(x => x.Wire == p.Wire);
                if (q is null || q.Type != p.Type || q.Converter != p.Converter || q.Name != p.Name || q.Secret != p.Secret)
                {
                    common = false;
                    break;
                }

                sameDefault &= q.Default == p.Default;
            }

            if (!common)
            {
                continue;
            }

            union.BaseProps.Add(new PropModel
            {
                Wire = p.Wire,
                Name = p.Name,
                Type = p.Type,
                Converter = p.Converter,
                Default = sameDefault ? p.Default : (p.Type == "string" ? "string.Empty" : null),
                Doc = p.Wire == "object" ? $"The type of the object: one of {string.Join(", ", union.Variants.ConvertAll(x => "<c>" + x.Key + "</c>"))}." : p.Doc,
                Secret = p.Secret,
            });
            foreach (var v in variants)
            {
                var q = v.Props.Find(x => x.Wire == p.Wire)!;
                q.InBase = true;
                if (!sameDefault && q.Default is not null)
                {
                    v.CtorAssignments.Add(new(q.Name, q.Default));
                }
            }

            if (p.Wire == "id" && p.Type == "string")
            {
                union.HasId = true;
            }
        }
    }

    private string? EnsureEnum(string wantedName, JsonElement values, string summary, string docUrl)
    {
        var list = new List<string>();
        foreach (var v in values.EnumerateArray())
        {
            if (v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } text)
            {
                list.Add(text);
            }
        }

        if (list.Count == 0)
        {
            return null;
        }

        var name = Claim(wantedName, "enum:" + wantedName);
        if (!Enums.TryGetValue(name, out var model))
        {
            model = new EnumModel(name, summary, docUrl);
            Enums[name] = model;
        }

        foreach (var v in list)
        {
            model.Values.Add(v);
        }

        return name;
    }

    // ---------------------------------------------------------------- requests

    private ReqObjectModel? BuildRequest(JsonElement op, string requestName, string resource, OperationConfig config, string docUrl)
    {
        var props = new List<(string Wire, JsonElement Schema, bool Required)>();
        if (op.TryGetProperty("parameters", out var parameters))
        {
            foreach (var p in parameters.EnumerateArray())
            {
                if (Str(p, "in") == "query")
                {
                    props.Add((p.GetProperty("name").GetString()!, p.GetProperty("schema"), Flag(p, "required")));
                }
            }
        }

        if (op.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content)
            && content.TryGetProperty("application/x-www-form-urlencoded", out var form) && form.TryGetProperty("schema", out var bodySchema))
        {
            var required = RequiredSet(bodySchema);
            if (bodySchema.TryGetProperty("properties", out var bp))
            {
                foreach (var p in bp.EnumerateObject())
                {
                    props.Add((p.Name, p.Value, required.Contains(p.Name)));
                }
            }
        }

        if (props.Count == 0)
        {
            return null;
        }

        var name = Claim(requestName, "request:" + requestName);
        var model = new ReqObjectModel(name, $"Parameters of <see cref=\"{config.Service switch { _ => ServiceClass(config) }}.{config.Method}Async\"/> (<c>{config.Http} {Naming.Xml(config.Path)}</c>).", docUrl);
        Requests[name] = model;
        props.Sort((a, b) => string.CompareOrdinal(a.Wire, b.Wire));
        foreach (var (wire, schema, required) in props)
        {
            model.Props.Add(RequestProp(name, name, 0, resource, [wire], wire, schema, required, docUrl));
        }

        return model;
    }

    private string ServiceClass(OperationConfig config) => _config.Services.Find(s => s.Property == config.Service)?.ClassName ?? config.Service;

    private static HashSet<string> RequiredSet(JsonElement s)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (s.TryGetProperty("required", out var req))
        {
            foreach (var r in req.EnumerateArray())
            {
                set.Add(r.GetString()!);
            }
        }

        return set;
    }

    private ReqPropModel RequestProp(string ownerName, string rootName, int rootDepth, string resource, List<string> path, string wire, JsonElement schema, bool required, string docUrl)
    {
        var type = MapRequest(schema, rootName, rootDepth, resource, path, docUrl);
        var name = Naming.Pascal(wire);
        if (name == ownerName)
        {
            name += "Value";
        }

        var human = Naming.Human(wire);
        var doc = wire switch
        {
            "expand" => "Related objects to return whole instead of as ids, such as <c>data.destination</c> on a list.",
            "metadata" => "Your own key-value pairs to store on the object.",
            "limit" => "How many objects a page holds, between 1 and 100 (the API's default is 10).",
            "starting_after" => "A cursor: the id of the last object of the previous page, to fetch the next page.",
            "ending_before" => "A cursor: the id of the first object of the next page, to fetch the previous page.",
            "created" => "Only objects created in this time range (or at this exact time).",
            _ => $"The {human}.",
        };
        if (type.Kind == RKind.Emptyable)
        {
            doc += " Set it to <c>Empty</c> to clear the value.";
        }

        if (required)
        {
            doc += " Required.";
        }

        return new ReqPropModel { Wire = wire, Name = name, Type = type, Required = required, Doc = doc };
    }

    private RType MapRequest(JsonElement s, string recordName, int rootDepth, string resource, List<string> path, string docUrl)
    {
        if (RefName(s) is { } rn)
        {
            s = Schema(rn);
        }

        var pathPascal = string.Concat(path.ConvertAll(Naming.Pascal));
        var relPascal = string.Concat(path.GetRange(rootDepth, path.Count - rootDepth).ConvertAll(Naming.Pascal));
        if (s.TryGetProperty("anyOf", out var anyOf))
        {
            var rest = new List<JsonElement>();
            var hasEmpty = false;
            foreach (var a in anyOf.EnumerateArray())
            {
                if (Str(a, "type") == "string" && a.TryGetProperty("enum", out var e) && e.GetArrayLength() == 1 && e[0].GetString() == string.Empty)
                {
                    hasEmpty = true;
                }
                else
                {
                    rest.Add(a);
                }
            }

            RType inner;
            if (rest.Count == 1)
            {
                inner = MapRequest(rest[0], recordName, rootDepth, resource, path, docUrl);
            }
            else if (rest.Count == 2 && IsRange(rest[0]) && Str(rest[1], "type") == "integer")
            {
                // created-like filters are times; others (amount) are plain numbers.
                var last = path[^1];
                if (last == "created" || last.EndsWith("_at", StringComparison.Ordinal) || last.EndsWith("date", StringComparison.Ordinal))
                {
                    NeedsDateRange = true;
                    inner = new RType(RKind.Custom, "DateRangeFilter", false);
                }
                else
                {
                    NeedsRange = true;
                    inner = new RType(RKind.Custom, "RangeFilter", false);
                }
            }
            else
            {
                inner = BuildRequestUnion(rest, recordName, rootDepth, resource, path, docUrl);
            }

            return hasEmpty ? Emptyable(inner) : inner;
        }

        switch (Str(s, "type"))
        {
            case "string":
                if (s.TryGetProperty("enum", out var values))
                {
                    var hasEmpty = false;
                    foreach (var v in values.EnumerateArray())
                    {
                        hasEmpty |= v.GetString() == string.Empty;
                    }

                    var e = EnsureEnum(resource + pathPascal, values, $"Values of the <c>{Naming.Xml(string.Join('.', path))}</c> parameter of {Naming.Article(Naming.HumanFromPascal(resource))} request.", docUrl);
                    var t = e is null ? new RType(RKind.Scalar, "string", false) : new RType(RKind.Scalar, e, true);
                    return hasEmpty ? Emptyable(t) : t;
                }

                return new RType(RKind.Scalar, "string", false);
            case "integer":
                return Str(s, "format") == "unix-time" ? new RType(RKind.Scalar, "DateTimeOffset", true) : new RType(RKind.Scalar, "long", true);
            case "number":
                return new RType(RKind.Scalar, "decimal", true);
            case "boolean":
                return new RType(RKind.Scalar, "bool", true);
            case "array":
                {
                    var items = s.GetProperty("items");
                    if (RefName(items) is { } irn)
                    {
                        items = Schema(irn);
                    }

                    var item = MapRequest(items, recordName, rootDepth, resource, path, docUrl);
                    switch (item.Kind)
                    {
                        case RKind.Nested:
                            return new RType(RKind.NestedList, $"IReadOnlyList<{item.Cs}>", false, item);
                        case RKind.Scalar when item.Cs == "long":
                            NeedsLongList = true;
                            return new RType(RKind.List, "IReadOnlyList<long>", false, item);
                        case RKind.Scalar when item.Cs == "string" || item.IsValue && Enums.ContainsKey(item.Cs):
                            return new RType(RKind.List, $"IReadOnlyList<{item.Cs}>", false, item);
                        default:
                            return new RType(RKind.List, "IReadOnlyList<string>", false, new RType(RKind.Scalar, "string", false));
                    }
                }

            default:
                if (s.TryGetProperty("properties", out var props) && props.EnumerateObject().Any())
                {
                    var name = Claim(recordName + relPascal, "request:" + recordName + "/" + string.Join('/', path));
                    if (!Requests.ContainsKey(name))
                    {
                        var model = new ReqObjectModel(name, $"The <c>{Naming.Xml(string.Join('.', path))}</c> parameter of <see cref=\"{recordName}\"/>.", docUrl) { Title = Str(s, "title"), Path = [.. path], Root = recordName };
                        Requests[name] = model;
                        var required = RequiredSet(s);
                        var list = new List<JsonProperty>(props.EnumerateObject());
                        list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                        foreach (var p in list)
                        {
                            model.Props.Add(RequestProp(name, recordName, rootDepth, resource, [.. path, p.Name], p.Name, p.Value, required.Contains(p.Name), docUrl));
                        }
                    }

                    return new RType(RKind.Nested, name, false);
                }

                return new RType(RKind.Map, "IReadOnlyDictionary<string, string>", false);
        }
    }

    private static RType Emptyable(RType inner) => new(RKind.Emptyable, $"Emptyable<{inner.Cs}>", true, inner);

    private static bool IsRange(JsonElement s)
    {
        if (Str(s, "type") != "object" || !s.TryGetProperty("properties", out var props))
        {
            return false;
        }

        var count = 0;
        foreach (var p in props.EnumerateObject())
        {
            if (p.Name is not ("gt" or "gte" or "lt" or "lte") || Str(p.Value, "type") != "integer")
            {
                return false;
            }

            count++;
        }

        return count > 0;
    }

    private RType BuildRequestUnion(List<JsonElement> alternatives, string recordName, int rootDepth, string resource, List<string> path, string docUrl)
    {
        var relPascal = string.Concat(path.GetRange(rootDepth, path.Count - rootDepth).ConvertAll(Naming.Pascal));
        var name = Claim(recordName + relPascal, "request:" + recordName + "/" + string.Join('/', path));
        if (RequestUnions.ContainsKey(name))
        {
            return new RType(RKind.Custom, name, false);
        }

        var model = new ReqUnionModel(name, $"The <c>{Naming.Xml(string.Join('.', path))}</c> parameter of <see cref=\"{recordName}\"/>: set exactly one of its members (or assign one of them directly).", docUrl) { Path = [.. path], Root = recordName };
        RequestUnions[name] = model;
        var used = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var index = 0;
        foreach (var a in alternatives)
        {
            index++;
            var altName = AlternativeName(a, index, used);
            var altPath = new List<string>(path);
            RType t;
            if (Str(a, "type") == "object" && a.TryGetProperty("properties", out _))
            {
                // The alternative object becomes its own record named after the union plus the alternative.
                var nestedName = Claim(name + altName, "request:" + name + "/" + altName);
                t = MapRequestObjectAs(a, nestedName, resource, altPath, docUrl, recordName);
            }
            else
            {
                t = MapRequest(a, recordName, rootDepth, resource, path, docUrl);
            }

            var doc = t.Kind switch
            {
                RKind.Nested => $"The parameter as {Naming.Article(Naming.HumanFromPascal(altName))} object.",
                _ when t.Cs == "string" => "The parameter as a string, such as a token or an id.",
                _ => $"The parameter as {Naming.Article(Naming.HumanFromPascal(altName))} value.",
            };
            model.Alternatives.Add(new ReqPropModel { Wire = string.Empty, Name = altName, Type = t, Doc = doc });
        }

        return new RType(RKind.Custom, name, false);
    }

    private RType MapRequestObjectAs(JsonElement s, string name, string resource, List<string> path, string docUrl, string recordName)
    {
        if (!Requests.ContainsKey(name))
        {
            var model = new ReqObjectModel(name, $"One form of the <c>{Naming.Xml(string.Join('.', path))}</c> parameter of <see cref=\"{recordName}\"/>.", docUrl) { Path = [.. path], Root = recordName };
            Requests[name] = model;
            var required = RequiredSet(s);
            var list = new List<JsonProperty>(s.GetProperty("properties").EnumerateObject());
            list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
            foreach (var p in list)
            {
                model.Props.Add(RequestProp(name, name, path.Count, resource, [.. path, p.Name], p.Name, p.Value, required.Contains(p.Name), docUrl));
            }
        }

        return new RType(RKind.Nested, name, false);
    }

    private static string AlternativeName(JsonElement a, int index, Dictionary<string, JsonElement> used)
    {
        string baseName;
        var type = Str(a, "type");
        if (type == "object" && a.TryGetProperty("properties", out var props))
        {
            baseName = props.TryGetProperty("object", out var o) && o.TryGetProperty("enum", out var e) && e.GetArrayLength() == 1
                ? Naming.Pascal(e[0].GetString()!)
                : Str(a, "title") is { } title ? Naming.Pascal(title) : "Object";
            if (used.TryGetValue(baseName, out var earlier))
            {
                // Same object name as an earlier alternative: add the first field this one has and the earlier one lacks.
                var names = new List<string>();
                foreach (var p in props.EnumerateObject())
                {
                    if (!earlier.GetProperty("properties").TryGetProperty(p.Name, out _))
                    {
                        names.Add(p.Name);
                    }
                }

                names.Sort(StringComparer.Ordinal);
                baseName += names.Count > 0 ? Naming.Pascal(names[0]) : index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            used[baseName] = a;
            return baseName;
        }

        baseName = type switch
        {
            "string" => "Value",
            "integer" or "number" => "Number",
            "boolean" => "Flag",
            "array" => "List",
            _ => "Option",
        };
        if (used.ContainsKey(baseName))
        {
            baseName += index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        used[baseName] = a;
        return baseName;
    }
}
