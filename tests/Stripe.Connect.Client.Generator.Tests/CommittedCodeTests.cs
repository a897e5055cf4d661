namespace Stripe.Connect.Client.Generator.Tests;

/// <summary>The committed <c>Generated/</c> folder is exactly what the generator writes today from the repository's <c>spec/</c>.</summary>
public class CommittedCodeTests
{
    internal static string RepoRoot() =>
        CodeGenerator.FindRepoRoot(TestContext.CurrentContext.TestDirectory) ?? throw new InvalidOperationException("Repository root not found.");

    /// <summary>The run the committed code comes from: <c>spec/connect.openapi.json</c>, its events, and the tool's configuration and docs overlay.</summary>
    internal static GenerationResult RepositoryRun()
    {
        var root = RepoRoot();
        var spec = CodeGenerator.DefaultSpecPath(root);
        Assert.That(File.Exists(spec), Is.True, $"The OpenAPI document is missing: {spec}");
        var (config, docs) = CodeGenerator.RepositoryInputs(root);
        return CodeGenerator.Generate(File.ReadAllText(spec), config, File.ReadAllText(CodeGenerator.DefaultEventsPath(spec)), docs);
    }

    /// <summary>The whole run the committed folder comes from: v1, and v2 Core into <c>Generated/V2</c>.</summary>
    internal static GenerationResult RepositoryRunWithV2()
    {
        var root = RepoRoot();
        var spec = CodeGenerator.DefaultSpecPath(root);
        return CodeGenerator.GenerateRepository(File.ReadAllText(spec), File.ReadAllText(CodeGenerator.DefaultEventsPath(spec)), CodeGenerator.RepositoryInputs(root), CodeGenerator.RepositoryV2Inputs(root));
    }

    [Test]
    public void Committed_generated_code_is_up_to_date()
    {
        var result = RepositoryRunWithV2();
        Assert.That(result.MissingOperations, Is.Empty);
        Assert.That(result.V2!.MissingOperations, Is.Empty);

        // Write into a temporary folder as the tool does, then compare byte for byte.
        var temp = Path.Combine(Path.GetTempPath(), "connect-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            CodeGenerator.Write(result, temp);
            var committed = CodeGenerator.DefaultOutDir(RepoRoot());
            var expected = Files(temp);
            var actual = Files(committed);
            var differences = new List<string>();
            foreach (var name in expected)
            {
                if (!actual.Contains(name))
                {
                    differences.Add("missing: " + name);
                }
                else if (!File.ReadAllBytes(Path.Combine(temp, name)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(committed, name))))
                {
                    differences.Add("differs: " + name);
                }
            }

            differences.AddRange(actual.Where(n => !expected.Contains(n)).Select(n => "stale (not generated): " + n));
            Assert.That(differences, Is.Empty, "Run `dotnet run --project tools/Stripe.Connect.Client.Generator` and commit. " + string.Join("; ", differences));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    private static SortedSet<string> Files(string dir) =>
        new(Directory.GetFiles(dir, "*.cs", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')), StringComparer.Ordinal);
}
