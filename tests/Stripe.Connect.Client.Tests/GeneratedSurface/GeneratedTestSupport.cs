using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Tests.GeneratedSurface;

/// <summary>Finds the shared fixtures and compares JSON for the tests of the generated surface.</summary>
internal static class GeneratedTestSupport
{
    public static string FixturesDir() => Support.RepoPaths.FixturesFolder();

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(FixturesDir(), name + ".json"));

    /// <summary>
    /// Lists the JSON paths of <paramref name="json"/> that <paramref name="type"/> does not map: the JSON is read into the
    /// record and written back, and every non-null member of the input that the written JSON lacks is reported (the
    /// generated readers skip unknown members, so a member the model lacks disappears on the way through). Members the
    /// model keeps as raw JSON (<see cref="StripeObject"/>) are written back whole, so nothing below them is reported.
    /// </summary>
    public static List<string> Unmapped(JsonElement json, Type type)
    {
        var info = ConnectJsonContext.Default.GetTypeInfo(type) ?? throw new InvalidOperationException($"No JSON metadata for {type}.");
        var value = json.Deserialize(info);
        var written = JsonSerializer.Serialize(value, info);
        var expected = WithoutNulls(JsonNode.Parse(json.GetRawText()));
        var actual = WithoutNulls(JsonNode.Parse(written));
        const string Missing = "missing ";
        return Differences(expected, actual)
            .FindAll(d => d.StartsWith(Missing, StringComparison.Ordinal))
            .ConvertAll(d => d[Missing.Length..]);
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
