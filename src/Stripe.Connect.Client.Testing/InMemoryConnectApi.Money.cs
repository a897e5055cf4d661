using Stripe.Connect.Client.Testing.Internal;

namespace Stripe.Connect.Client.Testing;

/// <summary>The test helpers that put money on a balance and connect accounts through OAuth.</summary>
public sealed partial class InMemoryConnectApi
{
    /// <summary>The platform's Connect client id (<c>ca_...</c>), which <c>POST /oauth/deauthorize</c> expects as <c>client_id</c>.</summary>
    public string ClientId
    {
        get
        {
            lock (_gate)
            {
                return _state.ClientId;
            }
        }
    }

    /// <summary>
    /// Adds funds to the available balance at once, as a test-mode charge with Stripe's 4000000000000077 card does
    /// (that card skips the pending balance). A fresh platform has no funds, so call this before transfers.
    /// </summary>
    /// <param name="amount">The charge in the currency's smallest unit; must be positive.</param>
    /// <param name="currency">The three-letter currency code.</param>
    /// <param name="account">The connected account to fund; the platform when null.</param>
    /// <param name="fee">Stripe's processing fee taken from the charge (none by default), so the balance grows by <c>amount - fee</c>.</param>
    /// <returns>The <c>txn_</c> id of the <c>charge</c> balance transaction.</returns>
    public string FundBalance(long amount, string currency = "usd", string? account = null, long fee = 0) =>
        Fund(amount, currency, account, fee, availableAfter: null);

    /// <summary>
    /// Adds funds to the pending balance, as a test-mode charge with any other test card does. They become available
    /// once <paramref name="availableAfter"/> has passed on <see cref="TimeProvider"/>, with a <c>balance.available</c> event.
    /// </summary>
    /// <param name="amount">The charge in the currency's smallest unit; must be positive.</param>
    /// <param name="currency">The three-letter currency code.</param>
    /// <param name="availableAfter">How long the funds stay pending; two days (Stripe's usual US schedule) when null.</param>
    /// <param name="account">The connected account to fund; the platform when null.</param>
    /// <returns>The <c>txn_</c> id of the pending <c>charge</c> balance transaction.</returns>
    public string AddPendingFunds(long amount, string currency = "usd", TimeSpan? availableAfter = null, string? account = null)
    {
        var delay = availableAfter ?? TimeSpan.FromDays(2);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero, nameof(availableAfter));
        return Fund(amount, currency, account, 0, delay);
    }

    /// <summary>
    /// Plays the account holder's part of the OAuth flow: they open the authorize URL and agree, and Stripe redirects
    /// to the platform with a code. Exchange the code with <c>POST /oauth/token</c> (<c>grant_type=authorization_code</c>);
    /// it works once.
    /// </summary>
    /// <param name="account">An existing connected account to connect; a new Standard account when null.</param>
    /// <param name="scope">The granted scope, <c>read_write</c> or <c>read_only</c>.</param>
    /// <returns>The <c>ac_</c> authorization code.</returns>
    public string CreateOAuthAuthorizationCode(string? account = null, string scope = "read_write")
    {
        if (scope is not ("read_write" or "read_only"))
        {
            throw new ArgumentException("The scope is read_write or read_only.", nameof(scope));
        }

        lock (_gate)
        {
            return _state.CreateAuthorizationCode(account, scope);
        }
    }

    private string Fund(long amount, string currency, string? account, long fee, TimeSpan? availableAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        ArgumentOutOfRangeException.ThrowIfNegative(fee);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fee, amount);
        ArgumentException.ThrowIfNullOrEmpty(currency);
        if (!CurrencyCatalog.IsSupported(currency))
        {
            throw new ArgumentException($"Stripe does not support the currency '{currency}'.", nameof(currency));
        }

        string id;
        lock (_gate)
        {
            id = _state.Fund(account, amount, currency, fee, availableAfter is { } delay ? TimeProvider.GetUtcNow() + delay : null);
        }

        Pump();
        return id;
    }
}
