using Polly;

namespace Stripe.Connect.Client.Http;

/// <summary>
/// Counts the attempts of one call in its <see cref="ResilienceContext"/>, which every attempt of the call shares
/// (the <see cref="PreparedRequest"/> stays immutable). The numbers are stored as pre-boxed values, so counting
/// allocates nothing.
/// </summary>
internal static class AttemptCounter
{
    private static readonly ResiliencePropertyKey<object> Key = new("Stripe.Connect.Client.Attempts");
    private static readonly object[] Boxed = [.. Enumerable.Range(0, 33).Select(static i => (object)i)];

    /// <summary>Counts one more attempt.</summary>
    /// <param name="context">The call's context.</param>
    /// <returns>The number of this attempt, 1 for the first.</returns>
    public static int Next(ResilienceContext context)
    {
        var next = Read(context) + 1;
        context.Properties.Set(Key, next < Boxed.Length ? Boxed[next] : next);
        return next;
    }

    /// <summary>The attempts counted so far.</summary>
    /// <param name="context">The call's context.</param>
    /// <returns>0 before the first attempt.</returns>
    public static int Read(ResilienceContext context) =>
        context.Properties.TryGetValue(Key, out var value) && value is int count ? count : 0;
}
