using Stripe.Connect.Client.Http;

namespace Stripe.Connect.Client.Tests.Runtime;

public class IdempotencyKeyTests
{
    [Test]
    public void Keys_are_version_4_uuids_in_the_36_character_form()
    {
        // More than one batch (64 keys), so a refill is crossed.
        for (var i = 0; i < 200; i++)
        {
            var key = IdempotencyKeys.New();
            Assert.That(key, Has.Length.EqualTo(36));
            Assert.That(Guid.TryParseExact(key, "D", out var parsed), Is.True, key);
            Assert.That(parsed.Version, Is.EqualTo(4), key);
            Assert.That(parsed.Variant >> 2, Is.EqualTo(0b10), key);
        }
    }

    [Test]
    public void Keys_never_repeat_within_a_thread_or_across_threads()
    {
        var keys = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, _ =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                keys.Add(IdempotencyKeys.New());
            }
        });

        Assert.That(keys, Has.Count.EqualTo(40_000));
        Assert.That(keys.Distinct().Count(), Is.EqualTo(40_000));
    }

    [Test]
    public void Keys_are_not_all_zero_or_a_counter()
    {
        var first = Guid.Parse(IdempotencyKeys.New()).ToByteArray();
        var second = Guid.Parse(IdempotencyKeys.New()).ToByteArray();
        var differing = first.Zip(second).Count(pair => pair.First != pair.Second);

        // Two random keys share about 1 of 16 bytes by chance; a counter or a cleared batch would share 14 or more.
        Assert.That(differing, Is.GreaterThan(8));
    }
}
