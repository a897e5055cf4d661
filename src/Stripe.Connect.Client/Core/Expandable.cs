using System.Diagnostics.CodeAnalysis;

namespace Stripe.Connect.Client;

/// <summary>
/// A field that holds either the id of another object or, when the request asked for it with
/// <c>expand</c>, the whole object. <see cref="Id"/> is always set; <see cref="Value"/> only when expanded.
/// </summary>
/// <typeparam name="T">The type of the object the field points to.</typeparam>
public sealed class Expandable<T> : IEquatable<Expandable<T>>
    where T : class, IHasId
{
    /// <summary>Creates a field that holds only an id.</summary>
    /// <param name="id">The id of the object.</param>
    public Expandable(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
    }

    /// <summary>Creates a field that holds the expanded object.</summary>
    /// <param name="value">The expanded object; its id becomes <see cref="Id"/>.</param>
    public Expandable(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
        Id = value.Id;
    }

    /// <summary>The id of the object, whether or not it was expanded.</summary>
    public string Id { get; }

    /// <summary>The expanded object, or <see langword="null"/> when the API sent only the id.</summary>
    public T? Value { get; }

    /// <summary><see langword="true"/> when <see cref="Value"/> holds the expanded object.</summary>
    [MemberNotNullWhen(true, nameof(Value))]
    public bool IsExpanded => Value is not null;

    /// <summary>Wraps an id.</summary>
    /// <param name="id">The id of the object.</param>
    public static implicit operator Expandable<T>(string id) => new(id);

    /// <inheritdoc />
    public bool Equals(Expandable<T>? other) =>
        other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal) && EqualityComparer<T?>.Default.Equals(Value, other.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Expandable<T> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <summary>The id, followed by "(expanded)" when the object is present.</summary>
    /// <returns>A short description.</returns>
    public override string ToString() => IsExpanded ? $"{Id} (expanded)" : Id;

    /// <summary>Creates a field that holds only an id.</summary>
    /// <param name="id">The id of the object.</param>
    /// <returns>The field.</returns>
    public static Expandable<T> FromId(string id) => new(id);
}
