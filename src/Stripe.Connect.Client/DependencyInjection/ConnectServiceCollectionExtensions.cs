using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Stripe.Connect.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Connect client and its services with dependency injection.</summary>
public static class ConnectServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client uses, for <c>IHttpClientFactory</c> configuration.</summary>
    public const string HttpClientName = "Stripe.Connect.Client";

    /// <summary>
    /// Registers <see cref="ConnectClient"/> (a singleton) and every service (<c>AccountService</c>...) configured in
    /// code. The options are validated when the client is first resolved, or at start-up for hosted apps.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, at least <see cref="ConnectClientOptions.ApiKey"/>.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>, to add handlers or replace the primary handler.</returns>
    public static IHttpClientBuilder AddConnectClient(this IServiceCollection services, Action<ConnectClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<ConnectClientOptions>().Configure(configure).ValidateOnStart();
        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="ConnectClient"/> and every service with options bound from configuration, for example
    /// <c>builder.Configuration.GetSection("StripeConnect")</c> with keys <c>ApiKey</c>, <c>ApiVersion</c>,
    /// <c>BaseAddress</c>, <c>StripeAccount</c>, <c>MaxNetworkRetries</c>, <c>Timeout</c>, <c>MaxRequestsPerSecond</c>
    /// and <c>AppInfo:Name</c>/<c>Version</c>/<c>Url</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddConnectClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ConnectClientOptions>().Bind(configuration).ValidateOnStart();
        services.AddSingleton(new ConnectClientConfigurationSource(configuration));
        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="ConnectClient"/> and every service with options bound from configuration, then
    /// <paramref name="configure"/> run on them: the place for what configuration cannot hold, such as Polly strategies
    /// of your own (<see cref="ConnectClientOptions.Resilience"/>).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <param name="configure">Runs after binding, for example <c>options =&gt; options.Resilience.AddAroundRetry(...)</c>.</param>
    /// <returns>The builder of the client's <see cref="HttpClient"/>.</returns>
    public static IHttpClientBuilder AddConnectClient(this IServiceCollection services, IConfiguration configuration, Action<ConnectClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddConnectClient(configuration);
        services.Configure(configure);
        return builder;
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ConnectClientOptions>, ConnectClientOptionsValidator>());
        services.TryAddSingleton(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<ConnectClientOptions>>().Value;
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            return new ConnectClient(options, http, sp.GetService<ILoggerFactory>(), sp.GetService<TimeProvider>());
        });
        ConnectServiceRegistrations.AddServices(services);
        Stripe.Connect.Client.V2.Core.CoreServicesRegistrations.AddServices(services);

        // The client is a singleton, so its handler chain lives as long as it does; the pooled primary handler
        // recycles connections itself and never follows a redirect. Time-outs are per attempt in the client's pipeline.
        return services.AddHttpClient(HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(static () => ConnectClient.CreateDefaultHandler())
            .ConfigureHttpClient(static http => http.Timeout = Timeout.InfiniteTimeSpan)
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }
}
