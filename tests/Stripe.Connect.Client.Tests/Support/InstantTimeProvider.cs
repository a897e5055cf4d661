using System.Collections.Concurrent;

namespace Stripe.Connect.Client.Tests.Support;

/// <summary>
/// A clock for retry tests: timers shorter than <see cref="FireBelow"/> (retry delays) fire at once and are
/// recorded; longer ones (attempt time-outs) never fire. Retries therefore take no real time.
/// </summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    public TimeSpan FireBelow { get; init; } = TimeSpan.FromSeconds(61);

    public ConcurrentQueue<TimeSpan> Delays { get; } = new();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && dueTime < FireBelow)
        {
            Delays.Enqueue(dueTime);
            ThreadPool.UnsafeQueueUserWorkItem(_ => callback(state), null);
        }

        return new NeverTimer();
    }

    private sealed class NeverTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => default;
    }
}
