// Hand-written tests; the folder name makes the editorconfig treat it as generated code, so nullable is switched on here.
#nullable enable
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Stripe.Connect.Client.Tests.Generated;

/// <summary>Finds the shared fixtures and compares JSON for the tests of the generated surface.</summary>
internal static class GeneratedTestSupport
{
    public static string FixturesDir()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Stripe.Connect.Client.sln")))
        {
            dir = dir.Parent;
        }

        var path = dir is null ? null : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "stripe-api", "fixtures"));
        if (path is null || !Directory.Exists(path))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"The shared fixtures folder is missing ({path ?? "repository root not found"}).");
            }

            Assert.Ignore($"The shared fixtures folder is missing ({path ?? "repository root not found"}).");
        }

        return path!;
    }

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(FixturesDir(), name + ".json"));

    /// <summary>
    /// Lists the JSON paths of <paramref name="json"/> that no property of <paramref name="type"/> (or of the nested types,
    /// followed through lists, dictionaries, expandable fields and unions) maps.
    /// </summary>
    public static List<string> Unmapped(JsonElement json, Type type)
    {
        var result = new List<string>();
        Walk(json, type, "$", result);
        return result;
    }

    private static void Walk(JsonElement json, Type type, string path, List<string> unmapped)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (json.ValueKind == JsonValueKind.Null || type == typeof(StripeObject) || type == typeof(JsonElement))
        {
            return;
        }

        if (type.IsGenericType)
        {
            var def = type.GetGenericTypeDefinition();
            var args = type.GetGenericArguments();
            if (def == typeof(Expandable<>))
            {
                if (json.ValueKind == JsonValueKind.Object)
                {
                    Walk(json, args[0], path, unmapped);
                }

                return;
            }

            if (def == typeof(IReadOnlyList<>))
            {
                var i = 0;
                foreach (var item in json.EnumerateArray())
                {
                    Walk(item, args[0], $"{path}[{i++}]", unmapped);
                }

                return;
            }

            if (def == typeof(IReadOnlyDictionary<,>))
            {
                foreach (var p in json.EnumerateObject())
                {
                    Walk(p.Value, args[1], $"{path}.{p.Name}", unmapped);
                }

                return;
            }
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (type.IsAbstract)
        {
            // A union: the converter picks the concrete type; walk that one.
            var concrete = JsonSerializer.Deserialize(json, ConnectJsonContext.Default.GetTypeInfo(type)!)!.GetType();
            Walk(json, concrete, path, unmapped);
            return;
        }

        var info = ConnectJsonContext.Default.GetTypeInfo(type) ?? throw new InvalidOperationException($"No JSON metadata for {type}.");
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var p in json.EnumerateObject())
        {
            JsonPropertyInfo? match = null;
            foreach (var candidate in info.Properties)
            {
                if (candidate.Name == p.Name)
                {
                    match = candidate;
                    break;
                }
            }

            if (match is null)
            {
                unmapped.Add($"{path}.{p.Name}");
            }
            else
            {
                Walk(p.Value, match.PropertyType, $"{path}.{p.Name}", unmapped);
            }
        }
    }

    /// <summary>Removes <c>null</c> members (the SDK does not write them) so two documents compare by content.</summary>
    public static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    if (value is not null)
                    {
                        result[key] = WithoutNulls(value);
                    }
                }

                return result;
            case JsonArray array:
                var list = new JsonArray();
                foreach (var item in array)
                {
                    list.Add(WithoutNulls(item));
                }

                return list;
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>Paths where the two documents differ (missing, extra or different values).</summary>
    public static List<string> Differences(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        var diffs = new List<string>();
        Diff(expected, actual, path, diffs);
        return diffs;
    }

    private static void Diff(JsonNode? expected, JsonNode? actual, string path, List<string> diffs)
    {
        if (expected is JsonObject eo && actual is JsonObject ao)
        {
            foreach (var (key, value) in eo)
            {
                if (!ao.ContainsKey(key))
                {
                    diffs.Add($"missing {path}.{key}");
                }
                else
                {
                    Diff(value, ao[key], $"{path}.{key}", diffs);
                }
            }

            foreach (var (key, _) in ao)
            {
                if (!eo.ContainsKey(key))
                {
                    diffs.Add($"extra {path}.{key}");
                }
            }

            return;
        }

        if (expected is JsonArray ea && actual is JsonArray aa)
        {
            if (ea.Count != aa.Count)
            {
                diffs.Add($"length {path}: {ea.Count} != {aa.Count}");
                return;
            }

            for (var i = 0; i < ea.Count; i++)
            {
                Diff(ea[i], aa[i], $"{path}[{i}]", diffs);
            }

            return;
        }

        if (!JsonNode.DeepEquals(expected, actual))
        {
            diffs.Add($"value {path}: {expected?.ToJsonString()} != {actual?.ToJsonString()}");
        }
    }
}
