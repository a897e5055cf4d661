using System.Text.Json.Nodes;
using Stripe.Connect.Client.Generator.Configuration;

namespace Stripe.Connect.Client.Generator.Tests;

/// <summary>Builds small OpenAPI documents in Stripe's conventions, one tricky shape at a time.</summary>
internal static class SpecBuilder
{
    public const string ConfigJson = """
    {
      "services": [ { "property": "Widgets", "class": "WidgetService", "resource": "Widget", "docs": "widgets", "summary": "Manages widgets." } ],
      "operations": [
        { "http": "POST", "path": "/v1/widgets", "service": "Widgets", "method": "Create", "pathParams": {} },
        { "http": "GET", "path": "/v1/widgets/{widget}", "service": "Widgets", "method": "Get", "pathParams": { "widget": "widgetId" } },
        { "http": "DELETE", "path": "/v1/widgets/{widget}", "service": "Widgets", "method": "Delete", "pathParams": { "widget": "widgetId" } },
        { "http": "GET", "path": "/v1/widgets", "service": "Widgets", "method": "List", "pathParams": {} },
        { "http": "POST", "path": "/v1/widgets/{widget}/polish", "service": "Widgets", "method": "Polish", "pathParams": { "widget": "widgetId" }, "summary": "Polishes a widget" }
      ],
      "schemaNames": {},
      "schemaDocs": { "widget": "widgets/object" },
      "schemaSummaries": { "widget": "A widget." }
    }
    """;

    public static GeneratorConfig Config() => GeneratorConfig.Parse(ConfigJson);

    /// <summary>A configuration with extra top-level entries (<c>"typeNames": {...}</c>) merged into <see cref="ConfigJson"/>.</summary>
    public static GeneratorConfig Config(string extraEntries)
    {
        var root = JsonNode.Parse(ConfigJson)!.AsObject();
        foreach (var (key, value) in JsonNode.Parse("{" + extraEntries + "}")!.AsObject())
        {
            root[key] = value?.DeepClone();
        }

        return GeneratorConfig.Parse(root.ToJsonString());
    }

    /// <summary>A document with a <c>widget</c> schema holding <paramref name="widgetProperties"/>, extra schemas, and the widget operations.</summary>
    public static string Document(string widgetProperties, string extraSchemas = "", string required = "\"id\"", string createBody = "{}", bool includeList = true, bool includeDelete = true)
    {
        var paths = new JsonObject
        {
            ["/v1/widgets/{widget}"] = new JsonObject
            {
                ["get"] = Operation("GetWidgetsWidget", Ref("widget"), PathParam("widget"), Query("expand", """{"type":"array","items":{"type":"string"}}""")),
            },
            ["/v1/widgets"] = new JsonObject
            {
                ["post"] = Operation("PostWidgets", Ref("widget"), body: createBody),
            },
        };
        if (includeDelete)
        {
            ((JsonObject)paths["/v1/widgets/{widget}"]!)["delete"] = Operation("DeleteWidgetsWidget", Ref("deleted_widget"), PathParam("widget"));
        }

        if (includeList)
        {
            ((JsonObject)paths["/v1/widgets"]!)["get"] = Operation(
                "GetWidgets",
                JsonNode.Parse("""{"type":"object","properties":{"object":{"type":"string","enum":["list"]},"data":{"type":"array","items":{"$ref":"#/components/schemas/widget"}},"has_more":{"type":"boolean"},"url":{"type":"string"}},"required":["data","has_more","object","url"]}""")!,
                Query("limit", """{"type":"integer"}"""),
                Query("created", """{"anyOf":[{"type":"object","title":"range_query_specs","properties":{"gt":{"type":"integer"},"gte":{"type":"integer"},"lt":{"type":"integer"},"lte":{"type":"integer"}}},{"type":"integer"}]}"""));
        }

        var extra = extraSchemas.Length == 0 ? string.Empty : "," + extraSchemas;
        var widgetExtra = widgetProperties.Length == 0 ? string.Empty : "," + widgetProperties;
        var schemas = JsonNode.Parse(
            "{ \"widget\": { \"type\": \"object\", \"x-resourceId\": \"widget\", \"required\": [" + required + "], "
            + "\"properties\": { \"id\": { \"type\": \"string\" }, \"object\": { \"type\": \"string\", \"enum\": [\"widget\"] }" + widgetExtra + " } }, "
            + "\"deleted_widget\": { \"type\": \"object\", \"x-resourceId\": \"deleted_widget\", \"required\": [\"deleted\", \"id\", \"object\"], "
            + "\"properties\": { \"deleted\": { \"type\": \"boolean\", \"enum\": [true] }, \"id\": { \"type\": \"string\" }, \"object\": { \"type\": \"string\", \"enum\": [\"widget\"] } } }"
            + extra + " }")!;
        var doc = new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "test", ["version"] = "2026-01-01.test" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = schemas },
        };
        return doc.ToJsonString();
    }

    /// <summary>Adds a form-bodied operation returning a widget (an update at <c>POST /v1/widgets/{widget}</c>, say) to a document.</summary>
    public static string WithOperation(string document, string path, string method, string id, string body)
    {
        var doc = JsonNode.Parse(document)!.AsObject();
        var paths = doc["paths"]!.AsObject();
        if (paths[path] is not JsonObject item)
        {
            paths[path] = item = new JsonObject();
        }

        item[method] = Operation(id, Ref("widget"), body, path.Contains('{', StringComparison.Ordinal) ? [PathParam("widget")] : []);
        return doc.ToJsonString();
    }

    /// <summary>The widget configuration plus <c>Update</c> at <c>POST /v1/widgets/{widget}</c> and <c>Search</c> at <c>GET /v1/widgets/search</c>.</summary>
    public static GeneratorConfig ConfigWithUpdate(string extra = "")
    {
        var json = ConfigJson.Replace(
            "{ \"http\": \"GET\", \"path\": \"/v1/widgets\", \"service\": \"Widgets\", \"method\": \"List\", \"pathParams\": {} },",
            "{ \"http\": \"GET\", \"path\": \"/v1/widgets\", \"service\": \"Widgets\", \"method\": \"List\", \"pathParams\": {} },\n"
            + "{ \"http\": \"POST\", \"path\": \"/v1/widgets/{widget}\", \"service\": \"Widgets\", \"method\": \"Update\", \"pathParams\": { \"widget\": \"widgetId\" } },\n"
            + "{ \"http\": \"GET\", \"path\": \"/v1/widgets/search\", \"service\": \"Widgets\", \"method\": \"Search\", \"pathParams\": {} },",
            StringComparison.Ordinal);
        var root = JsonNode.Parse(json)!.AsObject();
        if (extra.Length > 0)
        {
            foreach (var (key, value) in JsonNode.Parse("{" + extra + "}")!.AsObject())
            {
                root[key] = value?.DeepClone();
            }
        }

        return GeneratorConfig.Parse(root.ToJsonString());
    }

    private static JsonNode Ref(string name) => new JsonObject { ["$ref"] = "#/components/schemas/" + name };

    private static JsonNode PathParam(string name) => JsonNode.Parse("{\"in\":\"path\",\"name\":\"" + name + "\",\"required\":true,\"schema\":{\"type\":\"string\"}}")!;

    private static JsonNode Query(string name, string schema) => JsonNode.Parse("{\"in\":\"query\",\"name\":\"" + name + "\",\"required\":false,\"schema\":" + schema + "}")!;

    private static JsonObject Operation(string id, JsonNode result, params JsonNode[] parameters) => Operation(id, result, "{}", parameters);

    private static JsonObject Operation(string id, JsonNode result, string body = "{}", params JsonNode[] parameters)
    {
        var bodySchema = JsonNode.Parse(body.Length == 0 ? "{}" : body)!;
        if (bodySchema is JsonObject o && !o.ContainsKey("type"))
        {
            o["type"] = "object";
        }

        return new JsonObject
        {
            ["operationId"] = id,
            ["parameters"] = new JsonArray([.. parameters]),
            ["requestBody"] = new JsonObject
            {
                ["content"] = new JsonObject { ["application/x-www-form-urlencoded"] = new JsonObject { ["schema"] = bodySchema } },
            },
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = string.Empty,
                    ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = result } },
                },
            },
        };
    }
}
