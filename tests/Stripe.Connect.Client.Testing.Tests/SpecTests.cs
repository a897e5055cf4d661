using System.Net;
using System.Text.Json.Nodes;
using Stripe.Connect.Client.Testing.Internal;

namespace Stripe.Connect.Client.Testing.Tests;

public class SpecTests : ApiTestBase
{
    [Test]
    public void Embedded_description_is_the_repository_copy_of_the_facts()
    {
        var facts = File.ReadAllBytes(EndToEnd.ConnectSurface.SpecFile("connect.openapi.json"));
        using var stream = ApiSpec.OpenResource();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        Assert.That(copy.ToArray(), Is.EqualTo(facts), "the package embeds spec/connect.openapi.json itself");
    }

    [Test]
    public async Task Every_operation_of_the_surface_is_served()
    {
        var surface = EndToEnd.ConnectSurface.LoadGenerated();
        Assert.That(surface, Has.Count.EqualTo(71), "the generated operations of the surface");

        foreach (var op in surface)
        {
            var path = op.PathTemplate;
            var method = new HttpMethod(op.Method);
            var concrete = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", "x_unknown");
            var reply = await Send(method, concrete, method == HttpMethod.Post ? string.Empty : null, null, null);
            // OAuth errors have the OAuth shape: "error" is a string, not an object.
            var message = reply.Json["error"] is JsonObject error ? error["message"]?.GetValue<string>() ?? string.Empty : string.Empty;

            Assert.That(message, Does.Not.StartWith("The in-memory Connect API has no endpoint"), $"{method} {path}");
            Assert.That(reply.Status, Is.Not.EqualTo(HttpStatusCode.InternalServerError), $"{method} {path}");
        }
    }

    [Test]
    public void Every_generated_operation_in_the_embedded_description_has_a_handler()
    {
        var state = new ConnectState(TimeProvider.System);
        var generated = EndToEnd.ConnectSurface.GeneratedOperations();
        var served = ApiSpec.Instance.Operations.Where(o => generated.Contains(new EndToEnd.SurfaceOperation(o.Method, o.PathTemplate))).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(served.Where(o => !state.HasOperation(o.OperationId)).Select(o => o.OperationId), Is.Empty);
            Assert.That(served, Has.Count.EqualTo(71));
        });
    }

    [Test]
    public async Task An_operation_of_the_description_without_a_handler_is_answered_as_an_unknown_endpoint()
    {
        var state = new ConnectState(TimeProvider.System);
        var unserved = ApiSpec.Instance.Operations.FirstOrDefault(o => !state.HasOperation(o.OperationId) && o.Method == "GET" && !o.PathTemplate.StartsWith("/v2/", StringComparison.Ordinal) && !o.PathTemplate.Contains('{', StringComparison.Ordinal));
        if (unserved is null)
        {
            Assert.Pass("every operation of the description is served");
        }

        var reply = await Send(HttpMethod.Get, unserved!.PathTemplate, null, null, null);
        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(reply.Json["error"]?["message"]?.GetValue<string>(), Does.StartWith("The in-memory Connect API has no endpoint"));
        });
    }

    [Test]
    public void Every_v1_operation_of_the_description_has_a_handler()
    {
        var state = new ConnectState(TimeProvider.System);
        var v1 = ApiSpec.Instance.Operations.Where(o => !o.PathTemplate.StartsWith("/v2/", StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(v1, Has.Count.EqualTo(71), "the 49 account and transfer operations and the 22 money operations, all generated");
            Assert.That(v1.Where(o => !state.HasOperation(o.OperationId)).Select(o => o.OperationId), Is.Empty);
        });
    }

    [Test]
    public void The_readme_lists_every_rule_of_the_rule_table_with_its_status()
    {
        var root = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Stripe.Connect.Client.sln")))
        {
            root = root.Parent;
        }

        var readme = File.ReadAllText(Path.Combine(root!.FullName, "README.md"));
        var rules = Internal.Rules.RuleTable.All;
        Assert.Multiple(() =>
        {
            Assert.That(rules.Select(r => r.Id), Is.Unique);
            Assert.That(rules.Where(r => !readme.Contains($"| `{r.Id}` | {r.Summary} | {r.Status} `{r.Type}` |", StringComparison.Ordinal)).Select(r => r.Id), Is.Empty, "rows missing or out of date in README.md");
            Assert.That(rules.Where(r => string.IsNullOrWhiteSpace(r.Source)).Select(r => r.Id), Is.Empty, "every rule has a source");
            Assert.That(typeof(Internal.Rules.RuleTable).GetFields().Count(f => f.FieldType == typeof(Internal.Rules.StripeRule)), Is.EqualTo(rules.Count), "All lists every rule");
        });
    }

    [Test]
    public void The_readme_lists_every_modelled_behaviour_with_its_source()
    {
        var root = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Stripe.Connect.Client.sln")))
        {
            root = root.Parent;
        }

        var readme = File.ReadAllText(Path.Combine(root!.FullName, "README.md"));
        var behaviours = Internal.Rules.RuleTable.Behaviours;
        Assert.Multiple(() =>
        {
            Assert.That(behaviours.Select(b => b.Id).Concat(Internal.Rules.RuleTable.All.Select(r => r.Id)), Is.Unique);
            Assert.That(behaviours.Where(b => !readme.Contains($"| `{b.Id}` | {b.Summary} | {b.Source} |", StringComparison.Ordinal)).Select(b => b.Id), Is.Empty, "rows missing or out of date in README.md");
            Assert.That(typeof(Internal.Rules.RuleTable).GetFields().Count(f => f.FieldType == typeof(Internal.Rules.StripeBehaviour)), Is.EqualTo(behaviours.Count), "Behaviours lists every behaviour");
        });
    }
}
