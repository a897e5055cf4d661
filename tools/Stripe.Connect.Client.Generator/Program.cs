using Stripe.Connect.Client.Generator;

string? spec = null;
string? outDir = null;
string? configPath = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--spec" when i + 1 < args.Length:
            spec = args[++i];
            break;
        case "--out" when i + 1 < args.Length:
            outDir = args[++i];
            break;
        case "--config" when i + 1 < args.Length:
            configPath = args[++i];
            break;
        case "-h" or "--help":
            Console.WriteLine("Usage: dotnet run --project tools/Stripe.Connect.Client.Generator -- [--spec PATH] [--out DIR] [--config PATH]");
            Console.WriteLine("  --spec    OpenAPI document in Stripe's conventions (default: spec/connect.openapi.json in the repository)");
            Console.WriteLine("  --out     folder to write into (default: src/Stripe.Connect.Client/Generated); stale .cs files there are deleted");
            Console.WriteLine("  --config  operation table (default: connect-operations.json next to the tool)");
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
var config = GeneratorConfig.Load(configPath ?? GeneratorConfig.DefaultPath);
var result = CodeGenerator.Generate(File.ReadAllText(spec), config);
CodeGenerator.Write(result, outDir);
Console.WriteLine($"Wrote {result.Files.Count} files to {Path.GetFullPath(outDir)} from {Path.GetFullPath(spec)}.");
foreach (var missing in result.MissingOperations)
{
    Console.WriteLine($"warning: the document has no operation {missing}; it was skipped.");
}

return 0;
