namespace Stripe.Connect.Client.Tests;
public class SmokeTests { [Test] public void Runs() => Assert.That(Environment.ProcessorCount, Is.GreaterThan(0)); }
