namespace Stripe.Connect.Client.Generator.Tests;

/// <summary>The committed <c>Generated/</c> folder is exactly what the generator writes today.</summary>
public class CommittedCodeTests
{
    [Test]
    public void Committed_generated_code_is_up_to_date()
    {
        var root = CodeGenerator.FindRepoRoot(TestContext.CurrentContext.TestDirectory) ?? throw new InvalidOperationException("Repository root not found.");
        var spec = CodeGenerator.DefaultSpecPath(root);
        Assert.That(System.IO.File.Exists(spec), Is.True, $"The OpenAPI document is missing: {spec}");

        var config = GeneratorConfig.Load(Path.Combine(root, "tools", "Stripe.Connect.Client.Generator", "connect-operations.json"));
        var result = CodeGenerator.Generate(System.IO.File.ReadAllText(spec), config);
        Assert.That(result.MissingOperations, Is.Empty);

        // Write into a temporary folder as the tool does, then compare byte for byte.
        var temp = Path.Combine(Path.GetTempPath(), "connect-gen-" + Guid.NewGuid().ToString("N"));
        try
        {
            CodeGenerator.Write(result, temp);
            var committed = CodeGenerator.DefaultOutDir(root);
            var differences = new List<string>();
            var expectedNames = new SortedSet<string>(Directory.GetFiles(temp, "*.cs").Select(Path.GetFileName)!, StringComparer.Ordinal);
            var actualNames = new SortedSet<string>(Directory.GetFiles(committed, "*.cs").Select(Path.GetFileName)!, StringComparer.Ordinal);
            foreach (var name in expectedNames)
            {
                if (!actualNames.Contains(name))
                {
                    differences.Add("missing: " + name);
                }
                else if (!System.IO.File.ReadAllBytes(Path.Combine(temp, name)).AsSpan().SequenceEqual(System.IO.File.ReadAllBytes(Path.Combine(committed, name))))
                {
                    differences.Add("differs: " + name);
                }
            }

            foreach (var name in actualNames)
            {
                if (!expectedNames.Contains(name))
                {
                    differences.Add("stale (not generated): " + name);
                }
            }

            Assert.That(differences, Is.Empty, "Run `dotnet run --project tools/Stripe.Connect.Client.Generator` and commit. " + string.Join("; ", differences));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
