using System.Text.Json;
using System.Text.Json.Nodes;
using Stripe.Connect.Client.Tests.GeneratedSurface;

namespace Stripe.Connect.Client.V2.Core.Tests;

/// <summary>Every v2 fixture (spec/fixtures/v2) reads with nothing unmapped and writes back to equal JSON, in the same wire forms.</summary>
public class V2FixtureTests
{
    public static IEnumerable<TestCaseData> Fixtures()
    {
        yield return Case("v2.core.account", typeof(Account));
        yield return Case("v2.core.account_link", typeof(AccountLink));
        yield return Case("v2.core.account_person", typeof(AccountPerson));
        yield return Case("v2.core.account_person_token", typeof(AccountPersonToken));
        yield return Case("v2.core.account_token", typeof(AccountToken));
        yield return Case("v2.core.event", typeof(Event));
        yield return Case("v2.core.event--retrieved", typeof(Event));
        yield return Case("v2.core.event--v1-payout", typeof(Event));
        yield return Case("v2.core.event_destination", typeof(EventDestination));
        yield return Case("list/v2.core.account", typeof(V2List<Account>));
    }

    private static TestCaseData Case(string name, Type type) => new TestCaseData(name, type).SetArgDisplayNames(name);

    private static string Folder() => Path.Combine(GeneratedTestSupport.FixturesDir(), "v2");

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(Folder(), name + ".json"));

    [Test]
    public void Every_v2_fixture_file_has_a_test()
    {
        var covered = Fixtures().Select(c => (string)c.Arguments[0]!).ToList();
        var files = Directory.GetFiles(Folder(), "*.json", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Folder(), f).Replace('\\', '/')[..^".json".Length]).ToList();
        Assert.That(files, Is.EquivalentTo(covered));
    }

    [TestCaseSource(nameof(Fixtures))]
    public void Fixture_has_no_unmapped_property(string name, Type type)
    {
        var json = Fixture(name);
        var info = V2CoreJsonContext.Default.GetTypeInfo(type)!;
        var written = JsonSerializer.Serialize(JsonSerializer.Deserialize(json, info), info);
        var missing = GeneratedTestSupport.Differences(GeneratedTestSupport.WithoutNulls(JsonNode.Parse(json)), GeneratedTestSupport.WithoutNulls(JsonNode.Parse(written)))
            .FindAll(d => d.StartsWith("missing ", StringComparison.Ordinal));
        Assert.That(missing, Is.Empty, "JSON properties without a C# property: " + string.Join(", ", missing));
    }

    [TestCaseSource(nameof(Fixtures))]
    public void Fixture_round_trips_to_equal_json(string name, Type type)
    {
        var json = Fixture(name);
        var info = V2CoreJsonContext.Default.GetTypeInfo(type)!;
        var value = JsonSerializer.Deserialize(json, info);
        Assert.That(value, Is.InstanceOf(type));
        var written = JsonSerializer.Serialize(value, info);
        var differences = GeneratedTestSupport.Differences(GeneratedTestSupport.WithoutNulls(JsonNode.Parse(json)), GeneratedTestSupport.WithoutNulls(JsonNode.Parse(written)));
        differences.RemoveAll(d => d.StartsWith("extra ", StringComparison.Ordinal));
        Assert.That(differences, Is.Empty, string.Join(Environment.NewLine, differences));
        Assert.That(JsonSerializer.Serialize(JsonSerializer.Deserialize(written, info), info), Is.EqualTo(written));
    }

    [Test]
    public void Timestamps_and_decimal_strings_keep_their_wire_form()
    {
        var person = JsonSerializer.Deserialize(Fixture("v2.core.account_person"), V2CoreJsonContext.Default.AccountPerson)!;
        var written = JsonSerializer.Serialize(person, V2CoreJsonContext.Default.AccountPerson);
        Assert.Multiple(() =>
        {
            Assert.That(person.Created, Is.EqualTo(new DateTimeOffset(2026, 10, 29, 14, 4, 55, 901, TimeSpan.Zero)));
            Assert.That(written, Does.Contain("\"created\":\"2026-10-29T14:04:55.901Z\""));
            Assert.That(person.Relationship?.PercentOwnership, Is.Not.Null);
            Assert.That(written, Does.Match("\"percent_ownership\":\"[0-9.]+\""));
        });
    }

    [Test]
    public void Unknown_fields_and_enum_values_are_survived()
    {
        var account = JsonSerializer.Deserialize(
            """{"id":"acct_1","object":"v2.core.account","surprise":{"x":1},"dashboard":"brand_new","applied_configurations":["merchant","storefront"],"created":"2026-10-29T14:02:11Z"}""",
            V2CoreJsonContext.Default.Account)!;
        Assert.Multiple(() =>
        {
            Assert.That(account.Dashboard!.Value.Value, Is.EqualTo("brand_new"));
            Assert.That(account.Dashboard.Value.IsKnown, Is.False);
            Assert.That(account.AppliedConfigurations[1].Value, Is.EqualTo("storefront"));
            Assert.That(account.Created, Is.EqualTo(new DateTimeOffset(2026, 10, 29, 14, 2, 11, TimeSpan.Zero)));
        });
    }
}
