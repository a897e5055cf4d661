using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using FsCheck;
using FsCheck.Fluent;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Json;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.PropertyBased;

/// <summary>
/// Mutated fixtures (dropped, renamed, retyped and extra fields, random bytes, truncation) never make reading
/// throw anything but the documented exception: <see cref="JsonException"/> from the SDK's JSON metadata, and
/// <see cref="ApiException"/> from a call whose 200 body is unreadable.
/// </summary>
[NonParallelizable]
public class FixtureMutationProperties
{
    private static readonly Lazy<(string Name, string Json)[]> AllFixtures = new(LoadFixtures);

    /// <summary>Every entity type the SDK's JSON context knows (the generated ones too, once they exist).</summary>
    private static readonly Lazy<JsonTypeInfo[]> EntityTypes = new(() =>
        typeof(ConnectJsonContext).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType.IsGenericType && p.PropertyType.GetGenericTypeDefinition() == typeof(JsonTypeInfo<>))
            .Select(p => (JsonTypeInfo)p.GetValue(ConnectJsonContext.Default)!)
            .Where(t => typeof(StripeEntity).IsAssignableFrom(t.Type))

            // StripeEntity itself is in the context only as the declared type of an event's data.object, which its own
            // converter reads; nothing deserializes the abstract base directly.
            .Where(t => t.Type != typeof(StripeEntity))
            .Append(CoreJsonContext.Default.StripeRawResponse)
            .ToArray());

    private sealed record Case(string Fixture, byte[] Body, string Mutations, int TypeIndex);

    [FsCheck.NUnit.Property(MaxTest = 400)]
    public Property Mutated_fixtures_only_ever_throw_JsonException() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var types = EntityTypes.Value;
            var matching = types.Where(t => Matches(t.Type, c.Fixture));
            foreach (var type in matching.Append(types[c.TypeIndex % types.Length]).Distinct())
            {
                try
                {
                    JsonSerializer.Deserialize(c.Body, type);
                }
                catch (JsonException)
                {
                }
                catch (Exception e)
                {
                    return false.Label($"{type.Type.Name} <- {c.Fixture} ({c.Mutations}) threw {e.GetType().Name}: {e.Message}\n{Preview(c.Body)}");
                }
            }

            return true.ToProperty();
        });

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property A_mutated_200_body_surfaces_only_as_ApiException() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            using var mock = new MockHttpMessageHandler();
            mock.When("*").Respond(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(c.Body) });
            using var client = TestClients.Create(mock, o => o.MaxNetworkRetries = 0);
            Func<Task>[] calls =
            [
                () => client.AccountLinks.CreateAsync(TestClients.LinkRequest()),
                () => client.RawRequestAsync(HttpMethod.Get, "/v1/accounts", null),
            ];
            foreach (var call in calls)
            {
                try
                {
                    call().GetAwaiter().GetResult();
                }
                catch (ApiException e) when (e.HttpStatusCode == HttpStatusCode.OK && e.GetType() == typeof(ApiException))
                {
                }
                catch (Exception e)
                {
                    return false.Label($"{c.Fixture} ({c.Mutations}) threw {e.GetType().Name}: {e.Message}\n{Preview(c.Body)}");
                }
            }

            return true.ToProperty();
        });

    [TestCase("""{"object":"account_link","created":253402300800,"expires_at":1,"url":"https://x"}""")]
    [TestCase("""{"object":"account_link","created":-62135596801,"expires_at":1,"url":"https://x"}""")]
    [TestCase("""{"object":"account_link","created":1,"expires_at":-9223372036854775808,"url":"https://x"}""")]
    public void Found_by_the_property_timestamps_out_of_range_are_an_ApiException(string body)
    {
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => TestClients.Json(HttpStatusCode.OK, body));
        using var client = TestClients.Create(mock, o => o.MaxNetworkRetries = 0);

        var error = Assert.ThrowsAsync<ApiException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));

        Assert.That(error!.Message, Does.Contain("not valid JSON"));
    }

    [TestCase("[1,2]")]
    [TestCase("\"acct_1\"")]
    [TestCase("42")]
    public void Found_by_the_property_a_generic_object_that_is_not_an_object_is_a_JsonException(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Security.EscapingJsonContext.Default.StripeObject));
    }

    // ---- generators ----

    private static Gen<Case> Cases() =>
        from fixture in Gen.Elements(AllFixtures.Value)
        from count in Gen.Choose(1, 4)
        from seeds in Gen.Choose(0, int.MaxValue).ArrayOf(count)
        from typeIndex in Gen.Choose(0, 10_000)
        select Mutate(fixture.Name, fixture.Json, seeds, typeIndex);

    private static Case Mutate(string name, string json, int[] seeds, int typeIndex)
    {
        var node = JsonNode.Parse(json)!;
        var applied = new List<string>();
        byte[]? bytes = null;
        foreach (var seed in seeds)
        {
            var random = new Random(seed);
            var kind = random.Next(8);
            if (kind >= 6)
            {
                bytes ??= Encoding.UTF8.GetBytes(node.ToJsonString());
                bytes = kind == 6 ? CorruptBytes(bytes, random) : bytes[..random.Next(bytes.Length + 1)];
                applied.Add(kind == 6 ? "random bytes" : "truncated");
                continue;
            }

            if (bytes is not null)
            {
                continue;
            }

            var target = PickObject(node, random);
            if (target is null)
            {
                continue;
            }

            var names = target.Select(p => p.Key).ToList();
            var field = names.Count == 0 ? null : names[random.Next(names.Count)];
            switch (kind)
            {
                case 0 when field is not null:
                    target.Remove(field);
                    applied.Add("dropped " + field);
                    break;
                case 1 when field is not null:
                    var value = target[field];
                    target.Remove(field);
                    var renamed = field + "_renamed";
                    target[renamed] = value;
                    applied.Add($"renamed {field}");
                    break;
                case 2 or 3 when field is not null:
                    target[field] = RandomValue(random, depth: 0);
                    applied.Add("retyped " + field);
                    break;
                case 5:
                    node = RandomValue(random, depth: 0) ?? JsonValue.Create(0);
                    applied.Add("replaced the root");
                    break;
                default:
                    target["extra_" + random.Next(1000)] = RandomValue(random, depth: 0);
                    applied.Add("extra field");
                    break;
            }
        }

        return new Case(name, bytes ?? Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null"), string.Join(", ", applied), typeIndex);
    }

    /// <summary>A random object of the tree (the root or a nested one), or <see langword="null"/> when the root is not an object.</summary>
    private static JsonObject? PickObject(JsonNode? root, Random random)
    {
        var objects = new List<JsonObject>();
        Collect(root);
        return objects.Count == 0 ? null : objects[random.Next(objects.Count)];

        void Collect(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    objects.Add(obj);
                    foreach (var (_, child) in obj)
                    {
                        Collect(child);
                    }

                    break;
                case JsonArray array:
                    foreach (var child in array)
                    {
                        Collect(child);
                    }

                    break;
            }
        }
    }

    /// <summary>Values of every JSON type, including numbers no .NET field or timestamp can hold.</summary>
    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 2 ? 12 : 14) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.NextInt64(long.MinValue, long.MaxValue)),
        3 => JsonValue.Create(-1),
        4 => JsonValue.Create(1.5e300),
        5 => JsonValue.Create(253402300800L),
        6 => JsonNode.Parse("123456789012345678901234567890"),
        7 => JsonValue.Create(string.Empty),
        8 => JsonValue.Create("acct_" + random.Next()),
        9 => JsonValue.Create("\u0000\uFFFF😀"),
        10 => JsonValue.Create(0.5),
        11 => JsonValue.Create(-62135596801L),
        12 => new JsonArray(RandomValue(random, depth + 1), RandomValue(random, depth + 1)),
        _ => new JsonObject { ["id"] = RandomValue(random, depth + 1), ["object"] = RandomValue(random, depth + 1) },
    };

    private static byte[] CorruptBytes(byte[] bytes, Random random)
    {
        var copy = bytes.ToList();
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(copy.Count + 1);
            switch (random.Next(3))
            {
                case 0 when at < copy.Count:
                    copy[at] = (byte)random.Next(256);
                    break;
                case 1 when at < copy.Count:
                    copy.RemoveAt(at);
                    break;
                default:
                    copy.Insert(at, (byte)random.Next(256));
                    break;
            }
        }

        return [.. copy];
    }

    private static bool Matches(Type type, string fixture) =>
        string.Equals(type.Name, string.Concat(Path.GetFileNameWithoutExtension(fixture).Split('_', '.').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..])), StringComparison.Ordinal);

    private static string Preview(byte[] body) => Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));

    private static (string Name, string Json)[] LoadFixtures() =>
        [.. Directory.GetFiles(Support.RepoPaths.FixturesFolder(), "*.json").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f)))];
}
