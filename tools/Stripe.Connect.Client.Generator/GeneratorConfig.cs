using System.Text.Json;

namespace Stripe.Connect.Client.Generator;

/// <summary>The tool's own description of the Connect surface: which operations to generate and under which names.</summary>
internal sealed class GeneratorConfig
{
    public List<ServiceConfig> Services { get; } = [];

    public List<OperationConfig> Operations { get; } = [];

    /// <summary>Class names for schemas whose PascalCase name is not the contract name (<c>fee_refund</c> is <c>ApplicationFeeRefund</c>).</summary>
    public Dictionary<string, string> SchemaNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Path of each top-level object's page under https://docs.stripe.com/api/.</summary>
    public Dictionary<string, string> SchemaDocs { get; } = new(StringComparer.Ordinal);

    /// <summary>Hand-written one-line summaries of the top-level objects.</summary>
    public Dictionary<string, string> SchemaSummaries { get; } = new(StringComparer.Ordinal);

    /// <summary>Fields (<c>schema.field</c>) that hold secrets besides any field whose name contains <c>secret</c>.</summary>
    public HashSet<string> SecretFields { get; } = new(StringComparer.Ordinal);

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "connect-operations.json");

    public static GeneratorConfig Load(string path) => Parse(File.ReadAllText(path));

    public static GeneratorConfig Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var config = new GeneratorConfig();
        foreach (var s in root.GetProperty("services").EnumerateArray())
        {
            config.Services.Add(new ServiceConfig(
                s.GetProperty("property").GetString()!,
                s.GetProperty("class").GetString()!,
                s.GetProperty("resource").GetString()!,
                s.GetProperty("docs").GetString()!,
                s.TryGetProperty("summary", out var sum) ? sum.GetString()! : $"Calls the {s.GetProperty("property").GetString()} endpoints."));
        }

        foreach (var o in root.GetProperty("operations").EnumerateArray())
        {
            var ids = new List<KeyValuePair<string, string>>();
            foreach (var p in o.GetProperty("pathParams").EnumerateObject())
            {
                ids.Add(new(p.Name, p.Value.GetString()!));
            }

            config.Operations.Add(new OperationConfig(
                o.GetProperty("http").GetString()!,
                o.GetProperty("path").GetString()!,
                o.GetProperty("service").GetString()!,
                o.GetProperty("method").GetString()!,
                ids,
                o.TryGetProperty("docs", out var d) ? d.GetString() : null,
                o.TryGetProperty("summary", out var os) ? os.GetString() : null));
        }

        ReadMap(root, "schemaNames", config.SchemaNames);
        ReadMap(root, "schemaDocs", config.SchemaDocs);
        ReadMap(root, "schemaSummaries", config.SchemaSummaries);
        if (root.TryGetProperty("secretFields", out var secrets))
        {
            foreach (var s in secrets.EnumerateArray())
            {
                config.SecretFields.Add(s.GetString()!);
            }
        }

        return config;
    }

    private static void ReadMap(JsonElement root, string name, Dictionary<string, string> target)
    {
        if (root.TryGetProperty(name, out var map))
        {
            foreach (var p in map.EnumerateObject())
            {
                target[p.Name] = p.Value.GetString()!;
            }
        }
    }
}

/// <summary>One service: <c>AccountService</c> reachable as <c>ConnectClient.Accounts</c>.</summary>
internal sealed record ServiceConfig(string Property, string ClassName, string Resource, string Docs, string Summary);

/// <summary>One operation, keyed by HTTP method and path, with its contract method name and the C# names of its path ids.</summary>
internal sealed record OperationConfig(string Http, string Path, string Service, string Method, List<KeyValuePair<string, string>> PathParams, string? Docs, string? Summary);
