using System.Net;
using System.Net.Http.Headers;

namespace Stripe.Connect.Client.Http;

/// <summary>Which failures are retried and how long to wait, following the rules of Stripe's own SDKs.</summary>
internal static class RetryRules
{
    /// <summary>The longest <c>Retry-After</c> the SDK waits for; a longer one is capped.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    /// <summary>
    /// <c>Stripe-Should-Retry</c> decides when present; otherwise 409 (lock timeouts), 429 and 5xx are retried
    /// and every other status is not.
    /// </summary>
    public static bool ShouldRetry(HttpStatusCode status, HttpResponseHeaders headers)
    {
        var hint = StripeResponse.HeaderValue(headers, "Stripe-Should-Retry");
        if (string.Equals(hint, "true", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (string.Equals(hint, "false", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var code = (int)status;
        return code is 409 or 429 or >= 500;
    }

    /// <summary>The <c>Retry-After</c> delay in seconds or as a date, capped; <see langword="null"/> when absent.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders headers, DateTimeOffset now)
    {
        var retryAfter = headers.RetryAfter;
        TimeSpan? delay = retryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - now,
            _ => null,
        };

        if (delay is not { } d)
        {
            return null;
        }

        return d < TimeSpan.Zero ? TimeSpan.Zero : d > MaxRetryAfter ? MaxRetryAfter : d;
    }

    /// <summary>
    /// Exponential backoff with jitter: the base delay doubles per retry from <paramref name="initial"/> up to
    /// <paramref name="max"/>, then a random 50-100% of it is taken, never less than <paramref name="initial"/>.
    /// </summary>
    /// <param name="retry">0 for the first retry.</param>
    /// <param name="initial">The first delay.</param>
    /// <param name="max">The cap.</param>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan Backoff(int retry, TimeSpan initial, TimeSpan max, double random)
    {
        var exponent = Math.Min(retry, 30);
        var baseSeconds = Math.Min(initial.TotalSeconds * Math.Pow(2, exponent), max.TotalSeconds);
        var jittered = baseSeconds * (0.5 + (random * 0.5));
        return TimeSpan.FromSeconds(Math.Max(initial.TotalSeconds, jittered));
    }
}
