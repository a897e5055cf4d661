using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>One matched v2 operation: its id, path parameters and the schema of its JSON body or query.</summary>
internal sealed record V2Route(string Operation, string Method, Dictionary<string, string> PathParams, JsonObject Schema);

/// <summary>The v2 operations of the embedded document (<c>x-stripeApiFamily: v2</c>), matched by method and path.</summary>
internal static class V2Routes
{
    private static readonly Lazy<List<(string Method, string[] Segments, string Operation, JsonObject Schema)>> All = new(Load);

    public static V2Route? Match(string method, string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var (m, template, operation, schema) in All.Value)
        {
            if (m != method || template.Length != segments.Length)
            {
                continue;
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            var matched = true;
            for (var i = 0; i < template.Length && matched; i++)
            {
                if (template[i].StartsWith('{'))
                {
                    parameters[template[i][1..^1]] = Uri.UnescapeDataString(segments[i]);
                }
                else
                {
                    matched = template[i] == segments[i];
                }
            }

            if (matched)
            {
                return new V2Route(operation, method, parameters, schema);
            }
        }

        return null;
    }

    private static List<(string, string[], string, JsonObject)> Load()
    {
        var routes = new List<(string, string[], string, JsonObject)>();
        foreach (var (path, item) in ApiSpec.Instance.Document["paths"]!.AsObject())
        {
            if (!path.StartsWith("/v2/", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (var (verb, op) in item!.AsObject())
            {
                var method = verb.ToUpperInvariant();
                var schema = method == "POST"
                    ? op!["requestBody"]?["content"]?["application/json"]?["schema"] as JsonObject ?? new JsonObject { ["type"] = "object", ["properties"] = new JsonObject() }
                    : QuerySchema(op!.AsObject());
                routes.Add((method, path.Split('/', StringSplitOptions.RemoveEmptyEntries), op["operationId"]!.GetValue<string>(), schema));
            }
        }

        // Literal segments before parameters of the same length (/accounts/{id}/close is longer anyway).
        routes.Sort((a, b) => b.Item2.Count(s => !s.StartsWith('{')).CompareTo(a.Item2.Count(s => !s.StartsWith('{'))));
        return routes;
    }

    private static JsonObject QuerySchema(JsonObject op)
    {
        var properties = new JsonObject();
        if (op["parameters"] is JsonArray parameters)
        {
            foreach (var p in parameters)
            {
                if (p?["in"]?.GetValue<string>() == "query")
                {
                    properties[p["name"]!.GetValue<string>()] = p["schema"]?.DeepClone() ?? new JsonObject();
                }
            }
        }

        // The cursor of v2 pages travels inside next_page_url.
        properties["page"] = new JsonObject { ["type"] = "string" };
        return new JsonObject { ["type"] = "object", ["properties"] = properties };
    }
}
