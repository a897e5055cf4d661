namespace Stripe.Connect.Client.V2.Core;

/// <summary>
/// Routes thin events to the handlers registered for their type: typed handlers per notification class
/// (<c>On&lt;V2CoreAccountUpdatedEventNotification&gt;(...)</c>), handlers by wire type for types this SDK does not know,
/// and a fallback for everything else. Register it once (it is thread-safe for dispatching once configured), for example
/// with <c>services.AddEventNotificationDispatcher(...)</c>, and call <see cref="DispatchAsync"/> from your webhook endpoint.
/// </summary>
public sealed class EventNotificationDispatcher
{
    private readonly Dictionary<Type, List<Func<EventNotification, CancellationToken, Task>>> _byClass = [];
    private readonly Dictionary<string, List<Func<EventNotification, CancellationToken, Task>>> _byType = new(StringComparer.Ordinal);
    private Func<EventNotification, CancellationToken, Task>? _fallback;

    /// <summary>Adds a handler for one notification class; several handlers of a class run in the order they were added.</summary>
    /// <typeparam name="TNotification">The notification class, such as <see cref="V2CoreAccountUpdatedEventNotification"/>.</typeparam>
    /// <param name="handler">The handler.</param>
    /// <returns>This dispatcher, for chaining.</returns>
    public EventNotificationDispatcher On<TNotification>(Func<TNotification, CancellationToken, Task> handler)
        where TNotification : EventNotification
    {
        ArgumentNullException.ThrowIfNull(handler);
        Add(_byClass, typeof(TNotification), (n, ct) => handler((TNotification)n, ct));
        return this;
    }

    /// <summary>Adds a handler for an event type by its wire name (such as a type newer than this SDK, read as <see cref="UnknownEventNotification"/>).</summary>
    /// <param name="eventType">The type, such as <c>v2.core.account.updated</c>.</param>
    /// <param name="handler">The handler.</param>
    /// <returns>This dispatcher, for chaining.</returns>
    public EventNotificationDispatcher On(string eventType, Func<EventNotification, CancellationToken, Task> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventType);
        ArgumentNullException.ThrowIfNull(handler);
        Add(_byType, eventType, handler);
        return this;
    }

    /// <summary>Sets the handler of notifications no other handler takes (replacing an earlier one).</summary>
    /// <param name="handler">The handler.</param>
    /// <returns>This dispatcher, for chaining.</returns>
    public EventNotificationDispatcher OnUnhandled(Func<EventNotification, CancellationToken, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        _fallback = handler;
        return this;
    }

    /// <summary>Runs the handlers of the notification's class and of its wire type, or the fallback when there are none.</summary>
    /// <param name="notification">A verified notification.</param>
    /// <param name="cancellationToken">Passed to the handlers.</param>
    /// <returns><see langword="true"/> when a handler of its class or type ran; <see langword="false"/> when only the fallback (or nothing) did.</returns>
    public async Task<bool> DispatchAsync(EventNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var handled = false;
        if (_byClass.TryGetValue(notification.GetType(), out var typed))
        {
            foreach (var handler in typed)
            {
                await handler(notification, cancellationToken).ConfigureAwait(false);
            }

            handled = true;
        }

        if (_byType.TryGetValue(notification.Type, out var byName))
        {
            foreach (var handler in byName)
            {
                await handler(notification, cancellationToken).ConfigureAwait(false);
            }

            handled = true;
        }

        if (!handled && _fallback is { } fallback)
        {
            await fallback(notification, cancellationToken).ConfigureAwait(false);
        }

        return handled;
    }

    private static void Add<TKey>(Dictionary<TKey, List<Func<EventNotification, CancellationToken, Task>>> map, TKey key, Func<EventNotification, CancellationToken, Task> handler)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(handler);
    }
}
