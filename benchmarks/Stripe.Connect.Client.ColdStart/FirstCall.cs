using System.Diagnostics;
using System.Runtime;

namespace Stripe.Connect.Client.ColdStart;

/// <summary>
/// One way of making the first API call in a fresh process. Each runs in a child process of its own, so the JIT,
/// type loading, serializer metadata and static initialisers it needs are all paid inside the measurement.
/// </summary>
internal abstract class FirstCall
{
    /// <summary>The name on the command line and in the report.</summary>
    public abstract string Name { get; }

    /// <summary>What the report calls it.</summary>
    public abstract string Description { get; }

    /// <summary>The fixture file (under <c>spec/fixtures</c>) the canned handler answers with.</summary>
    public abstract string Fixture { get; }

    /// <summary>The id in that fixture: what the call must read, or the run is refused.</summary>
    public abstract string ExpectedId { get; }

    /// <summary>Builds the client and makes one call; returns the id read from the answer.</summary>
    public abstract Task<string?> RunAsync(HttpMessageHandler handler);

    /// <summary>Runs in the child: reads the fixture, then times building the client and the first call.</summary>
    public async Task<ChildResult> MeasureAsync(byte[] fixture)
    {
        var jitMethods = JitInfo.GetCompiledMethodCount();
        var jitTime = JitInfo.GetCompilationTime();
        var started = Stopwatch.GetTimestamp();
        using var handler = new CannedHandler(fixture);
        var id = await RunAsync(handler).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new ChildResult(
            id,
            elapsed.TotalMilliseconds,
            JitInfo.GetCompiledMethodCount() - jitMethods,
            (JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds,
            AppDomain.CurrentDomain.GetAssemblies().Length);
    }
}
