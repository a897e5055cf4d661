namespace Stripe.Connect.Client;

/// <summary>
/// Request metadata. Every request's <c>Metadata</c> takes any sequence of string pairs: a
/// <see cref="Dictionary{TKey, TValue}"/>, any <see cref="IReadOnlyDictionary{TKey, TValue}"/> (such as an object's
/// <c>Metadata</c> you read before), or a collection expression (<c>[new("order", "42")]</c>). A key with an empty value
/// removes that key; <see cref="Clear"/> removes every key, on the requests that allow it (updates).
/// </summary>
/// <example><code>
/// await client.Accounts.UpdateAsync(accountId, new AccountUpdateRequest { Metadata = [new("tier", "gold")] });
/// await client.Accounts.UpdateAsync(accountId, new AccountUpdateRequest { Metadata = StripeMetadata.Clear });
/// </code></example>
public static class StripeMetadata
{
    /// <summary>
    /// Assign it to a request's <c>Metadata</c> to remove every key (sent as <c>metadata=</c>). A request that cannot
    /// clear metadata (a create) refuses it with an <see cref="ArgumentException"/> before anything is sent.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> Clear { get; } = new ClearMarker();

    /// <summary>Whether <paramref name="metadata"/> is <see cref="Clear"/>.</summary>
    internal static bool IsClear(IEnumerable<KeyValuePair<string, string>>? metadata) => metadata is ClearMarker;

    /// <summary>An empty sequence that only stands for "clear it"; compared by type, so no other value can be mistaken for it.</summary>
    private sealed class ClearMarker : IReadOnlyCollection<KeyValuePair<string, string>>
    {
        public int Count => 0;

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => Enumerable.Empty<KeyValuePair<string, string>>().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => "(clear)";
    }
}
