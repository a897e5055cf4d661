using Stripe.Connect.Client.Testing.Internal.Hosted;

namespace Stripe.Connect.Client.Testing;

/// <summary>The hosted onboarding pages and the requirements helpers.</summary>
public sealed partial class InMemoryConnectApi
{
    private InMemoryHostedPages? _hostedPages;

    /// <summary>The running hosted pages, or null when <see cref="StartHostedPagesAsync"/> has not been called (or they were disposed).</summary>
    public InMemoryHostedPages? HostedPages
    {
        get
        {
            lock (_gate)
            {
                return _hostedPages;
            }
        }
    }

    /// <summary>
    /// Starts serving the hosted onboarding page on <c>http://127.0.0.1</c> and an ephemeral port. From now on, the
    /// <c>url</c> of every new account link leads there (until the returned object is disposed).
    /// </summary>
    /// <param name="cancellationToken">Cancels before the listener starts.</param>
    /// <returns>The running pages; dispose them to stop.</returns>
    /// <exception cref="InvalidOperationException">The pages are already running for this API.</exception>
    public Task<InMemoryHostedPages> StartHostedPagesAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (_hostedPages is not null)
            {
                throw new InvalidOperationException($"The hosted pages already run at {_hostedPages.BaseUrl}; dispose them before starting new ones.");
            }

            var pages = new InMemoryHostedPages(this, ServeHostedPage);
            _hostedPages = pages;
            _state.HostedPagesBase = pages.BaseUrl;
            return Task.FromResult(pages);
        }
    }

    /// <summary>
    /// Plays a verification threshold, as when a connected account's volume grows: the fields Stripe asks for later
    /// (<c>requirements.eventually_due</c> only, such as a US individual's full SSN, <c>individual.id_number</c>)
    /// become currently due, with <c>current_deadline</c> set to <paramref name="deadline"/> from now on
    /// <see cref="TimeProvider"/>. Once the deadline passes without them they are past due, the capabilities turn
    /// inactive and <c>disabled_reason</c> is <c>requirements.past_due</c>, with the events of each change.
    /// </summary>
    /// <param name="account">A connected account whose requirements are computed (Custom or Express).</param>
    /// <param name="deadline">How long the account has to provide the fields; must be positive.</param>
    /// <returns>The deadline.</returns>
    public DateTimeOffset ReachVerificationThreshold(string account, TimeSpan deadline)
    {
        ArgumentException.ThrowIfNullOrEmpty(account);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(deadline, TimeSpan.Zero);
        var at = TimeProvider.GetUtcNow() + deadline;
        lock (_gate)
        {
            RequireAccount(account);
            _state.ReachThreshold(_state.FindConnectedAccount(account)!, at.ToUnixTimeSeconds());
        }

        Pump();
        return DateTimeOffset.FromUnixTimeSeconds(at.ToUnixTimeSeconds());
    }

    /// <summary>Called by the pages when they stop: new links point at connect.stripe.com again.</summary>
    internal void HostedPagesStopped(InMemoryHostedPages pages)
    {
        lock (_gate)
        {
            if (_hostedPages == pages)
            {
                _hostedPages = null;
                _state.HostedPagesBase = null;
            }
        }
    }

    /// <summary>Serves one browser request under the lock, then delivers the events it caused.</summary>
    private HostedPageResult ServeHostedPage(HostedRequest request)
    {
        HostedPageResult result;
        lock (_gate)
        {
            _state.Tick();
            result = HostedPagesRouter.Route(_state, request);
        }

        Pump();
        return result;
    }
}
