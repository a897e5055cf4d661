namespace Stripe.Connect.Client.ColdStart;

/// <summary>What a child process reports: the id it read (a check that the call really worked) and the time it took.</summary>
/// <param name="Id">The object's id, as read from the canned answer.</param>
/// <param name="FirstCallMilliseconds">From building the client to holding the typed result, in milliseconds.</param>
/// <param name="JitMethods">Methods the JIT compiled during the first call (ReadyToRun code needs none).</param>
/// <param name="JitMilliseconds">Time the JIT spent compiling them, in milliseconds.</param>
/// <param name="Assemblies">Assemblies loaded in the process once the call returned.</param>
internal sealed record ChildResult(string? Id, double FirstCallMilliseconds, long JitMethods, double JitMilliseconds, int Assemblies);
