namespace Stripe.Connect.Client.ColdStart;

/// <summary>One fresh process's figures.</summary>
/// <param name="FirstCallMilliseconds">Inside the process: from building the client to the typed result.</param>
/// <param name="ProcessMilliseconds">Outside: from starting the process to its exit (runtime start-up included).</param>
/// <param name="JitMethods">Methods compiled by the JIT during the first call.</param>
/// <param name="JitMilliseconds">The JIT's time for them.</param>
/// <param name="Assemblies">Assemblies loaded by then.</param>
internal sealed record Sample(double FirstCallMilliseconds, double ProcessMilliseconds, long JitMethods, double JitMilliseconds, int Assemblies);
