using System.Diagnostics.CodeAnalysis;
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

#pragma warning disable CS0649 // written through Slot, by reference, which the compiler does not see
    private Inline _inline;
#pragma warning restore CS0649
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
            Slot(_count++) = item;
        }
        else
        {
            _spilled = new List<T>(InlineCapacity * 2);
            for (var i = 0; i < InlineCapacity; i++)
            {
                _spilled.Add(Slot(i));
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

        var items = new T[_count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = Slot(i);
        }

        return items;
    }

    /// <summary>
    /// One inline item, by reference. Not the inline array's indexer or a span: those are framework generic code,
    /// which a ReadyToRun image cannot carry for this assembly's enum structs, so each enum list's first read sent
    /// them to the JIT in a fresh process. <see cref="Unsafe"/> is expanded in place. Callers keep
    /// <paramref name="index"/> below <see cref="InlineCapacity"/>.
    /// </summary>
    [UnscopedRef]
    private readonly ref T Slot(int index) => ref Unsafe.Add(ref Unsafe.As<Inline, T>(ref Unsafe.AsRef(in _inline)), index);

    /// <summary>The items before the spill, inline in the builder.</summary>
    [InlineArray(InlineCapacity)]
    private struct Inline
    {
        private T _first;
    }
}
