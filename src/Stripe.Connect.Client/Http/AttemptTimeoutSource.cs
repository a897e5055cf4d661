namespace Stripe.Connect.Client.Http;

/// <summary>
/// The cancellation sources of directly run attempts' time-outs. On the system clock one idle source is kept per
/// thread and reset after use (a source that fired is dropped), as Polly pools its own, so a call allocates none;
/// on any other <see cref="TimeProvider"/> (a test's fake clock) each attempt gets a new one from that clock.
/// </summary>
internal static class AttemptTimeoutSource
{
    [ThreadStatic]
    private static CancellationTokenSource? _idle;

    /// <summary>A source that cancels itself after <paramref name="timeout"/> on <paramref name="time"/>.</summary>
    /// <param name="time">The client's clock.</param>
    /// <param name="timeout">The per-attempt time-out.</param>
    /// <returns>The source; give it back with <see cref="Return"/>.</returns>
    public static CancellationTokenSource Rent(TimeProvider time, TimeSpan timeout)
    {
        if (!ReferenceEquals(time, TimeProvider.System))
        {
            return new CancellationTokenSource(timeout, time);
        }

        var source = _idle ?? new CancellationTokenSource();
        _idle = null;
        source.CancelAfter(timeout);
        return source;
    }

    /// <summary>Keeps <paramref name="source"/> for the next attempt on this thread when it can be reset, else disposes it.</summary>
    /// <param name="time">The clock it was rented for.</param>
    /// <param name="source">The source from <see cref="Rent"/>.</param>
    public static void Return(TimeProvider time, CancellationTokenSource source)
    {
        if (ReferenceEquals(time, TimeProvider.System) && _idle is null && source.TryReset())
        {
            _idle = source;
            return;
        }

        source.Dispose();
    }
}
