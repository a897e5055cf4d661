using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using PlatformWeb;
using Stripe.Connect.Client.Testing;

namespace Stripe.Connect.Client.BrowserTests;

/// <summary>
/// What each test of the platform web app gets: the in-memory Connect API on a fake clock, the app itself
/// (<c>samples/PlatformWeb</c>) started on 127.0.0.1 and an ephemeral port against it, with the hosted onboarding page
/// and the app's own webhook endpoint and event destination, every log line the app writes, and a fresh browser context and page.
/// <see cref="ScreenshotAsync"/> saves each page under <c>screenshots/{test}/</c> in the work directory.
/// </summary>
public abstract class PlatformWebTest
{
    private int _shots;

    protected FakeTimeProvider Time { get; private set; } = null!;

    protected InMemoryConnectApi Api { get; private set; } = null!;

    protected PlatformWebApp App { get; private set; } = null!;

    protected CapturedLogs Logs { get; private set; } = null!;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    /// <summary>The typed client the app uses (for what the platform's back office would do: transfers, payouts).</summary>
    protected ConnectClient Client => App.App.Services.GetRequiredService<ConnectClient>();

    /// <summary>Where this test's screenshots go.</summary>
    protected string ScreenshotDirectory =>
        Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", Sanitize(TestContext.CurrentContext.Test.Name));

    [SetUp]
    public async Task OpenBrowserAsync()
    {
        _shots = 0;
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
        Api = new InMemoryConnectApi(Time);
        Logs = new CapturedLogs();
        Context = await Chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 900, Height = 1000 },
        });
        Page = await Context.NewPageAsync();
        Page.SetDefaultTimeout(15_000);
    }

    [TearDown]
    public async Task CloseAsync()
    {
        if (Context is not null)
        {
            await Context.CloseAsync();
        }

        if (App is not null)
        {
            await App.DisposeAsync();
            App = null!;
        }

        Logs?.Dispose();
    }

    /// <summary>
    /// Starts the app creating <paramref name="kind"/> accounts, or with the app's default settings (v2 accounts) when
    /// <see langword="null"/>; every log line goes to <see cref="Logs"/> only.
    /// </summary>
    protected async Task StartAppAsync(AccountKind? kind = null)
    {
        var settings = new PlatformSettings { Urls = "http://127.0.0.1:0" };
        if (kind is { } chosen)
        {
            settings.AccountKind = chosen;
        }

        App = await PlatformWebApp.StartAsync(
            settings,
            Api,
            builder =>
            {
                builder.Logging.ClearProviders();
                builder.Logging.AddProvider(Logs);
                builder.Logging.AddFilter<CapturedLogs>(null, LogLevel.Trace);
            });
    }

    /// <summary>The app's URL for <paramref name="path"/>.</summary>
    protected string Url(string path) => new Uri(App.BaseUrl, path).ToString();

    /// <summary>Signs up in the browser and returns the new seller's account id, once the browser is on the hosted page.</summary>
    protected async Task<string> SignUpAsync(string businessName, bool screenshot = false)
    {
        await Page.GotoAsync(Url("/"));
        await Page.GetByLabel("Business name").FillAsync(businessName);
        await Page.GetByLabel("Country").SelectOptionAsync("US");
        if (screenshot)
        {
            await ScreenshotAsync("sign-up");
        }

        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account and continue to Stripe" }).ClickAsync();
        await ExpectHostedPageAsync(businessName);
        return App.Sellers.All.Single(s => s.BusinessName == businessName).AccountId;
    }

    /// <summary>Waits for the hosted onboarding page, which greets the business by the name it signed up with.</summary>
    protected async Task ExpectHostedPageAsync(string businessName)
    {
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Set up payouts for " + businessName })).ToBeVisibleAsync();
        Assert.That(Page.Url, Does.StartWith(Api.HostedPages!.BaseUrl.ToString()), "the seller is on the hosted onboarding page");
    }

    /// <summary>Fills the hosted form, submits it and waits for the app's return page.</summary>
    protected async Task CompleteHostedFormAsync(string account, string dobYear)
    {
        await HostedForm.FillIndividualAsync(Page, dobYear);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Page.WaitForURLAsync(Url($"/sellers/{account}/onboarding/return"));
    }

    /// <summary>What "Continue onboarding" answers, without following it: the app's 303 to a new account link.</summary>
    protected async Task<Uri> NextLinkAsync(string account)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var response = await http.GetAsync(Url($"/sellers/{account}/onboarding"));
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.SeeOther));
        return response.Headers.Location!;
    }

    /// <summary>Saves the whole page as <c>{nn}-{name}.png</c> and attaches it to the test result.</summary>
    protected async Task<string> ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, $"{++_shots:00}-{Sanitize(name)}.png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
        return path;
    }

    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')).ToLower(CultureInfo.InvariantCulture);
}
