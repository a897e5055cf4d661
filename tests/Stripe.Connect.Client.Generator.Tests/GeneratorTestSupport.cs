using Stripe.Connect.Client.Generator.Configuration;
using Stripe.Connect.Client.Generator.Docs;

namespace Stripe.Connect.Client.Generator.Tests;

/// <summary>Runs the generator on a small document and finds its files by name, whatever folder of <c>Generated/</c> they are in.</summary>
internal static class GeneratorTestSupport
{
    public static GenerationResult Run(string document, GeneratorConfig? config = null, string? events = null, DocsOverlay? docs = null) =>
        CodeGenerator.Generate(document, config ?? SpecBuilder.Config(), events, docs);

    /// <summary>The content of the generated file <paramref name="name"/> (<c>Widget.cs</c>, or with its folder: <c>Models/Widget.cs</c>).</summary>
    public static string File(GenerationResult result, string name)
    {
        var matches = result.Files.Keys.Where(k => k == name || k.EndsWith("/" + name, StringComparison.Ordinal)).ToList();
        Assert.That(matches, Has.Count.EqualTo(1), $"{name} was not generated exactly once; files: {string.Join(", ", result.Files.Keys)}");
        return result.Files[matches[0]];
    }

    public static bool Generated(GenerationResult result, string name) => result.Files.Keys.Any(k => k == name || k.EndsWith("/" + name, StringComparison.Ordinal));

    /// <summary>The event facts of a small document: the given v1 event types, each carrying <paramref name="dataObject"/>.</summary>
    public static string Events(string dataObject, params string[] types) =>
        "{\"apiVersion\":\"2026-01-01.test\",\"events\":[" + string.Join(",", types.Select(t => $"{{\"type\":\"{t}\",\"family\":\"v1\",\"envelope\":\"event\",\"dataObject\":\"{dataObject}\"}}")) + "]}";
}
