using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// The embedded copy of <c>connect.openapi.json</c>, parsed once on first use (thread-safe through
/// <see cref="Lazy{T}"/>), with the operations indexed for routing.
/// </summary>
internal sealed class ApiSpec
{
    public const string ResourceName = "Stripe.Connect.Client.Testing.connect.openapi.json";

    private static readonly Lazy<ApiSpec> LazyInstance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly List<ApiOperation> _operations;

    private ApiSpec(JsonObject document, List<ApiOperation> operations)
    {
        Document = document;
        _operations = operations;
        Schemas = (JsonObject)document["components"]!["schemas"]!;
        ApiVersion = document["info"]?["version"]?.GetValue<string>() ?? InMemoryConnectApi.ApiVersion;
    }

    public static ApiSpec Instance => LazyInstance.Value;

    public JsonObject Document { get; }

    public JsonObject Schemas { get; }

    public string ApiVersion { get; }

    public IReadOnlyList<ApiOperation> Operations => _operations;

    public static Stream OpenResource() =>
        typeof(ApiSpec).Assembly.GetManifestResourceStream(ResourceName)
        ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");

    private static ApiSpec Load()
    {
        JsonObject document;
        using (var stream = OpenResource())
        {
            document = JsonNode.Parse(stream)!.AsObject();
        }

        var operations = new List<ApiOperation>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, op) in item!.AsObject())
            {
                var opObject = op!.AsObject();
                var id = opObject["operationId"]!.GetValue<string>();
                var httpMethod = method.ToUpperInvariant();
                var schema = httpMethod == "POST" ? BodySchema(opObject) : QuerySchema(opObject);
                var response = opObject["responses"]?["200"]?["content"]?["application/json"]?["schema"] as JsonObject;
                operations.Add(new ApiOperation(id, httpMethod, path, schema, response));
            }
        }

        // More literal segments first, so a fixed path wins over a templated one of the same length.
        operations.Sort((a, b) => b.LiteralCount.CompareTo(a.LiteralCount));
        return new ApiSpec(document, operations);
    }

    private static JsonObject BodySchema(JsonObject op)
    {
        var schema = op["requestBody"]?["content"]?["application/x-www-form-urlencoded"]?["schema"] as JsonObject;
        return schema ?? new JsonObject { ["type"] = "object", ["properties"] = new JsonObject(), ["additionalProperties"] = false };
    }

    private static JsonObject QuerySchema(JsonObject op)
    {
        var properties = new JsonObject();
        var required = new JsonArray();
        if (op["parameters"] is JsonArray parameters)
        {
            foreach (var p in parameters)
            {
                if (p?["in"]?.GetValue<string>() != "query")
                {
                    continue;
                }

                var name = p["name"]!.GetValue<string>();
                properties[name] = p["schema"]?.DeepClone() ?? new JsonObject();
                if (p["required"]?.GetValue<bool>() == true)
                {
                    required.Add((JsonNode?)JsonValue.Create(name));
                }
            }
        }

        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = required,
            ["additionalProperties"] = false,
        };
    }

    /// <summary>Finds the operation for a method and path; <paramref name="pathKnown"/> tells whether any method serves the path.</summary>
    public ApiOperation? Match(string method, string path, out Dictionary<string, string> pathParams, out bool pathKnown)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        pathKnown = false;
        foreach (var op in _operations)
        {
            if (op.TryMatch(segments, out var parameters))
            {
                pathKnown = true;
                if (op.Method == method)
                {
                    pathParams = parameters;
                    return op;
                }
            }
        }

        pathParams = [];
        return null;
    }

    /// <summary>Follows a <c>$ref</c> to the component schema it names; other nodes come back as they are.</summary>
    public JsonObject Resolve(JsonObject schema)
    {
        var guard = 0;
        while (schema["$ref"] is JsonValue reference && guard++ < 16)
        {
            var name = reference.GetValue<string>()["#/components/schemas/".Length..];
            schema = (JsonObject)Schemas[name]!;
        }

        return schema;
    }

    public JsonObject Schema(string name) =>
        Schemas[name] as JsonObject ?? throw new InvalidOperationException($"No schema named {name}.");
}
