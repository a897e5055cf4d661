using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Stripe.Connect.Client.BrowserTests;

/// <summary>
/// A stand-in for the platform's web app on 127.0.0.1 and an ephemeral port: the pages an account link's
/// <c>return_url</c> and <c>refresh_url</c> lead to. It records each visit. (The platform web app sample replaces it,
/// with a refresh page that mints a new link.)
/// </summary>
public sealed class PlatformSite : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _visits = new();

    private PlatformSite(WebApplication app) => _app = app;

    /// <summary>The site's base URL, <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Where a link sends the seller back after the flow: <c>/onboarding/return?account=...</c>.</summary>
    public Uri ReturnUrl(string account) => new(BaseUrl, "onboarding/return?account=" + Uri.EscapeDataString(account));

    /// <summary>Where an expired or used link sends the seller: <c>/onboarding/refresh?account=...</c>.</summary>
    public Uri RefreshUrl(string account) => new(BaseUrl, "onboarding/refresh?account=" + Uri.EscapeDataString(account));

    /// <summary>The paths and queries visited so far, oldest first.</summary>
    public IReadOnlyList<string> Visits => [.. _visits];

    public static async Task<PlatformSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var site = new PlatformSite(app);
        app.MapGet("/onboarding/return", (HttpContext http) => site.Page(http, "Welcome back", "You left Stripe's onboarding; the platform now reads your account to see what is still due."));
        app.MapGet("/onboarding/refresh", (HttpContext http) => site.Page(http, "Link expired", "This onboarding link has expired or was already used; the platform mints a new one here."));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        site.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return site;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult Page(HttpContext http, string title, string text)
    {
        _visits.Enqueue(http.Request.Path + http.Request.QueryString);
        var account = WebUtility.HtmlEncode(http.Request.Query["account"].ToString());
        var html = $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head>"
            + "<body style=\"font-family:system-ui,sans-serif;margin:2rem\"><main>"
            + $"<h1>{title}</h1><p>{text}</p><p>Account: <code>{account}</code></p></main></body></html>";
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
