using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Stripe.Connect.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="StripeWebhookVerifier"/> with dependency injection.</summary>
public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="StripeWebhookVerifier"/> as a singleton with settings set in code. The settings are
    /// validated when the verifier is first resolved, or at start-up for hosted apps. The clock is the registered
    /// <see cref="TimeProvider"/>, or the system clock.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options, at least one secret.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddStripeWebhookVerifier(this IServiceCollection services, Action<StripeWebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<StripeWebhookOptions>().Configure(configure).ValidateOnStart();
        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="StripeWebhookVerifier"/> as a singleton with settings bound from configuration, such as
    /// <c>builder.Configuration.GetSection("StripeWebhooks")</c> with keys <c>Secrets:0</c> (and <c>Secrets:1</c> while
    /// rolling a secret), <c>Tolerance</c> (for example <c>00:05:00</c>) and <c>ExpectedApiVersion</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section holding the options.</param>
    /// <returns>The service collection.</returns>
    public static IServiceCollection AddStripeWebhookVerifier(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StripeWebhookOptions>().Bind(configuration).ValidateOnStart();
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StripeWebhookOptions>, StripeWebhookOptionsValidator>());
        services.TryAddSingleton(static sp =>
            new StripeWebhookVerifier(sp.GetRequiredService<IOptions<StripeWebhookOptions>>().Value, sp.GetService<TimeProvider>()));
        return services;
    }
}
