namespace PlatformWeb;

/// <summary>A seller who signed up on the platform, with the connected account created for them.</summary>
public sealed class Seller
{
    private readonly object _gate = new();
    private readonly List<string> _events = [];
    private SellerStatus? _status;

    /// <summary>Creates the record for a new seller.</summary>
    public Seller(string accountId, string businessName, string country, AccountKind kind, DateTimeOffset createdAt)
    {
        AccountId = accountId;
        BusinessName = businessName;
        Country = country;
        Kind = kind;
        CreatedAt = createdAt;
    }

    /// <summary>The connected account's id (<c>acct_...</c>).</summary>
    public string AccountId { get; }

    /// <summary>The business name the seller signed up with.</summary>
    public string BusinessName { get; }

    /// <summary>The account's country (ISO 3166-1 alpha-2).</summary>
    public string Country { get; }

    /// <summary>The kind of account created.</summary>
    public AccountKind Kind { get; }

    /// <summary>When the seller signed up.</summary>
    public DateTimeOffset CreatedAt { get; }

    /// <summary>The latest status, or <see langword="null"/> before the account was first read.</summary>
    public SellerStatus? Status
    {
        get
        {
            lock (_gate)
            {
                return _status;
            }
        }
    }

    /// <summary>The event types received for this seller, oldest first (a copy).</summary>
    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Replaces the status when <paramref name="status"/> is not older than the current one.</summary>
    public void Update(SellerStatus status)
    {
        lock (_gate)
        {
            if (_status is null || status.At >= _status.At)
            {
                _status = status;
            }
        }
    }

    /// <summary>Records an event type received for this seller.</summary>
    public void RecordEvent(string type)
    {
        lock (_gate)
        {
            _events.Add(type);
        }
    }
}
