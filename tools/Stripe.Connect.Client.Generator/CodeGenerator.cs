using System.Text;
using System.Text.Json;

namespace Stripe.Connect.Client.Generator;

/// <summary>The result of one run: the files to write and the configured operations the document lacks.</summary>
internal sealed record GenerationResult(SortedDictionary<string, string> Files, IReadOnlyList<string> MissingOperations)
{
    /// <summary>Path name → shared name of the request records the sharing of titled objects renamed.</summary>
    public IReadOnlyDictionary<string, string> SharedRenames { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>Entry points shared by the command line and the tests.</summary>
internal static class CodeGenerator
{
    public static GenerationResult Generate(string specJson, GeneratorConfig config)
    {
        using var doc = JsonDocument.Parse(specJson, new JsonDocumentOptions { MaxDepth = 256 });
        var builder = new ModelBuilder(doc.RootElement, config);
        builder.Build();
        var files = new Emitter(builder).Emit();
        return new GenerationResult(files, builder.Missing) { SharedRenames = builder.SharedRenames };
    }

    /// <summary>Writes the files into <paramref name="outDir"/>, rewriting only changed ones and deleting stale <c>.cs</c> files.</summary>
    public static void Write(GenerationResult result, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        foreach (var existing in Directory.GetFiles(outDir, "*.cs"))
        {
            if (!result.Files.ContainsKey(Path.GetFileName(existing)))
            {
                File.Delete(existing);
            }
        }

        foreach (var (name, content) in result.Files)
        {
            var path = Path.Combine(outDir, name);
            if (File.Exists(path) && File.ReadAllText(path, utf8) == content)
            {
                continue;
            }

            File.WriteAllText(path, content, utf8);
        }
    }

    /// <summary>The repository root: the nearest folder up from <paramref name="start"/> holding <c>Stripe.Connect.Client.sln</c>.</summary>
    public static string? FindRepoRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stripe.Connect.Client.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>The repository's copy of the API facts: <c>spec/connect.openapi.json</c>.</summary>
    public static string DefaultSpecPath(string repoRoot) => Path.Combine(repoRoot, "spec", "connect.openapi.json");

    public static string DefaultOutDir(string repoRoot) => Path.Combine(repoRoot, "src", "Stripe.Connect.Client", "Generated");
}
