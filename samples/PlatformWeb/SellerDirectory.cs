using System.Collections.Concurrent;

namespace PlatformWeb;

/// <summary>
/// The platform's sellers, by account id. In memory for the sample; a real platform keeps them in its database, next
/// to its own user ids.
/// </summary>
public sealed class SellerDirectory
{
    private readonly ConcurrentDictionary<string, Seller> _sellers = new(StringComparer.Ordinal);

    /// <summary>Every seller, newest first.</summary>
    public IReadOnlyList<Seller> All => [.. _sellers.Values.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.AccountId, StringComparer.Ordinal)];

    /// <summary>Adds a seller (or returns the one already added for the account, after a repeated sign-up).</summary>
    public Seller Add(Seller seller) => _sellers.GetOrAdd(seller.AccountId, seller);

    /// <summary>The seller of <paramref name="accountId"/>, or <see langword="null"/>.</summary>
    public Seller? Find(string? accountId) =>
        accountId is not null && _sellers.TryGetValue(accountId, out var seller) ? seller : null;
}
