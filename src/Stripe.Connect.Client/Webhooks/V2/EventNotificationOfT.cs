using System.Text.Json.Serialization.Metadata;

namespace Stripe.Connect.Client.V2.Core;

/// <summary>A thin event whose related object this SDK can read as <typeparamref name="TObject"/>.</summary>
/// <typeparam name="TObject">The related object's type: a v2 record (<see cref="Account"/>), the v1 record of a <c>v1.*</c> event, or <see cref="StripeObject"/>.</typeparam>
public abstract class EventNotification<TObject> : EventNotification
    where TObject : StripeEntity
{
    private protected EventNotification()
    {
    }

    /// <summary>The JSON metadata of <typeparamref name="TObject"/>.</summary>
    private protected abstract JsonTypeInfo<TObject> RelatedObjectTypeInfo { get; }

    /// <summary>
    /// Fetches the object the event points at, as it is now (from <see cref="EventNotification.RelatedObject"/>'s URL, in the
    /// event's context).
    /// </summary>
    /// <param name="client">The client to fetch with.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The object.</returns>
    /// <exception cref="InvalidOperationException">The event names no related object URL.</exception>
    public Task<TObject> FetchRelatedObjectAsync(ConnectClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var url = RelatedObject?.Url;
        if (string.IsNullOrEmpty(url))
        {
            throw new InvalidOperationException($"Event {Id} ({Type}) names no related object URL to fetch.");
        }

        return RelatedObjectFetcher.FetchAsync(client, url, ContextOptions, RelatedObjectTypeInfo, cancellationToken);
    }
}
