using Microsoft.Extensions.DependencyInjection.Extensions;
using Stripe.Connect.Client.Testing;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Points an HTTP client registration at an <see cref="InMemoryConnectApi"/> instead of the network.</summary>
public static class InMemoryConnectApiHttpClientBuilderExtensions
{
    /// <summary>
    /// Makes <paramref name="api"/> the primary handler of the client, so every request the client sends is
    /// answered in memory. Retry, logging and other delegating handlers added to the builder still run.
    /// </summary>
    /// <param name="builder">The client registration, for example the one returned by <c>AddConnectClient</c>.</param>
    /// <param name="api">
    /// The API to serve. When null, a singleton <see cref="InMemoryConnectApi"/> is registered in the service
    /// collection (using the registered <see cref="TimeProvider"/>, if any) so tests can resolve it to seed data.
    /// </param>
    /// <returns>The same builder, for chaining.</returns>
    public static IHttpClientBuilder UseInMemoryConnectApi(this IHttpClientBuilder builder, InMemoryConnectApi? api = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (api is not null)
        {
            return builder.ConfigurePrimaryHttpMessageHandler(api.CreateHandler);
        }

        builder.Services.TryAddSingleton(sp => new InMemoryConnectApi(sp.GetService<TimeProvider>()));
        return builder.ConfigurePrimaryHttpMessageHandler(sp => sp.GetRequiredService<InMemoryConnectApi>().CreateHandler());
    }
}
