using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Stripe.Connect.Client.Benchmarks;

/// <summary>
/// The JSON every benchmark reads, loaded once from the Stripe fixtures in the repository
/// (<c>spec/fixtures</c> in the folder that holds <c>Stripe.Connect.Client.sln</c>).
/// </summary>
internal static class Fixtures
{
    public const string AccountId = "acct_1PgafTB7WZ01zgkW";

    private static readonly Lazy<string> Folder = new(FindFolder);

    /// <summary>The shared <c>account</c> fixture, as is.</summary>
    public static byte[] Account => Read("account.json");

    /// <summary>The shared <c>account_link</c> fixture, as is.</summary>
    public static byte[] AccountLink => Read("account_link.json");

    /// <summary>The id in the shared v2 account fixture.</summary>
    public const string V2AccountId = "acct_1SQ4mYQ2k7RtUv9x";

    /// <summary>The shared v2 account fixture (<c>v2/v2.core.account.json</c>), as is.</summary>
    public static byte[] V2Account => Read("v2/v2.core.account.json");

    public static byte[] Read(string name) => System.IO.File.ReadAllBytes(Path.Combine(Folder.Value, name));

    public static JsonNode Node(string name) => JsonNode.Parse(Read(name))!;

    /// <summary>
    /// A fully populated account, built from the fixtures: every property the SDK's model knows is filled (nested
    /// objects, every capability, requirements with errors and alternatives, all settings, metadata), the
    /// individual is the <c>person</c> fixture filled the same way, and <c>external_accounts</c> holds the expanded
    /// <c>bank_account</c> and <c>card</c> fixtures, filled too.
    /// </summary>
    public static byte[] FullAccount()
    {
        var account = Node("account.json").AsObject();
        account["individual"] = Fill(Node("person.json"), typeof(Person), 0);
        var externals = account["external_accounts"]!.AsObject();
        externals["data"] = new JsonArray(
            Fill(Node("bank_account.json"), typeof(BankAccount), 0),
            Fill(Node("card.json"), typeof(Card), 0));
        externals["has_more"] = true;
        Fill(account, typeof(Account), 0);
        return JsonSerializer.SerializeToUtf8Bytes(account);
    }

    /// <summary>One list page of application fees (ids <c>fee_{first}</c> up), as the API sends it.</summary>
    public static byte[] FeePage(JsonNode fee, int first, int count, bool hasMore)
    {
        var data = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var item = fee.DeepClone();
            item["id"] = FeeId(first + i);
            data.Add(item);
        }

        var page = new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["has_more"] = hasMore,
            ["url"] = "/v1/application_fees",
        };
        return JsonSerializer.SerializeToUtf8Bytes(page);
    }

    public static string FeeId(int index) => "fee_" + index.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Fills every missing, null or empty property of <paramref name="node"/> from the model: the record's members and
    /// their <c>[JsonPropertyName]</c> (the records are read by generated converters, so their JSON metadata lists no
    /// properties).
    /// </summary>
    private static JsonNode Fill(JsonNode node, Type type, int depth)
    {
        if (node is not JsonObject obj || !IsRecord(type) || depth > 10)
        {
            return node;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name;
            if (name is null or "object" or "id")
            {
                continue;
            }

            if (Sample(obj[name], property.PropertyType, depth + 1) is { } sample)
            {
                obj[name] = sample;
            }
        }

        return obj;
    }

    /// <summary>A record with JSON members: not a union (abstract) and not raw JSON (<see cref="StripeObject"/>).</summary>
    private static bool IsRecord(Type type) =>
        type.IsClass && !type.IsAbstract && type != typeof(StripeObject) && typeof(StripeEntity).IsAssignableFrom(type);

    private static JsonNode? Sample(JsonNode? current, Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return current ?? JsonValue.Create("sample");
        }

        if (type == typeof(bool))
        {
            return current ?? JsonValue.Create(true);
        }

        if (type == typeof(long) || type == typeof(int) || type == typeof(decimal) || type == typeof(double))
        {
            return current ?? JsonValue.Create(42);
        }

        if (type == typeof(DateTimeOffset))
        {
            return current ?? JsonValue.Create(1234567890);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Expandable<>))
        {
            return current ?? JsonValue.Create("obj_1PgafTB7WZ01zgkW");
        }

        if (type.IsValueType && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IStripeEnum<>)))
        {
            if (current is not null)
            {
                return current;
            }

            var first = type.GetProperties(BindingFlags.Public | BindingFlags.Static).First(p => p.PropertyType == type);
            return JsonValue.Create((string?)type.GetProperty("Value")!.GetValue(first.GetValue(null)));
        }

        if (type == typeof(IReadOnlyDictionary<string, string>))
        {
            return current is JsonObject { Count: > 0 } ? current : new JsonObject { ["order_id"] = "6735", ["tier"] = "gold" };
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            var array = current as JsonArray ?? new JsonArray();
            if (array.Count == 0)
            {
                for (var i = 0; i < 2; i++)
                {
                    if (Sample(null, element, depth) is { } item)
                    {
                        array.Add(item);
                    }
                }
            }
            else
            {
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonObject)
                    {
                        Fill(array[i]!, element, depth);
                    }
                }
            }

            return array.Count == 0 ? current : array;
        }

        if (!IsRecord(type))
        {
            // Unions and untyped objects: keep what the fixture has.
            return current;
        }

        return Fill(current as JsonObject ?? new JsonObject(), type, depth);
    }

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Stripe.Connect.Client.sln")))
            {
                var folder = Path.GetFullPath(Path.Combine(dir.FullName, "spec", "fixtures"));
                if (Directory.Exists(folder))
                {
                    return folder;
                }
            }
        }

        throw new DirectoryNotFoundException(
            "Could not find the fixtures: walked up from " + AppContext.BaseDirectory
            + " to the folder holding Stripe.Connect.Client.sln and looked for spec/fixtures.");
    }

    public static string Utf8(byte[] bytes) => Encoding.UTF8.GetString(bytes);
}
