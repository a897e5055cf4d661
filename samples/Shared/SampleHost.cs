using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Stripe.Connect.Client;
using Stripe.Connect.Client.Testing;

namespace Stripe.Connect.Client.Samples;

/// <summary>
/// The host every sample runs in, built as a real backend would build it: a generic host with
/// <c>AddConnectClient</c>. Without <c>STRIPE_SECRET_KEY</c> the client talks to the in-memory Connect API
/// (no account, no network); with an <c>sk_test_</c> key it talks to Stripe's test mode.
/// </summary>
internal static class SampleHost
{
    public static async Task<int> RunAsync(string name, string[] args, Func<IServiceProvider, SampleContext, Task> body, Action<IServiceCollection>? configure = null)
    {
        var key = Environment.GetEnvironmentVariable("STRIPE_SECRET_KEY");
        var offline = string.IsNullOrWhiteSpace(key);
        if (!offline && !key!.StartsWith("sk_test_", StringComparison.Ordinal))
        {
            Console.Error.WriteLine($"{name}: STRIPE_SECRET_KEY must be a test-mode secret key (sk_test_...); the samples never run against live mode.");
            return 2;
        }

        Console.WriteLine(offline
            ? $"{name}: running against the in-memory Connect API (STRIPE_SECRET_KEY is not set; no network is used)."
            : $"{name}: running against Stripe test mode (STRIPE_SECRET_KEY is set).");

        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var api = offline ? new InMemoryConnectApi() : null;
        var http = builder.Services.AddConnectClient(options =>
        {
            options.ApiKey = offline ? "sk_test_in_memory_sample" : key;
            options.AppInfo = new AppInfo { Name = "StripeConnectSamples", Version = "1.0", Url = "https://github.com/stripe-connect-client" };
        });
        if (api is not null)
        {
            http.UseInMemoryConnectApi(api);
        }

        configure?.Invoke(builder.Services);
        using var host = builder.Build();
        try
        {
            await body(host.Services, new SampleContext(offline, api));
            Console.WriteLine($"{name}: done.");
            return 0;
        }
        catch (StripeException e)
        {
            Console.Error.WriteLine($"{name} failed: {e.GetType().Name}: {e.Message}");
            return 1;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine($"{name} failed: {e.Message}");
            return 1;
        }
    }
}
