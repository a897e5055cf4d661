using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Stripe.Connect.Client;
using Stripe.Connect.Client.Testing;
using Stripe.Connect.Client.V2.Core;

namespace PlatformWeb;

/// <summary>
/// The running platform web app. <see cref="StartAsync"/> builds and starts it; offline it also runs the in-memory
/// Connect API with its hosted onboarding page and registers the app's own webhook endpoint and event destination
/// there, so snapshot events reach <c>/webhooks/stripe</c> and thin events <c>/webhooks/stripe/thin</c> over loopback,
/// signed like Stripe's.
/// </summary>
public sealed class PlatformWebApp : IAsyncDisposable
{
    private PlatformWebApp(WebApplication app, Uri baseUrl, InMemoryConnectApi? api)
    {
        App = app;
        BaseUrl = baseUrl;
        Api = api;
    }

    /// <summary>The ASP.NET Core application.</summary>
    public WebApplication App { get; }

    /// <summary>Where the app listens, ending in <c>/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The in-memory Connect API offline; <see langword="null"/> against Stripe's test mode.</summary>
    public InMemoryConnectApi? Api { get; }

    /// <summary>The sellers signed up so far.</summary>
    public SellerDirectory Sellers => App.Services.GetRequiredService<SellerDirectory>();

    /// <summary>Builds and starts the app.</summary>
    /// <param name="settings">The settings (see <see cref="PlatformSettings"/>).</param>
    /// <param name="api">Offline, the in-memory API to use (a test passes one on a fake clock); a new one when <see langword="null"/>.</param>
    /// <param name="configure">Last changes to the builder (a test adds a log capture).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    public static async Task<PlatformWebApp> StartAsync(PlatformSettings settings, InMemoryConnectApi? api = null, Action<WebApplicationBuilder>? configure = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if ((settings.Problem() ?? SellerOnboardingFactory.Unavailable(settings.AccountKind)) is { } problem)
        {
            throw new InvalidOperationException(problem); // before anything starts
        }

        if (settings.Offline)
        {
            api ??= new InMemoryConnectApi();
            if (api.HostedPages is null)
            {
                await api.StartHostedPagesAsync(cancellationToken);
            }
        }
        else
        {
            api = null;
        }

        var time = api?.TimeProvider ?? TimeProvider.System;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(settings.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("PlatformWeb", LogLevel.Information).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        // Anti-forgery keys in memory: fine for a sample (a restart invalidates open forms). A deployed app persists
        // them (PersistKeysToFileSystem, a database or a key vault) so every instance and restart shares them.
        builder.Services.AddDataProtection().UseEphemeralDataProtectionProvider();
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(new ApiClock(time));
        builder.Services.AddSingleton<SellerDirectory>();
        builder.Services.AddSingleton<WebhookReceiver>();
        builder.Services.AddSingleton<ThinEventReceiver>();
        builder.Services.AddEventNotificationDispatcher(ThinEventReceiver.ConfigureDispatcher);
        builder.Services.AddSingleton<MoneyReader>();
        builder.Services.AddSingleton(sp => SellerOnboardingFactory.Create(settings.AccountKind, sp.GetRequiredService<ConnectClient>(), time));
        builder.Services.AddAntiforgery();
        var http = builder.Services.AddConnectClient(options =>
        {
            options.ApiKey = api is null ? settings.SecretKey : "sk_test_in_memory_platform_web";
            options.AppInfo = new AppInfo { Name = "StripeConnectSamples.PlatformWeb", Version = "1.0" };
        });
        if (api is not null)
        {
            http.UseInMemoryConnectApi(api);
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseAntiforgery();
        MapPages(app);
        MapWebhooks(app);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        var receiver = app.Services.GetRequiredService<WebhookReceiver>();
        var thinReceiver = app.Services.GetRequiredService<ThinEventReceiver>();
        if (api is not null)
        {
            var client = app.Services.GetRequiredService<ConnectClient>();
            receiver.UseSecret(await RegisterOwnWebhookEndpointAsync(client, baseUrl, cancellationToken));
            thinReceiver.UseSecret(await RegisterOwnEventDestinationAsync(client, baseUrl, cancellationToken));
        }
        else
        {
            if (!string.IsNullOrWhiteSpace(settings.WebhookSecret))
            {
                receiver.UseSecret(settings.WebhookSecret);
            }

            if (!string.IsNullOrWhiteSpace(settings.ThinWebhookSecret))
            {
                thinReceiver.UseSecret(settings.ThinWebhookSecret);
            }
        }

        return new PlatformWebApp(app, baseUrl, api);
    }

    /// <summary>Stops the app (and the hosted pages it started offline).</summary>
    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        if (Api?.HostedPages is { } pages)
        {
            await pages.DisposeAsync();
        }
    }

    // Offline only: the in-memory API delivers the events of connected accounts to this loopback URL, signed with the
    // secret it returns once, exactly as a Connect webhook endpoint created in the dashboard would.
    private static async Task<string> RegisterOwnWebhookEndpointAsync(ConnectClient client, Uri baseUrl, CancellationToken cancellationToken)
    {
        var endpoint = await client.WebhookEndpoints.CreateAsync(
            new WebhookEndpointCreateRequest
            {
                Url = new Uri(baseUrl, "webhooks/stripe").ToString(),
                EnabledEvents = [WebhookEndpointEnabledEvents.All],
                Connect = true,
                ApiVersion = ConnectClientOptions.DefaultApiVersion,
                Description = "PlatformWeb sample (offline)",
            },
            cancellationToken: cancellationToken);
        return endpoint.Secret ?? throw new InvalidOperationException("the webhook endpoint was created without its signing secret");
    }

    // Offline only: the v2 side of the same thing, an event destination that posts thin events about the connected
    // accounts to the app, with its signing secret asked for once through include.
    private static async Task<string> RegisterOwnEventDestinationAsync(ConnectClient client, Uri baseUrl, CancellationToken cancellationToken)
    {
        var destination = await client.V2.Core.EventDestinations.CreateAsync(
            new EventDestinationCreateRequest
            {
                Name = "PlatformWeb thin events",
                Description = "PlatformWeb sample (offline)",
                Type = EventDestinationType.WebhookEndpoint,
                EventPayload = EventDestinationEventPayload.Thin,
                EventsFrom = ["@self", "@accounts"],
                EnabledEvents = ThinEventReceiver.AccountEvents,
                WebhookEndpoint = new EventDestinationWebhookEndpointInput { Url = new Uri(baseUrl, "webhooks/stripe/thin").ToString() },
                Include = [EventDestinationInclude.WebhookEndpointSigningSecret],
            },
            cancellationToken: cancellationToken);
        return destination.WebhookEndpoint?.SigningSecret ?? throw new InvalidOperationException("the event destination was created without its signing secret");
    }

    private static void MapPages(WebApplication app)
    {
        app.MapGet("/", (HttpContext http, IAntiforgery antiforgery, ISellerOnboarding onboarding) =>
        {
            var tokens = antiforgery.GetAndStoreTokens(http);
            return SignUpPage.Render(tokens.FormFieldName, tokens.RequestToken!, onboarding.Kind);
        });

        app.MapPost("/signup", async (HttpContext http, IFormCollection form, IAntiforgery antiforgery, ISellerOnboarding onboarding, SellerDirectory sellers, ApiClock clock, CancellationToken ct) =>
        {
            var name = form["business_name"].ToString().Trim();
            var country = form["country"].ToString();
            var key = form["idempotency_key"].ToString();
            var error = name.Length is 0 or > 100 ? "Enter your business name (up to 100 characters)."
                : !SignUpPage.Countries.Any(c => c.Code == country) ? "Choose a country from the list."
                : key.Length is < 16 or > 64 ? "The form expired; please submit it again."
                : null;
            if (error is not null)
            {
                var tokens = antiforgery.GetAndStoreTokens(http);
                return SignUpPage.Render(tokens.FormFieldName, tokens.RequestToken!, onboarding.Kind, error, name, country);
            }

            var accountId = await onboarding.CreateAccountAsync(name, country, "signup-" + key, ct);
            var seller = sellers.Add(new Seller(accountId, name, country, onboarding.Kind, clock.Time.GetUtcNow()));
            return await RedirectToNewLinkAsync(http, onboarding, seller, ct);
        });

        // "Continue onboarding" and Stripe's refresh_url do the same thing: a new link, the same parameters, a redirect.
        app.MapGet("/sellers/{account}/onboarding", (HttpContext http, string account, SellerDirectory sellers, ISellerOnboarding onboarding, CancellationToken ct) =>
            sellers.Find(account) is { } seller ? RedirectToNewLinkAsync(http, onboarding, seller, ct) : Task.FromResult(NotFound()));
        app.MapGet("/sellers/{account}/onboarding/refresh", (HttpContext http, string account, SellerDirectory sellers, ISellerOnboarding onboarding, CancellationToken ct) =>
            sellers.Find(account) is { } seller ? RedirectToNewLinkAsync(http, onboarding, seller, ct) : Task.FromResult(NotFound()));

        // return_url only says the seller left the flow, not that it is complete: read the account to find out.
        app.MapGet("/sellers/{account}/onboarding/return", async (string account, SellerDirectory sellers, ISellerOnboarding onboarding, CancellationToken ct) =>
        {
            if (sellers.Find(account) is not { } seller)
            {
                return NotFound();
            }

            seller.Update(await onboarding.ReadStatusAsync(seller.AccountId, "return_url", ct));
            return StatusPage.Render(seller);
        });

        app.MapGet("/sellers/{account}/status", async (string account, bool? refresh, SellerDirectory sellers, ISellerOnboarding onboarding, CancellationToken ct) =>
        {
            if (sellers.Find(account) is not { } seller)
            {
                return NotFound();
            }

            if (refresh == true || seller.Status is null)
            {
                seller.Update(await onboarding.ReadStatusAsync(seller.AccountId, "a fresh read", ct));
            }

            return StatusPage.Render(seller);
        });

        app.MapGet("/sellers/{account}/components", async (HttpContext http, string account, SellerDirectory sellers, ISellerOnboarding onboarding, PlatformSettings settings, CancellationToken ct) =>
        {
            if (sellers.Find(account) is not { } seller)
            {
                return NotFound();
            }

            // The client secret lets a browser act for the account: it goes into this response only, never a log.
            var clientSecret = await onboarding.CreateComponentsClientSecretAsync(seller.AccountId, ct);
            http.Response.Headers.CacheControl = "no-store";
            return ComponentsPage.Render(seller, clientSecret, settings.PublishableKey, settings.Offline);
        });

        app.MapGet("/dashboard", async (SellerDirectory sellers, MoneyReader money, CancellationToken ct) =>
        {
            var platform = await money.GetBalanceAsync(null, ct);
            var rows = new List<DashboardRow>();
            foreach (var seller in sellers.All)
            {
                rows.Add(new DashboardRow(
                    seller,
                    await money.GetBalanceAsync(seller.AccountId, ct),
                    await money.ListTransfersAsync(seller.AccountId, 5, ct),
                    await money.ListPayoutsAsync(seller.AccountId, 5, ct)));
            }

            return DashboardPage.Render(platform, rows);
        });
    }

    private static void MapWebhooks(WebApplication app)
    {
        // v1 snapshot events, verified on the raw body.
        app.MapPost("/webhooks/stripe", (HttpRequest request, WebhookReceiver receiver, CancellationToken ct) => receiver.HandleAsync(request, ct));

        // Thin events (v2 event notifications), verified on the raw body and routed through the dispatcher.
        app.MapPost("/webhooks/stripe/thin", (HttpRequest request, ThinEventReceiver receiver, CancellationToken ct) => receiver.HandleAsync(request, ct));
    }

    private static async Task<IResult> RedirectToNewLinkAsync(HttpContext http, ISellerOnboarding onboarding, Seller seller, CancellationToken ct)
    {
        var site = new Uri($"{http.Request.Scheme}://{http.Request.Host}/");
        var id = Uri.EscapeDataString(seller.AccountId);
        var link = await onboarding.CreateOnboardingLinkAsync(
            seller.AccountId,
            new Uri(site, $"sellers/{id}/onboarding/return"),
            new Uri(site, $"sellers/{id}/onboarding/refresh"),
            ct);

        // 303: the browser follows with a GET, also after the sign-up POST. Links are single-use: never cache this.
        http.Response.Headers.CacheControl = "no-store";
        return new SeeOther(link);
    }

    private static IResult NotFound() => Html.Page("Seller not found", "<p>There is no seller with that account here.</p>", StatusCodes.Status404NotFound);

    private sealed class SeeOther(Uri location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location.ToString();
            return Task.CompletedTask;
        }
    }
}
