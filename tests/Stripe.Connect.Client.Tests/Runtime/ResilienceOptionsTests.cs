using Polly;

namespace Stripe.Connect.Client.Tests.Runtime;

/// <summary>
/// <see cref="ConnectClientOptions.Resilience"/> is created on first use (its lists name Polly's types): options
/// that never touch it have no strategies, touching it keeps what is added, and the client's snapshot copies them.
/// </summary>
public class ResilienceOptionsTests
{
    [Test]
    public void Options_nobody_adds_a_strategy_to_have_none_even_after_reading_the_property()
    {
        var untouched = new ConnectClientOptions();
        var read = new ConnectClientOptions();
        var first = read.Resilience;

        Assert.Multiple(() =>
        {
            Assert.That(untouched.HasResilienceStrategies, Is.False);
            Assert.That(read.HasResilienceStrategies, Is.False);
            Assert.That(read.Resilience, Is.SameAs(first), "the first read's instance is kept");
        });
    }

    [Test]
    public void An_added_strategy_is_kept_and_copied_into_the_clients_snapshot()
    {
        var options = new ConnectClientOptions { ApiKey = "sk_test_resilience" };
        options.Resilience.AddPerAttempt(builder => builder.AddTimeout(TimeSpan.FromSeconds(5)));
        using var client = new ConnectClient(options);

        Assert.Multiple(() =>
        {
            Assert.That(options.HasResilienceStrategies, Is.True);
            Assert.That(client.Options.HasResilienceStrategies, Is.True);
            Assert.That(client.Options.Resilience.PerAttempt, Has.Count.EqualTo(1));
            Assert.That(client.Options.Resilience, Is.Not.SameAs(options.Resilience), "the snapshot has its own lists");
            Assert.That(client.Pipeline.Resilience.RunsFirstAttemptDirectly, Is.False);
        });
    }

    [Test]
    public void Setting_null_clears_the_strategies()
    {
        var options = new ConnectClientOptions();
        options.Resilience.AddAroundRetry(_ => { });

        options.Resilience = null!;

        Assert.Multiple(() =>
        {
            Assert.That(options.HasResilienceStrategies, Is.False);
            Assert.That(options.Resilience.AroundRetry, Is.Empty);
        });
    }

    [Test]
    public void A_client_without_strategies_runs_its_first_attempt_directly()
    {
        using var client = new ConnectClient(new ConnectClientOptions { ApiKey = "sk_test_resilience" });

        Assert.Multiple(() =>
        {
            Assert.That(client.Options.HasResilienceStrategies, Is.False);
            Assert.That(client.Pipeline.Resilience.RunsFirstAttemptDirectly, Is.True);
        });
    }
}
