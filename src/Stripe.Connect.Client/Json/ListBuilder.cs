using System.Runtime.CompilerServices;

namespace Stripe.Connect.Client.Json;

/// <summary>
/// Collects the items of one JSON array on the stack and returns them in an array of the exact size: most lists the
/// API returns hold zero to five items, where a <see cref="List{T}"/> would cost an object and a half-empty array
/// for each. Past <see cref="InlineCapacity"/> items it spills into a <see cref="List{T}"/>.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal struct ListBuilder<T>
{
    /// <summary>How many items are kept on the stack before spilling into a list.</summary>
    public const int InlineCapacity = 8;

    private Inline _inline;
    private int _count;
    private List<T>? _spilled;

    /// <summary>Appends one item.</summary>
    /// <param name="item">The item.</param>
    public void Add(T item)
    {
        if (_spilled is not null)
        {
            _spilled.Add(item);
        }
        else if (_count < InlineCapacity)
        {
            _inline[_count++] = item;
        }
        else
        {
            _spilled = new List<T>(InlineCapacity * 2);
            for (var i = 0; i < InlineCapacity; i++)
            {
                _spilled.Add(_inline[i]);
            }

            _spilled.Add(item);
        }
    }

    /// <summary>The items read: the shared empty array, an exact-size array, or the list they spilled into.</summary>
    /// <returns>The items, in order.</returns>
    public readonly IReadOnlyList<T> ToList()
    {
        if (_spilled is not null)
        {
            return _spilled;
        }

        if (_count == 0)
        {
            // `[]` is the most common value of Stripe's requirement lists; the models' own default is this array too.
            return Array.Empty<T>();
        }

        // An indexed copy, not a span's CopyTo: span methods over this assembly's enum structs are framework generic
        // code a ReadyToRun image cannot carry, so they went to the JIT on a fresh process's first v2 read.
        var items = new T[_count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = _inline[i];
        }

        return items;
    }

    /// <summary>The items before the spill, inline in the builder.</summary>
    [InlineArray(InlineCapacity)]
    private struct Inline
    {
        private T _first;
    }
}
