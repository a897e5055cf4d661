using BenchmarkDotNet.Running;

namespace Stripe.Connect.Client.Benchmarks;

/// <summary>
/// Runs the benchmarks with BenchmarkDotNet's switcher:
/// <c>dotnet run -c Release --project benchmarks/Stripe.Connect.Client.Benchmarks -- --filter '*'</c>.
/// Without <c>--job</c> the short job is used (1 launch, 3 warm-ups, 3 iterations). <c>--smoke</c> runs every
/// benchmark once with the Dry job (CI: checks that the project builds and every benchmark runs; no timings).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var list = args.ToList();
        if (list.Remove("--smoke"))
        {
            list.AddRange(["--filter", "*", "--job", "Dry"]);
        }
        else if (!list.Contains("--job") && !list.Contains("-j") && !list.Contains("--list"))
        {
            list.AddRange(["--job", "short"]);
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. list]).ToList();
        var failed = summaries.Where(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)).Select(s => s.Title).ToList();
        if (list.Contains("--filter") && (summaries.Count == 0 || failed.Count > 0))
        {
            Console.Error.WriteLine(summaries.Count == 0 ? "No benchmark ran." : "Benchmarks failed: " + string.Join(", ", failed));
            return 1;
        }

        return 0;
    }
}
