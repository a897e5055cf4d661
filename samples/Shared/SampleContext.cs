using Stripe.Connect.Client.Testing;

namespace Stripe.Connect.Client.Samples;

/// <summary>What a sample knows about where it runs; <see cref="Api"/> is set only offline.</summary>
/// <param name="Offline">True when running against the in-memory Connect API.</param>
/// <param name="Api">The in-memory API, for the few steps Stripe does on its own (activating capabilities, seeding fees).</param>
internal sealed record SampleContext(bool Offline, InMemoryConnectApi? Api);
