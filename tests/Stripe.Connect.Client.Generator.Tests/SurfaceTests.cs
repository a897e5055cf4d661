using System.Text.RegularExpressions;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Tests;

/// <summary>Rules the generated surface of the repository must keep: docs that say something, short names, a clean overlay, small generator files.</summary>
public partial class SurfaceTests
{
    /// <summary>Words that carry no meaning of their own in a member doc.</summary>
    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "this", "that", "these", "its", "it", "is", "are", "be", "for", "to", "or", "and", "in", "on", "at", "as", "by",
        "with", "from", "when", "which", "whether", "holds", "value", "values", "object", "field", "member", "part", "set", "leave", "keep",
        "current", "required", "null", "true", "false", "langword", "see", "cref", "c", "may", "can", "has", "have", "there", "own", "if", "not",
        "no", "one", "s", "any", "some", "other", "all",
    };

    private static readonly Lazy<GenerationResult> Repository = new(CommittedCodeTests.RepositoryRun);

    /// <summary>Sentences the rules add to every member of a kind (what null means, required), which say nothing about the member.</summary>
    [GeneratedRegex("<see langword=\"null\"/> when [^.]*\\.|Leave it <see langword=\"null\"/>[^.]*\\.|Required\\.|Accepted only by [^;]*;[^.]*\\.|A secret: [^.]*\\.|Assign [^;.]*(;[^.]*)?\\.")]
    private static partial Regex Boilerplate();

    [GeneratedRegex("<see cref=\"([^\"]+)\"/>")]
    private static partial Regex Cref();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("[a-z0-9]+")]
    private static partial Regex Word();

    /// <summary>
    /// Lists the members of the top-level resources and of every create and update request whose doc only restates the
    /// member's name (and its owner's): once the name's words, the owner's words and filler are taken away, nothing is left.
    /// </summary>
    [Test]
    public void No_doc_on_resources_and_create_or_update_requests_merely_restates_its_name()
    {
        var model = Repository.Value.Model;
        var restating = new List<string>();
        void Check(string owner, string wire, string name, string doc)
        {
            var text = Tag().Replace(Cref().Replace(Boilerplate().Replace(doc, " "), m => " " + Words.HumanFromPascal(m.Groups[1].Value.Split('.', '{')[^1]) + " "), " ");
            var words = Word().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);
            words.ExceptWith(Filler);
            words.ExceptWith(Word().Matches(Words.Human(wire) + " " + Words.HumanFromPascal(name)).Select(m => m.Value));
            words.ExceptWith(Word().Matches(Words.HumanFromPascal(owner)).Select(m => m.Value));
            if (words.Count == 0)
            {
                restating.Add($"{owner}.{wire}: {doc}");
            }
        }

        foreach (var r in model.Records.Values.Where(r => r.IsResource))
        {
            r.Props.Where(p => !p.InBase).ToList().ForEach(p => Check(r.Name, p.Wire, p.Name, p.Doc));
        }

        foreach (var u in model.Unions.Values)
        {
            u.BaseProps.ForEach(p => Check(u.Name, p.Wire, p.Name, p.Doc));
        }

        var createOrUpdate = model.Services.SelectMany(s => s.Methods).Where(m => m.Name is "Create" or "Update" && m.Request is not null).Select(m => m.Request!);
        foreach (var request in createOrUpdate.Distinct())
        {
            var input = model.Inputs[request];
            input.Props.Where(p => p.Fixed is null).ToList().ForEach(p => Check(input.Name, p.Wire, p.Name, p.Doc));
        }

        Assert.That(restating, Is.Empty, $"{restating.Count} docs only restate the member's name; add them to connect-docs.json in your own words:\n" + string.Join("\n", restating));
    }

    [Test]
    public void Every_docs_overlay_entry_is_used()
    {
        var root = CommittedCodeTests.RepoRoot();
        var (config, docs) = CodeGenerator.RepositoryInputs(root);
        var spec = CodeGenerator.DefaultSpecPath(root);
        _ = CodeGenerator.Generate(File.ReadAllText(spec), config, File.ReadAllText(CodeGenerator.DefaultEventsPath(spec)), docs);
        Assert.That(docs.Unused(), Is.Empty, "entries for members or types that no longer exist (renamed?)");
    }

    [Test]
    public void No_user_facing_type_name_is_longer_than_40_characters()
    {
        var model = Repository.Value.Model;
        var names = model.Records.Keys.Concat(model.Unions.Keys).Concat(model.Inputs.Keys).Concat(model.OneOfs.Keys).Concat(model.Enums.Keys).Concat(model.Ranges.Keys);
        Assert.That(names.Where(n => n.Length > 40), Is.Empty);
    }

    [Test]
    public void Nested_parameter_types_end_in_Input_and_no_generated_type_ends_in_Options()
    {
        var model = Repository.Value.Model;
        Assert.Multiple(() =>
        {
            Assert.That(model.Inputs.Values.Where(i => i.IsTopLevel).Select(i => i.Name).Where(n => !n.EndsWith("Request", StringComparison.Ordinal)), Is.Empty);
            Assert.That(model.Inputs.Values.Where(i => !i.IsTopLevel).Select(i => i.Name).Concat(model.OneOfs.Keys).Concat(model.Ranges.Keys).Where(n => !n.EndsWith("Input", StringComparison.Ordinal)), Is.Empty);
            Assert.That(Repository.Value.Files.Keys.Where(k => Path.GetFileNameWithoutExtension(k).EndsWith("Options", StringComparison.Ordinal)), Is.Empty);
        });
    }

    [Test]
    public void No_generator_file_is_longer_than_400_lines()
    {
        var tool = Path.Combine(CommittedCodeTests.RepoRoot(), "tools", "Stripe.Connect.Client.Generator");
        var longFiles = Directory.GetFiles(tool, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (File: Path.GetRelativePath(tool, f), Lines: File.ReadAllLines(f).Length))
            .Where(f => f.Lines > 400);
        Assert.That(longFiles, Is.Empty);
    }

    [Test]
    public void The_repository_run_reports_what_it_reads_as_something_simpler()
    {
        var report = Repository.Value.Report;
        Assert.Multiple(() =>
        {
            Assert.That(report.MissingOperations, Is.Empty);
            Assert.That(report.Skipped, Has.All.StartsWith("anyOf of objects without a named union schema"), "the customer | deleted_customer references are the only shapes read as StripeObject");
        });
    }
}
