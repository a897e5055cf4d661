using Microsoft.Extensions.DependencyInjection.Extensions;
using Stripe.Connect.Client.V2.Core;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers an <see cref="EventNotificationDispatcher"/> with dependency injection.</summary>
public static class EventNotificationServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="EventNotificationDispatcher"/> configured by <paramref name="configure"/>, which gets
    /// the service provider so handlers can resolve what they need (create scopes for scoped services).
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adds the handlers.</param>
    /// <returns>The services, for chaining.</returns>
    public static IServiceCollection AddEventNotificationDispatcher(this IServiceCollection services, Action<IServiceProvider, EventNotificationDispatcher> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.TryAddSingleton(sp =>
        {
            var dispatcher = new EventNotificationDispatcher();
            configure(sp, dispatcher);
            return dispatcher;
        });
        return services;
    }
}
