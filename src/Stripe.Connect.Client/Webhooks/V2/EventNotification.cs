namespace Stripe.Connect.Client.V2.Core;

/// <summary>
/// A thin event as delivered to an event destination: a small signed notice that something changed, naming the changed
/// object (<see cref="RelatedObject"/>) but not carrying it. Read it with <c>StripeWebhook.ParseEventNotification</c>;
/// fetch the full event with <see cref="FetchEventAsync"/> and, on the typed subclasses, the object itself with
/// <c>FetchRelatedObjectAsync</c>. Each known type has its own sealed subclass (<see cref="V2CoreAccountUpdatedEventNotification"/>...);
/// any other type arrives as <see cref="UnknownEventNotification"/>.
/// </summary>
public abstract class EventNotification
{
    private protected EventNotification()
    {
    }

    /// <summary>The event's id (<c>evt_...</c>); <see cref="FetchEventAsync"/> reads the event by it.</summary>
    public string Id { get; internal set; } = string.Empty;

    /// <summary>The event type, such as <c>v2.core.account.updated</c> or <c>v1.payout.paid</c>.</summary>
    public string Type { get; internal set; } = string.Empty;

    /// <summary>When the event happened.</summary>
    public DateTimeOffset Created { get; internal set; }

    /// <summary><see langword="true"/> for an event of live mode, <see langword="false"/> for test mode.</summary>
    public bool Livemode { get; internal set; }

    /// <summary>
    /// The account the event happened in (such as the connected account, <c>acct_...</c>), or <see langword="null"/> for
    /// the platform itself. The fetch methods send it as <c>Stripe-Context</c>.
    /// </summary>
    public string? Context { get; internal set; }

    /// <summary>What caused the event (an API request, with its id and idempotency key), or <see langword="null"/> when Stripe does not say.</summary>
    public EventNotificationReason? Reason { get; internal set; }

    /// <summary>The object that changed: its id, type and API path; <see langword="null"/> for types that point at no object.</summary>
    public EventNotificationRelatedObject? RelatedObject { get; internal set; }

    /// <summary>For a <c>v1.*</c> thin event, the id of the snapshot event of the same change, if there is one.</summary>
    public string? SnapshotEvent { get; internal set; }

    /// <summary>The options of a fetch: the event's <see cref="Context"/> as <c>Stripe-Context</c>.</summary>
    private protected RequestOptions? ContextOptions => Context is null ? null : new RequestOptions { StripeContext = Context };

    /// <summary>Fetches the full event (<c>GET /v2/core/events/{id}</c>, in the event's context), with its <c>data</c>.</summary>
    /// <param name="client">The client to fetch with.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The event.</returns>
    public Task<Event> FetchEventAsync(ConnectClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.V2.Core.Events.GetAsync(Id, ContextOptions, cancellationToken);
    }

    /// <summary>Names the event without its payload.</summary>
    /// <returns>The type, id and context.</returns>
    public override string ToString() => $"{GetType().Name} {{ Id = {Id}, Type = {Type}, Context = {Context} }}";
}
