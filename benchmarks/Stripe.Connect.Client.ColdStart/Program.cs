using System.Globalization;

namespace Stripe.Connect.Client.ColdStart;

/// <summary>
/// The first call in a fresh process (a v1 and a v2 account read), measured across many processes (a process-level harness: BenchmarkDotNet
/// measures steady state). <c>dotnet run -c Release --project benchmarks/Stripe.Connect.Client.ColdStart</c> runs
/// 5 rounds of 9 fresh processes per contender and prints medians; <c>--rounds</c> and <c>--processes</c> change
/// that; <c>--smoke</c> (CI) starts one process per contender and checks each read the account;
/// <c>--jit NAME FIXTURE</c> lists the methods a contender's first call makes the JIT compile.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 3 && args[0] == "--child")
        {
            // Runs in the child: the fixture is read before the clock starts, so disk time is not measured.
            var contender = FirstCalls.All.Single(c => c.Name == args[1]);
            var fixture = await System.IO.File.ReadAllBytesAsync(args[2]).ConfigureAwait(false);
            var result = await contender.MeasureAsync(fixture).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RESULT {result.Id} {result.FirstCallMilliseconds:F3} {result.JitMethods} {result.JitMilliseconds:F3} {result.Assemblies}"));
            return 0;
        }

        if (args.Length == 3 && args[0] == "--jit")
        {
            // Diagnostics, not a measurement: which methods the first call makes the JIT compile, grouped by namespace.
            var contender = FirstCalls.All.Single(c => c.Name == args[1]);
            var fixture = await System.IO.File.ReadAllBytesAsync(args[2]).ConfigureAwait(false);
            using var listener = new JitListener { Recording = true };
            await contender.MeasureAsync(fixture).ConfigureAwait(false);
            await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false); // runtime events arrive on a background thread
            listener.Recording = false;
            foreach (var method in listener.Methods)
            {
                Console.WriteLine(method);
            }

            return 0;
        }

        var smoke = args.Contains("--smoke");
        var rounds = smoke ? 1 : Option(args, "--rounds", 5);
        var processes = smoke ? 1 : Option(args, "--processes", 9);
        var harness = new Harness(FixtureFolder());
        var samples = harness.Run(FirstCalls.All, rounds, processes);
        Console.WriteLine($"{rounds} round(s) of {processes} fresh process(es) per contender, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        Console.WriteLine();
        foreach (var family in new[] { "v1", "v2" })
        {
            var ofFamily = samples.Where(s => s.Key.Name.EndsWith("-" + family, StringComparison.Ordinal)).ToDictionary(s => s.Key, s => s.Value);
            Console.WriteLine();
            Console.Write(Report.Markdown(ofFamily, stripeNet: "stripenet-" + family, floor: "floor-" + family));
        }
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary><c>spec/fixtures</c> in the folder that holds <c>Stripe.Connect.Client.sln</c>.</summary>
    private static string FixtureFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Stripe.Connect.Client.sln")))
            {
                return Path.Combine(dir.FullName, "spec", "fixtures");
            }
        }

        throw new DirectoryNotFoundException("spec/fixtures not found above " + AppContext.BaseDirectory);
    }
}
