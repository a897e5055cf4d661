namespace Stripe.Connect.Client;

/// <summary>
/// Implemented by every enum-like value of the API (<c>AccountLinkType</c> and the others). These are
/// extensible: besides the values this SDK version knows, a value the API adds later is kept as its raw string
/// instead of failing.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IStripeEnum<TSelf> : IEquatable<TSelf>
    where TSelf : struct, IStripeEnum<TSelf>
{
    /// <summary>The value as the API writes it, such as <c>account_onboarding</c>.</summary>
    string Value { get; }

    /// <summary>Returns the known value with this wire string, or a new value that keeps the string.</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The value.</returns>
    static abstract TSelf FromWire(string value);

    /// <summary>Returns the known value whose wire string is <paramref name="utf8"/>, without allocating.</summary>
    /// <param name="utf8">The wire string as UTF-8 bytes (unescaped).</param>
    /// <param name="value">The known value, when found.</param>
    /// <returns><see langword="true"/> when the bytes name a known value.</returns>
    static abstract bool TryFromKnownUtf8(ReadOnlySpan<byte> utf8, out TSelf value);
}
