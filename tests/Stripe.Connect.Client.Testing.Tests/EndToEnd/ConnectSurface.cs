using System.Text.Json;

namespace Stripe.Connect.Client.Testing.Tests.EndToEnd;

/// <summary>One operation of <c>connect.surface.json</c>: an HTTP method and a path template such as <c>/v1/accounts/{account}</c>.</summary>
public sealed record SurfaceOperation(string Method, string PathTemplate)
{
    public override string ToString() => Method + " " + PathTemplate;
}

/// <summary>
/// The operations of the Connect surface as listed by the facts (<c>spec/connect.surface.json</c>), and the mapping from a concrete request
/// path (<c>/v1/accounts/acct_1/persons/person_2</c>) back to its template.
/// </summary>
public static class ConnectSurface
{
    /// <summary>Loads <c>connect.surface.json</c> from the repository's copy of the API facts, <c>spec/</c>.</summary>
    public static IReadOnlyList<SurfaceOperation> Load()
    {
        var file = SpecFile("connect.surface.json");
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.GetProperty("operations").EnumerateArray()
            .Select(o => new SurfaceOperation(o.GetProperty("http").GetString()!, o.GetProperty("path").GetString()!))
            .ToList();
    }

    /// <summary>
    /// The operations of <see cref="Load"/> that the SDK generates today: those listed in the generator's
    /// <c>tools/Stripe.Connect.Client.Generator/connect-operations.json</c>. The facts describe more operations than are
    /// generated while the money and v2 operations are being added; tests that pin "every operation" use this set.
    /// </summary>
    public static IReadOnlyList<SurfaceOperation> LoadGenerated()
    {
        var surface = Load();
        var generated = GeneratedOperations();
        Assert.That(generated.Except(surface).Select(o => o.ToString()), Is.Empty, "every generated operation is in connect.surface.json");
        return surface.Where(generated.Contains).ToList();
    }

    /// <summary>The operations listed in the generator's configuration, which is part of the repository.</summary>
    public static HashSet<SurfaceOperation> GeneratedOperations()
    {
        var config = Path.Combine(RepoRoot(), "tools", "Stripe.Connect.Client.Generator", "connect-operations.json");
        using var document = JsonDocument.Parse(File.ReadAllText(config));
        return document.RootElement.GetProperty("operations").EnumerateArray()
            .Select(o => new SurfaceOperation(o.GetProperty("http").GetString()!, o.GetProperty("path").GetString()!))
            .ToHashSet();
    }

    /// <summary>A file of the repository's copy of the API facts, <c>spec/</c> (kept equal to the shared folder by <c>.ci/check-spec.sh</c>).</summary>
    public static string SpecFile(string name)
    {
        var file = Path.Combine(RepoRoot(), "spec", name);
        Assert.That(File.Exists(file), Is.True, $"{file} is missing.");
        return file;
    }

    /// <summary>The folder holding <c>Stripe.Connect.Client.sln</c>, found upward from the test's folder.</summary>
    public static string RepoRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Stripe.Connect.Client.sln")))
        {
            directory = directory.Parent;
        }

        Assert.That(directory, Is.Not.Null, "repository root not found above " + TestContext.CurrentContext.TestDirectory);
        return directory!.FullName;
    }

    /// <summary>
    /// The template <paramref name="path"/> was sent to, among <paramref name="operations"/> with the same method: a
    /// <c>{placeholder}</c> segment matches any one segment, and when several templates match, the one with the most
    /// literal segments wins (<c>/v1/apps/secrets/find</c> over a hypothetical <c>/v1/apps/secrets/{id}</c>).
    /// </summary>
    /// <returns>The operation, or null when none matches.</returns>
    public static SurfaceOperation? Match(IEnumerable<SurfaceOperation> operations, string method, string path)
    {
        var segments = path.Split('/');
        return operations
            .Where(o => string.Equals(o.Method, method, StringComparison.OrdinalIgnoreCase))
            .Select(o => (Operation: o, Literals: LiteralMatches(o.PathTemplate.Split('/'), segments)))
            .Where(m => m.Literals >= 0)
            .OrderByDescending(m => m.Literals)
            .Select(m => m.Operation)
            .FirstOrDefault();
    }

    /// <summary>How many literal segments match, or -1 when the template does not match the path.</summary>
    private static int LiteralMatches(string[] template, string[] path)
    {
        if (template.Length != path.Length)
        {
            return -1;
        }

        var literals = 0;
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i].StartsWith('{') && template[i].EndsWith('}'))
            {
                if (path[i].Length == 0)
                {
                    return -1;
                }
            }
            else if (string.Equals(template[i], path[i], StringComparison.Ordinal))
            {
                literals++;
            }
            else
            {
                return -1;
            }
        }

        return literals;
    }
}
