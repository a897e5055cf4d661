using System.Net;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

public class RateLimitTests
{
    [Test]
    public async Task Sixty_four_concurrent_callers_are_held_to_the_configured_rate()
    {
        var sent = 0;
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ =>
        {
            Interlocked.Increment(ref sent);
            return TestClients.Json(HttpStatusCode.OK, TestClients.LinkJson);
        });
        var time = new FakeTimeProvider();
        using var client = TestClients.Create(mock, o => o.MaxRequestsPerSecond = 10, time);

        var calls = Enumerable.Range(0, 64).Select(_ => Task.Run(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()))).ToArray();
        var perSecond = new List<int>();
        for (var second = 0; second < 5; second++)
        {
            var before = Volatile.Read(ref sent);
            for (var step = 0; step < 10; step++)
            {
                time.Advance(TimeSpan.FromMilliseconds(100));
                await WaitForQuiet(() => Volatile.Read(ref sent));
            }

            perSecond.Add(Volatile.Read(ref sent) - before);
        }

        Assert.That(perSecond, Has.All.LessThanOrEqualTo(11), "at most the rate per second (plus the token already in the bucket)");
        // The bound that matters is the ceiling; the floor is loose because a loaded machine may start the
        // 64 callers late, which only slows the first second down.
        Assert.That(Volatile.Read(ref sent), Is.InRange(30, 51), "about 10 per second for five seconds, never more");

        for (var i = 0; i < 200 && !calls.All(c => c.IsCompleted); i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(100));
            await WaitForQuiet(() => Volatile.Read(ref sent));
        }

        await Task.WhenAll(calls);
        Assert.That(sent, Is.EqualTo(64));
    }

    /// <summary>Lets released callers run until the count stops moving (no sleeps: yields only).</summary>
    private static async Task WaitForQuiet(Func<int> count)
    {
        var last = -1;
        var stable = 0;
        for (var i = 0; i < 2000 && stable < 20; i++)
        {
            await Task.Yield();
            var now = count();
            stable = now == last ? stable + 1 : 0;
            last = now;
        }
    }
}
