using System.Text;
using System.Text.Json;
using Stripe.Connect.Client.Generator.Building;
using Stripe.Connect.Client.Generator.Configuration;
using Stripe.Connect.Client.Generator.Docs;
using Stripe.Connect.Client.Generator.Document;
using Stripe.Connect.Client.Generator.Emitting;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator;

/// <summary>The result of one run: the files to write (path under <c>Generated/</c> → content), the model and the report.</summary>
internal sealed record GenerationResult(SortedDictionary<string, string> Files, ApiModel Model)
{
    /// <summary>The v2 Core run of a repository run (its files are in <see cref="Files"/> too), or <see langword="null"/>.</summary>
    public GenerationResult? V2 { get; init; }

    public GenerationReport Report => Model.Report;

    public IReadOnlyList<string> MissingOperations => Model.Report.MissingOperations;
}

/// <summary>Entry points shared by the command line and the tests.</summary>
internal static class CodeGenerator
{
    /// <summary>Builds the model of <paramref name="specJson"/> and runs every emitter over it.</summary>
    public static GenerationResult Generate(string specJson, GeneratorConfig config, string? eventsJson = null, DocsOverlay? docs = null, IReadOnlyList<IEmitter>? emitters = null)
    {
        using var doc = JsonDocument.Parse(specJson, new JsonDocumentOptions { MaxDepth = 256 });
        var events = eventsJson is null ? EventsDocument.Empty : EventsDocument.Parse(eventsJson);
        var model = new ApiModelBuilder(new SpecDocument(doc.RootElement), events, config, docs ?? DocsOverlay.Empty).Build();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var prefix = config.Folder.Length == 0 ? string.Empty : config.Folder + "/";
        foreach (var emitter in emitters ?? Emitters.For(model))
        {
            foreach (var file in emitter.Emit(model))
            {
                if (!files.TryAdd(prefix + file.Path, file.Content))
                {
                    throw new InvalidOperationException($"Two generated files have the path {file.Path}.");
                }
            }
        }

        return new GenerationResult(files, model);
    }

    /// <summary>
    /// The repository's whole run: v1 from <c>connect-operations.json</c> and v2 Core from <c>connect-operations.v2.json</c>
    /// (into <c>Generated/V2</c>), as one set of files; the result's model is v1's, <see cref="GenerationResult.V2"/> v2's.
    /// </summary>
    public static GenerationResult GenerateRepository(string specJson, string? eventsJson, (GeneratorConfig Config, DocsOverlay Docs) v1, (GeneratorConfig Config, DocsOverlay Docs)? v2)
    {
        var first = Generate(specJson, v1.Config, eventsJson, v1.Docs);
        if (v2 is not { } second)
        {
            return first;
        }

        var other = Generate(specJson, second.Config, eventsJson, second.Docs);
        foreach (var (path, content) in other.Files)
        {
            if (!first.Files.TryAdd(path, content))
            {
                throw new InvalidOperationException($"Two generated files have the path {path}.");
            }
        }

        if (eventsJson is not null)
        {
            foreach (var file in ThinEventEmitter.Emit(first.Model, other.Model, ThinEventsDocument.Parse(eventsJson)))
            {
                if (!first.Files.TryAdd(file.Path, file.Content))
                {
                    throw new InvalidOperationException($"Two generated files have the path {file.Path}.");
                }
            }
        }

        return first with { V2 = other };
    }

    /// <summary>Writes the files into <paramref name="outDir"/>, rewriting only changed ones and deleting stale <c>.cs</c> files and empty folders.</summary>
    public static void Write(GenerationResult result, string outDir)
    {
        Directory.CreateDirectory(outDir);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var expected = new HashSet<string>(result.Files.Keys.Select(k => Path.GetFullPath(Path.Combine(outDir, k))), StringComparer.Ordinal);
        foreach (var existing in Directory.GetFiles(outDir, "*.cs", SearchOption.AllDirectories))
        {
            if (!expected.Contains(Path.GetFullPath(existing)))
            {
                File.Delete(existing);
            }
        }

        foreach (var dir in Directory.GetDirectories(outDir, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
        {
            if (Directory.GetFileSystemEntries(dir).Length == 0)
            {
                Directory.Delete(dir);
            }
        }

        foreach (var (name, content) in result.Files)
        {
            var path = Path.Combine(outDir, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
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

    /// <summary>The event facts beside a document: <c>connect.events.json</c> in the same folder.</summary>
    public static string DefaultEventsPath(string specPath) => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(specPath))!, "connect.events.json");

    public static string DefaultOutDir(string repoRoot) => Path.Combine(repoRoot, "src", "Stripe.Connect.Client", "Generated");

    /// <summary>The configuration and docs overlay of the repository's generator (what the committed code comes from).</summary>
    public static (GeneratorConfig Config, DocsOverlay Docs) RepositoryInputs(string repoRoot)
    {
        var tool = Path.Combine(repoRoot, "tools", "Stripe.Connect.Client.Generator");
        return (GeneratorConfig.Load(Path.Combine(tool, "connect-operations.json")), DocsOverlay.Load(Path.Combine(tool, "connect-docs.json")));
    }

    /// <summary>The v2 Core configuration and docs overlay of the repository's generator.</summary>
    public static (GeneratorConfig Config, DocsOverlay Docs) RepositoryV2Inputs(string repoRoot)
    {
        var tool = Path.Combine(repoRoot, "tools", "Stripe.Connect.Client.Generator");
        return (GeneratorConfig.Load(Path.Combine(tool, "connect-operations.v2.json")), DocsOverlay.Load(Path.Combine(tool, "connect-docs.v2.json")));
    }
}
