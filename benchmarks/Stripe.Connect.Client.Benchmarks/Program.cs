using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace Stripe.Connect.Client.Benchmarks;

/// <summary>
/// Runs the benchmarks with BenchmarkDotNet's switcher:
/// <c>dotnet run -c Release --project benchmarks/Stripe.Connect.Client.Benchmarks -- --filter '*'</c>.
/// Without <c>--job</c> the short job is used with 1 launch, 5 warm-ups and 15 iterations. <c>--smoke</c> runs every
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
            // The short job (1 launch) with 5 warm-ups and 15 measured iterations: short enough for a 2-core
            // machine, and enough iterations for BenchmarkDotNet's outlier removal to cope with a shared box.
            list.AddRange(["--job", "short", "--warmupCount", "5", "--iterationCount", "15"]);
        }

        // BenchmarkDotNet builds a project per run and gives up after 2 minutes by default; on a busy 2-core machine
        // that build alone can take longer, which failed the CI smoke run without any benchmark being at fault.
        var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. list], config).ToList();
        var failed = summaries.Where(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)).Select(s => s.Title).ToList();
        if (list.Contains("--filter") && (summaries.Count == 0 || failed.Count > 0))
        {
            Console.Error.WriteLine(summaries.Count == 0 ? "No benchmark ran." : "Benchmarks failed: " + string.Join(", ", failed));
            return 1;
        }

        return 0;
    }
}
