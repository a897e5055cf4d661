using System.Net;
using System.Text.Json.Nodes;
using Stripe.Connect.Client.Testing.Internal;

namespace Stripe.Connect.Client.Testing.Tests;

public class SpecTests : ApiTestBase
{
    private static string? SharedFolder()
    {
        // The shared API description sits beside the repository: <repo>/../shared/stripe-api.
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stripe.Connect.Client.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "stripe-api"));
            }
        }

        return null;
    }

    private static string RequireSharedFile(string name)
    {
        var folder = SharedFolder();
        var path = folder is null ? null : Path.Combine(folder, name);
        if (path is null || !File.Exists(path))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"The shared API description ({path ?? "../shared/stripe-api"}) is missing.");
            }

            Assert.Ignore("The shared API description folder is not beside the repository.");
        }

        return path!;
    }

    [Test]
    public void Embedded_description_equals_the_shared_one()
    {
        var shared = File.ReadAllBytes(RequireSharedFile("connect.openapi.json"));
        using var stream = ApiSpec.OpenResource();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);

        Assert.That(copy.ToArray(), Is.EqualTo(shared), "Copy /work/shared/stripe-api/connect.openapi.json to src/Stripe.Connect.Client.Testing/Resources/.");
    }

    [Test]
    public async Task Every_operation_of_the_surface_is_served()
    {
        var surface = JsonNode.Parse(File.ReadAllText(RequireSharedFile("connect.surface.json")))!["operations"]!.AsArray();
        Assert.That(surface, Has.Count.EqualTo(49));

        foreach (var op in surface)
        {
            var path = op!["path"]!.GetValue<string>();
            var method = new HttpMethod(op["http"]!.GetValue<string>());
            var concrete = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", "x_unknown");
            var reply = await Send(method, concrete, method == HttpMethod.Post ? string.Empty : null, null, null);
            var message = reply.Json["error"]?["message"]?.GetValue<string>() ?? string.Empty;

            Assert.That(message, Does.Not.StartWith("The in-memory Connect API has no endpoint"), $"{method} {path}");
            Assert.That(reply.Status, Is.Not.EqualTo(HttpStatusCode.InternalServerError), $"{method} {path}");
        }
    }

    [Test]
    public void Every_operation_in_the_embedded_description_has_a_handler()
    {
        var state = new ConnectState(TimeProvider.System);

        Assert.That(ApiSpec.Instance.Operations.Where(o => !state.HasOperation(o.OperationId)).Select(o => o.OperationId), Is.Empty);
        Assert.That(ApiSpec.Instance.Operations, Has.Count.EqualTo(49));
    }
}
