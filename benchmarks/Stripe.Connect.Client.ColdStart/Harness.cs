using System.Diagnostics;
using System.Globalization;

namespace Stripe.Connect.Client.ColdStart;

/// <summary>
/// Starts fresh child processes of this program, one contender each, interleaved so that a busy moment on the
/// machine hits every contender alike, and collects what they report.
/// </summary>
internal sealed class Harness(string fixtureFolder)
{
    /// <summary>Runs <paramref name="rounds"/> rounds of <paramref name="processes"/> fresh processes per contender.</summary>
    public IReadOnlyDictionary<FirstCall, List<Sample>> Run(IReadOnlyList<FirstCall> contenders, int rounds, int processes)
    {
        var samples = contenders.ToDictionary(c => c, _ => new List<Sample>());
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < processes; i++)
            {
                // Rotate the order so no contender always runs right after another's disk and CPU caches warmed up.
                for (var k = 0; k < contenders.Count; k++)
                {
                    var contender = contenders[(i + k) % contenders.Count];
                    samples[contender].Add(RunChild(contender));
                }
            }
        }

        return samples;
    }

    private Sample RunChild(FirstCall contender)
    {
        var start = ChildStartInfo();
        start.ArgumentList.Add("--child");
        start.ArgumentList.Add(contender.Name);
        start.ArgumentList.Add(Path.Combine(fixtureFolder, contender.Fixture));
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;

        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + start.FileName);
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        var wall = Stopwatch.GetElapsedTime(started).TotalMilliseconds;

        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("RESULT ", StringComparison.Ordinal));
        if (process.ExitCode != 0 || line is null)
        {
            throw new InvalidOperationException($"{contender.Name} failed (exit {process.ExitCode}): {output}{errors}");
        }

        var parts = line.Trim().Split(' ');
        if (parts[1] != contender.ExpectedId)
        {
            throw new InvalidOperationException($"{contender.Name} read {parts[1]}, not {contender.ExpectedId}");
        }

        return new Sample(
            double.Parse(parts[2], CultureInfo.InvariantCulture),
            wall,
            long.Parse(parts[3], CultureInfo.InvariantCulture),
            double.Parse(parts[4], CultureInfo.InvariantCulture),
            int.Parse(parts[5], CultureInfo.InvariantCulture));
    }

    /// <summary>The apphost next to this assembly when there is one, otherwise <c>dotnet</c> with the assembly.</summary>
    private static ProcessStartInfo ChildStartInfo()
    {
        var assembly = typeof(Harness).Assembly.Location;
        var appHost = Path.ChangeExtension(assembly, OperatingSystem.IsWindows() ? ".exe" : null);
        if (System.IO.File.Exists(appHost))
        {
            return new ProcessStartInfo(appHost);
        }

        var start = new ProcessStartInfo("dotnet");
        start.ArgumentList.Add(assembly);
        return start;
    }
}
