using System.Threading.RateLimiting;

namespace Stripe.Connect.Client.Http;

/// <summary>
/// The client-side limit of <see cref="ConnectClientOptions.MaxRequestsPerSecond"/>: a token bucket of one token,
/// refilled by a timer of the client's <see cref="TimeProvider"/> (so tests control its pace) instead of the
/// limiter's own wall-clock timer. Callers wait in arrival order; none is ever refused.
/// </summary>
internal sealed class PacedRateLimiter : IDisposable
{
    private readonly TokenBucketRateLimiter _limiter;
    private readonly ITimer _timer;

    /// <param name="perSecond">The most attempts per second.</param>
    /// <param name="time">The clock whose timer refills the bucket.</param>
    public PacedRateLimiter(double perSecond, TimeProvider time)
    {
        var period = TimeSpan.FromSeconds(1 / perSecond);
        if (period < TimeSpan.FromMilliseconds(1))
        {
            period = TimeSpan.FromMilliseconds(1);
        }

        _limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 1,
            TokensPerPeriod = 1,
            // Our timer sets the pace; the limiter's own period only gates manual replenishment, so keep it tiny.
            ReplenishmentPeriod = TimeSpan.FromTicks(1),
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _timer = time.CreateTimer(static state => ((TokenBucketRateLimiter)state!).TryReplenish(), _limiter, period, period);
    }

    /// <summary>Waits for the next token.</summary>
    /// <param name="cancellationToken">Ends the wait (the caller's token, or the client's disposal).</param>
    /// <returns>The lease.</returns>
    public ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken) => _limiter.AcquireAsync(1, cancellationToken);

    public void Dispose()
    {
        _timer.Dispose();
        _limiter.Dispose();
    }
}
