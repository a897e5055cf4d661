using System.Text.Json;

namespace Stripe.Connect.Client.Generator.Document;

/// <summary>
/// Read access to an OpenAPI document in Stripe's conventions (the repository's <c>spec/connect.openapi.json</c>, or
/// Stripe's published <c>spec3.json</c>): schemas, operations and the helpers every walker needs. It only reads.
/// </summary>
internal sealed class SpecDocument
{
    public const string SchemaPrefix = "#/components/schemas/";

    private readonly JsonElement _schemas;
    private readonly JsonElement _paths;

    public SpecDocument(JsonElement root)
    {
        Root = root;
        _schemas = root.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        _paths = root.TryGetProperty("paths", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
    }

    public JsonElement Root { get; }

    /// <summary>The API version of the document (<c>info.version</c>), such as <c>2026-10-28.endive</c>.</summary>
    public string ApiVersion => Root.TryGetProperty("info", out var info) && Str(info, "version") is { } v ? v : string.Empty;

    /// <summary>Every component schema name, in ordinal order.</summary>
    public IReadOnlyList<string> SchemaNames
    {
        get
        {
            if (_schemas.ValueKind != JsonValueKind.Object)
            {
                return [];
            }

            var names = _schemas.EnumerateObject().Select(p => p.Name).ToList();
            names.Sort(StringComparer.Ordinal);
            return names;
        }
    }

    /// <summary>Every operation of the document as (HTTP method in upper case, path, operation object), in document order.</summary>
    public IEnumerable<(string Http, string Path, JsonElement Operation)> Operations()
    {
        if (_paths.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        foreach (var path in _paths.EnumerateObject())
        {
            if (path.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var op in path.Value.EnumerateObject())
            {
                if (op.Name is "get" or "post" or "delete" or "put" or "patch" && op.Value.ValueKind == JsonValueKind.Object)
                {
                    yield return (op.Name.ToUpperInvariant(), path.Name, op.Value);
                }
            }
        }
    }

    public bool TryGetOperation(string http, string path, out JsonElement operation)
    {
        operation = default;
        return _paths.ValueKind == JsonValueKind.Object && _paths.TryGetProperty(path, out var item) && item.ValueKind == JsonValueKind.Object
            && item.TryGetProperty(http.ToLowerInvariant(), out operation) && operation.ValueKind == JsonValueKind.Object;
    }

    public bool HasSchema(string name) => _schemas.ValueKind == JsonValueKind.Object && _schemas.TryGetProperty(name, out _);

    public JsonElement Schema(string name) =>
        _schemas.ValueKind == JsonValueKind.Object && _schemas.TryGetProperty(name, out var s) ? s : throw new InvalidOperationException($"Schema '{name}' is not in the document.");

    /// <summary>The schema a <c>$ref</c> points to, or the schema itself.</summary>
    public JsonElement Resolve(JsonElement s) => RefName(s) is { } name && HasSchema(name) ? Schema(name) : s;

    /// <summary>The component name a <c>{"$ref": "#/components/schemas/x"}</c> points to.</summary>
    public static string? RefName(JsonElement s) =>
        s.ValueKind == JsonValueKind.Object && s.TryGetProperty("$ref", out var r) && r.GetString() is { } text && text.StartsWith(SchemaPrefix, StringComparison.Ordinal)
            ? text[SchemaPrefix.Length..]
            : null;

    /// <summary>
    /// The alternatives of a schema: its <c>anyOf</c> (Stripe's spelling) or <c>oneOf</c> (read the same way), if it is one.
    /// </summary>
    public static bool TryGetAlternatives(JsonElement s, out JsonElement alternatives)
    {
        alternatives = default;
        return s.ValueKind == JsonValueKind.Object
            && ((s.TryGetProperty("anyOf", out alternatives) && alternatives.ValueKind == JsonValueKind.Array)
                || (s.TryGetProperty("oneOf", out alternatives) && alternatives.ValueKind == JsonValueKind.Array));
    }

    public static bool Flag(JsonElement s, string name) => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    public static string? Str(JsonElement s, string name) =>
        s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static int? Int(JsonElement s, string name) =>
        s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;

    /// <summary>The names listed in a schema's <c>required</c>.</summary>
    public static HashSet<string> RequiredSet(JsonElement s)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        if (s.ValueKind == JsonValueKind.Object && s.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.Array)
        {
            foreach (var r in req.EnumerateArray())
            {
                if (r.GetString() is { } name)
                {
                    set.Add(name);
                }
            }
        }

        return set;
    }

    /// <summary>The properties of an object schema, sorted by wire name (the generated order).</summary>
    public static List<JsonProperty> SortedProperties(JsonElement s)
    {
        var list = new List<JsonProperty>();
        if (s.ValueKind == JsonValueKind.Object && s.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
        {
            list.AddRange(props.EnumerateObject());
        }

        list.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return list;
    }

    /// <summary>The string values of an <c>enum</c>, without <c>""</c> (which Stripe uses for "clear the field").</summary>
    public static List<string> EnumValues(JsonElement s, out bool hasEmpty)
    {
        hasEmpty = false;
        var values = new List<string>();
        if (s.ValueKind == JsonValueKind.Object && s.TryGetProperty("enum", out var e) && e.ValueKind == JsonValueKind.Array)
        {
            foreach (var v in e.EnumerateArray())
            {
                if (v.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                var text = v.GetString()!;
                if (text.Length == 0)
                {
                    hasEmpty = true;
                }
                else if (!values.Contains(text))
                {
                    values.Add(text);
                }
            }
        }

        return values;
    }

    /// <summary>A v1 list: <c>{object: "list", data: [...], has_more, url}</c>.</summary>
    public static bool IsList(JsonElement s) =>
        s.ValueKind == JsonValueKind.Object && s.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
        && props.TryGetProperty("object", out var obj) && obj.TryGetProperty("enum", out var e) && e.ValueKind == JsonValueKind.Array
        && e.GetArrayLength() == 1 && e[0].ValueKind == JsonValueKind.String && e[0].GetString() == "list"
        && props.TryGetProperty("data", out var data) && data.TryGetProperty("items", out _);

    /// <summary>A v2 list page: <c>{data: [...], next_page_url, previous_page_url}</c>, without <c>object</c> or <c>has_more</c>.</summary>
    public static bool IsV2List(JsonElement s) =>
        s.ValueKind == JsonValueKind.Object && s.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object
        && props.TryGetProperty("next_page_url", out _) && !props.TryGetProperty("object", out _)
        && props.TryGetProperty("data", out var data) && data.TryGetProperty("items", out _);

    /// <summary>The item schema of a v1 list.</summary>
    public static JsonElement ListItems(JsonElement list) => list.GetProperty("properties").GetProperty("data").GetProperty("items");

    /// <summary>The <c>200</c> JSON response schema of an operation, or <see langword="default"/>.</summary>
    public static JsonElement ResponseSchema(JsonElement op) =>
        op.TryGetProperty("responses", out var responses) && responses.ValueKind == JsonValueKind.Object && responses.TryGetProperty("200", out var ok)
        && ok.TryGetProperty("content", out var content) && content.TryGetProperty("application/json", out var json)
        && json.TryGetProperty("schema", out var schema)
            ? schema
            : default;

    /// <summary>The host of an operation with its own <c>servers</c> entry (OAuth's <c>https://connect.stripe.com/</c>), or <see langword="null"/>.</summary>
    public static string? OperationServer(JsonElement op) =>
        op.TryGetProperty("servers", out var servers) && servers.ValueKind == JsonValueKind.Array && servers.GetArrayLength() > 0 ? Str(servers[0], "url") : null;

    /// <summary>The request body's media type (<c>application/x-www-form-urlencoded</c>, <c>application/json</c>...) and schema, if any.</summary>
    public static (string? MediaType, JsonElement Schema) RequestBody(JsonElement op)
    {
        if (op.TryGetProperty("requestBody", out var body) && body.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object)
        {
            foreach (var media in content.EnumerateObject())
            {
                if (media.Value.TryGetProperty("schema", out var schema))
                {
                    return (media.Name, schema);
                }
            }
        }

        return (null, default);
    }

    /// <summary>The query parameters of an operation: (name, schema, required).</summary>
    public static IEnumerable<(string Name, JsonElement Schema, bool Required)> QueryParameters(JsonElement op)
    {
        if (!op.TryGetProperty("parameters", out var parameters) || parameters.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var p in parameters.EnumerateArray())
        {
            if (Str(p, "in") == "query" && Str(p, "name") is { } name && p.TryGetProperty("schema", out var schema))
            {
                yield return (name, schema, Flag(p, "required"));
            }
        }
    }
}
