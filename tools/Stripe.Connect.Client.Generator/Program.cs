using Stripe.Connect.Client.Generator;
using Stripe.Connect.Client.Generator.Configuration;
using Stripe.Connect.Client.Generator.Docs;

string? spec = null;
string? events = null;
string? outDir = null;
string? configPath = null;
string? docsPath = null;
var verbose = false;
var names = false;
var allOperations = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--spec" when i + 1 < args.Length:
            spec = args[++i];
            break;
        case "--events" when i + 1 < args.Length:
            events = args[++i];
            break;
        case "--out" when i + 1 < args.Length:
            outDir = args[++i];
            break;
        case "--config" when i + 1 < args.Length:
            configPath = args[++i];
            break;
        case "--docs" when i + 1 < args.Length:
            docsPath = args[++i];
            break;
        case "--verbose":
            verbose = true;
            break;
        case "--names":
            names = true;
            break;
        case "--all-operations":
            allOperations = true;
            break;
        case "-h" or "--help":
            Console.WriteLine("Usage: dotnet run --project tools/Stripe.Connect.Client.Generator -- [--spec PATH] [--events PATH] [--out DIR] [--config PATH] [--docs PATH] [--verbose]");
            Console.WriteLine("  --spec    OpenAPI document in Stripe's conventions (default: spec/connect.openapi.json in the repository)");
            Console.WriteLine("  --events  event facts (default: connect.events.json beside the document; without it no event types are generated)");
            Console.WriteLine("  --out     folder to write into (default: src/Stripe.Connect.Client/Generated); stale .cs files there are deleted");
            Console.WriteLine("  --config  operation table and names (default: connect-operations.json next to the tool)");
            Console.WriteLine("  --docs    docs overlay (default: connect-docs.json next to the tool)");
            Console.WriteLine("  --verbose also print the naming notes");
            Console.WriteLine("  --names   print every generated type with the shape keys it stands for (the keys typeNames takes)");
            Console.WriteLine("  --all-operations  generate every operation the document's x-stripeOperations name (to try a whole spec3.json), not the configured ones");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown argument '{args[i]}'. Use --help.");
            return 2;
    }
}

var root = CodeGenerator.FindRepoRoot(Directory.GetCurrentDirectory()) ?? CodeGenerator.FindRepoRoot(AppContext.BaseDirectory);
if ((spec is null || outDir is null) && root is null)
{
    Console.Error.WriteLine("Cannot find the repository root (Stripe.Connect.Client.sln); pass --spec and --out.");
    return 2;
}

spec ??= CodeGenerator.DefaultSpecPath(root!);
outDir ??= CodeGenerator.DefaultOutDir(root!);
events ??= CodeGenerator.DefaultEventsPath(spec);
var config = GeneratorConfig.Load(configPath ?? GeneratorConfig.DefaultPath);
if (allOperations)
{
    config = StripeOperations.FromDocument(File.ReadAllText(spec), config);
    Console.WriteLine($"{config.Operations.Count} operations of {config.Services.Count} resources, from the document's x-stripeOperations.");
}

var docs = DocsOverlay.Load(docsPath ?? DocsOverlay.DefaultPath);

// The v2 Core family is generated beside v1 (into Generated/V2) unless the run was pointed at another table or document.
var v2Config = Path.Combine(AppContext.BaseDirectory, "connect-operations.v2.json");
(GeneratorConfig, DocsOverlay)? v2 = configPath is null && !allOperations && File.Exists(v2Config)
    ? (GeneratorConfig.Load(v2Config), DocsOverlay.Load(Path.Combine(AppContext.BaseDirectory, "connect-docs.v2.json")))
    : null;
var result = CodeGenerator.GenerateRepository(File.ReadAllText(spec), File.Exists(events) ? File.ReadAllText(events) : null, (config, docs), v2);
CodeGenerator.Write(result, outDir);
Console.WriteLine($"Wrote {result.Files.Count} files to {Path.GetFullPath(outDir)} from {Path.GetFullPath(spec)}.");
foreach (var missing in result.Report.MissingOperations)
{
    Console.WriteLine($"warning: the document has no operation {missing}; it was skipped.");
}

foreach (var skipped in result.Report.Skipped)
{
    Console.WriteLine($"skipped: {skipped}");
}

foreach (var unused in docs.Unused().Concat(v2 is { } second ? second.Item2.Unused() : []))
{
    Console.WriteLine($"warning: the docs overlay entry {unused} matches nothing.");
}

foreach (var skipped in result.V2?.Report.Skipped ?? [])
{
    Console.WriteLine($"skipped (v2): {skipped}");
}

if (verbose)
{
    foreach (var note in result.Report.Notes)
    {
        Console.WriteLine($"note: {note}");
    }
}

if (names)
{
    foreach (var line in NameReport.Lines(result.Model))
    {
        Console.WriteLine(line);
    }
}

return 0;
