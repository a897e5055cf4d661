using System.Text.Json.Nodes;
using Stripe.Connect.Client.Testing.Internal;

namespace Stripe.Connect.Client.Testing;

/// <summary>
/// A stateful, in-memory Stripe Connect API v1 for integration tests. It keeps accounts, capabilities,
/// persons, external accounts, transfers, application fees, top-ups, app secrets, balances and their balance
/// transactions, payouts, tokens, events, webhook endpoints and OAuth grants in memory, checks requests against the
/// embedded API description and Stripe's rules, and answers with Stripe-shaped JSON. Plug it into a client with
/// <see cref="CreateHandler"/> or <c>UseInMemoryConnectApi()</c> on an <c>IHttpClientBuilder</c>.
/// </summary>
/// <remarks>
/// All members are thread-safe. Requests need an <c>Authorization: Bearer sk_test_...</c> (or
/// <c>rk_test_...</c>) header; any such key is accepted, and all of them see the same platform (an OAuth access
/// token acts for its connected account). A new platform has no funds: call <see cref="FundBalance"/> before
/// transfers, as a test-mode platform charges Stripe's 4000000000000077 card first.
/// </remarks>
public sealed partial class InMemoryConnectApi
{
    /// <summary>The Stripe API version this fake implements; it is sent back in the <c>Stripe-Version</c> header.</summary>
    public const string ApiVersion = "2026-10-28.endive";

    private readonly object _gate = new();
    private readonly ConnectState _state;
    private readonly ITimer _timer;
    private readonly List<RecordedRequest> _requests = [];

    /// <summary>Creates an empty API whose clock is <paramref name="timeProvider"/> (the system clock when null).</summary>
    /// <param name="timeProvider">
    /// The clock for <c>created</c> timestamps, link expiry and <see cref="CapabilityActivationDelay"/>; pass a
    /// <c>FakeTimeProvider</c> to control time in tests.
    /// </param>
    public InMemoryConnectApi(TimeProvider? timeProvider = null)
    {
        TimeProvider = timeProvider ?? TimeProvider.System;
        _state = new ConnectState(TimeProvider);
        Webhooks = new InMemoryWebhooks(TimeProvider);
        _timer = TimeProvider.CreateTimer(_ => Pump(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The clock the API reads.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>Fault injection: makes the next requests fail with an error status or a dropped connection.</summary>
    public FaultInjector Faults { get; } = new();

    /// <summary>Delivery of events to the webhook endpoints created through the API: callbacks, loopback HTTP, attempts.</summary>
    public InMemoryWebhooks Webhooks { get; }

    /// <summary>The id of the platform's own account, returned by <c>GET /v1/account</c> without <c>Stripe-Account</c>.</summary>
    public string PlatformAccountId
    {
        get
        {
            lock (_gate)
            {
                return _state.Platform.Id;
            }
        }
    }

    /// <summary>
    /// When set, a requested capability is approved (turns <c>active</c>, as <see cref="ActivateCapability"/> does)
    /// once this much time has passed on <see cref="TimeProvider"/>. When null (the default) Standard accounts'
    /// capabilities stay pending until a helper activates them, and those of Custom and Express accounts follow their
    /// requirements (active once nothing is due and the identity is verified).
    /// </summary>
    public TimeSpan? CapabilityActivationDelay
    {
        get
        {
            lock (_gate)
            {
                return _state.CapabilityActivationDelay;
            }
        }

        set
        {
            if (value < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The delay cannot be negative.");
            }

            lock (_gate)
            {
                _state.CapabilityActivationDelay = value;
            }
        }
    }

    /// <summary>The requests received so far, oldest first (a copy).</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>Creates a message handler that serves this API; give it to an <see cref="HttpClient"/>.</summary>
    /// <returns>A new handler; many handlers may share one API.</returns>
    public InMemoryConnectApiHandler CreateHandler() => new(this);

    /// <summary>
    /// Adds an application fee, as a charge with an <c>application_fee_amount</c> on
    /// <paramref name="account"/> would (charges are outside the Connect API, so they are seeded here).
    /// </summary>
    /// <param name="account">The connected account that paid the fee; it must exist.</param>
    /// <param name="amount">The fee in the currency's smallest unit; must be positive.</param>
    /// <param name="currency">The three-letter currency code.</param>
    /// <param name="charge">The charge the fee came from; a new <c>ch_</c> id when null.</param>
    /// <param name="chargeAmount">
    /// The charge's amount, credited to the connected account less the fee (a <c>charge</c> balance transaction whose
    /// <c>fee</c> is the application fee); the fee itself when null. The fee is credited to the platform's available
    /// balance (an <c>application_fee</c> balance transaction).
    /// </param>
    /// <returns>The new fee's <c>fee_</c> id.</returns>
    public string SeedApplicationFee(string account, long amount, string currency = "usd", string? charge = null, long? chargeAmount = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentException.ThrowIfNullOrEmpty(currency);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        if (chargeAmount < amount)
        {
            throw new ArgumentOutOfRangeException(nameof(chargeAmount), chargeAmount, "The charge cannot be smaller than its application fee.");
        }

        string id;
        lock (_gate)
        {
            id = _state.SeedFee(account, amount, currency, charge, chargeAmount);
        }

        Pump();
        return id;
    }

    /// <summary>
    /// Activates one requested capability of a connected account, as Stripe does once its review is done. On accounts
    /// whose requirements are computed (Custom, Express) this approves it: its minimum requirements are waived (they
    /// stay in <c>eventually_due</c>), so it is active even if the account lacks them.
    /// </summary>
    /// <param name="account">The connected account id.</param>
    /// <param name="capability">The capability name, for example <c>transfers</c>.</param>
    /// <exception cref="InvalidOperationException">The capability is not requested, or already active.</exception>
    public void ActivateCapability(string account, string capability)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentException.ThrowIfNullOrEmpty(capability);
        lock (_gate)
        {
            RequireAccount(account);
            if (_state.ActivateCapabilities(account, capability) == 0)
            {
                throw new InvalidOperationException($"The capability {capability} of {account} is not requested or is already active; request it first.");
            }
        }

        Pump();
    }

    /// <summary>Activates (approves) every requested capability of a connected account that is not active yet; see <see cref="ActivateCapability"/>.</summary>
    /// <param name="account">The connected account id.</param>
    /// <returns>How many capabilities were activated.</returns>
    public int ActivateCapabilities(string account)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        int activated;
        lock (_gate)
        {
            RequireAccount(account);
            activated = _state.ActivateCapabilities(account, null);
        }

        Pump();
        return activated;
    }

    /// <summary>
    /// Marks a pending top-up as succeeded, as when the bank debit clears. Its funds join the <c>bank_account</c>
    /// source type, pending until the top-up's <c>expected_availability_date</c>.
    /// </summary>
    /// <param name="topupId">The <c>tu_</c> id.</param>
    /// <exception cref="InvalidOperationException">The top-up is not pending.</exception>
    public void SucceedTopup(string topupId)
    {
        ArgumentException.ThrowIfNullOrEmpty(topupId);
        lock (_gate)
        {
            _state.CompleteTopup(topupId, succeeded: true, null, null);
        }

        Pump();
    }

    /// <summary>Marks a pending top-up as failed, with the failure code and message the API will show.</summary>
    /// <param name="topupId">The <c>tu_</c> id.</param>
    /// <param name="failureCode">The <c>failure_code</c>, for example <c>insufficient_funds</c>.</param>
    /// <param name="failureMessage">The <c>failure_message</c>.</param>
    /// <exception cref="InvalidOperationException">The top-up is not pending.</exception>
    public void FailTopup(string topupId, string failureCode = "insufficient_funds", string failureMessage = "The bank account has insufficient funds.")
    {
        ArgumentException.ThrowIfNullOrEmpty(topupId);
        lock (_gate)
        {
            _state.CompleteTopup(topupId, succeeded: false, failureCode, failureMessage);
        }

        Pump();
    }

    /// <summary>
    /// Spends an account link URL without a browser, as a visit does (see <see cref="StartHostedPagesAsync"/> for the
    /// page itself). A link works once and only until its <c>expires_at</c>.
    /// </summary>
    /// <param name="url">The <c>url</c> of an account link created through the API.</param>
    /// <returns>True the first time a valid, unexpired link is used; false otherwise.</returns>
    public bool TryRedeemAccountLink(string url)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        lock (_gate)
        {
            return _state.RedeemAccountLink(url);
        }
    }

    /// <summary>Forgets every object, idempotency key, recorded request and pending fault; the platform gets a new id.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _state.Reset();
            _requests.Clear();
        }

        Faults.Clear();
        Webhooks.Clear();
    }

    private void RequireAccount(string account)
    {
        if (_state.FindConnectedAccount(account) is null)
        {
            throw new ArgumentException($"No connected account '{account}' exists in this in-memory API.", nameof(account));
        }
    }

    /// <summary>Serves one request; called by the handler.</summary>
    internal RawResponse Process(RawRequest request, bool connectionDropped = false)
    {
        var requestId = "req_" + ConnectState.RandomText(14);
        RawResponse response;
        lock (_gate)
        {
            response = _state.Handle(request, requestId);
            _requests.Add(new RecordedRequest(request.Method, request.Path, request.Query, request.Body, request.StripeAccount, request.IdempotencyKey, connectionDropped ? null : response.StatusCode));
        }

        // The events this request caused are delivered once it has been answered.
        Pump();
        return response;
    }

    /// <summary>Records a request that never reached the API (its connection was dropped or it got an injected error).</summary>
    internal void Record(RawRequest request, int? statusCode)
    {
        lock (_gate)
        {
            _requests.Add(new RecordedRequest(request.Method, request.Path, request.Query, request.Body, request.StripeAccount, request.IdempotencyKey, statusCode));
        }
    }

    /// <summary>The Stripe-shaped body for an injected error status.</summary>
    internal static JsonObject FaultBody(int statusCode)
    {
        var (type, code, message) = statusCode switch
        {
            429 => ("invalid_request_error", "rate_limit", "Rate limit reached (injected by the in-memory Connect API); back off and retry."),
            409 => ("invalid_request_error", "lock_timeout", "Another request holds a lock on this object (injected by the in-memory Connect API); try again shortly."),
            >= 500 => ("api_error", (string?)null, "A server error was injected by the in-memory Connect API."),
            _ => ("invalid_request_error", (string?)null, "An error was injected by the in-memory Connect API."),
        };
        return new ApiErrorException(statusCode, type, code, null, message).ToBody();
    }
}
