namespace Stripe.Connect.Client;

/// <summary>
/// A request parameter that can either carry a value or be sent as the empty string, which tells the API to
/// clear the field (for example to unset a date of birth or an optional setting). Leave the
/// property <see langword="null"/> to not send it at all.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
/// <example><code>
/// // Send a value: implicit conversion.
/// request = new PersonUpdateRequest { Dob = new CalendarDateInput { Day = 1, Month = 2, Year = 1990 } };
/// // Clear the field on the server: sends "dob=".
/// request = new PersonUpdateRequest { Dob = Emptyable&lt;CalendarDateInput&gt;.Empty };
/// </code>
/// Metadata is cleared with <see cref="StripeMetadata.Clear"/> instead.</example>
public readonly struct Emptyable<T> : IEquatable<Emptyable<T>>
{
    private readonly bool _hasValue;

    private Emptyable(T value)
    {
        Value = value;
        _hasValue = true;
    }

    /// <summary>The value that asks the API to clear the field (sent as <c>name=</c>).</summary>
    public static Emptyable<T> Empty => default;

    /// <summary>The value to send, when <see cref="IsEmpty"/> is <see langword="false"/>.</summary>
    public T? Value { get; }

    /// <summary><see langword="true"/> when the field is sent as the empty string, clearing it.</summary>
    public bool IsEmpty => !_hasValue;

    /// <summary>Wraps a value to send.</summary>
    /// <param name="value">The value.</param>
    public static implicit operator Emptyable<T>(T value) => new(value);

    /// <summary>Wraps a value to send.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The wrapped value.</returns>
    public static Emptyable<T> Of(T value) => new(value);

    /// <inheritdoc />
    public bool Equals(Emptyable<T> other) => IsEmpty == other.IsEmpty && EqualityComparer<T?>.Default.Equals(Value, other.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Emptyable<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => IsEmpty ? 0 : EqualityComparer<T?>.Default.GetHashCode(Value!);

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when equal.</returns>
    public static bool operator ==(Emptyable<T> left, Emptyable<T> right) => left.Equals(right);

    /// <summary>Compares two values.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when different.</returns>
    public static bool operator !=(Emptyable<T> left, Emptyable<T> right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString() => IsEmpty ? "(empty)" : Value?.ToString() ?? string.Empty;
}
