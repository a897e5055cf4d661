using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Stripe.Connect.Client.Testing;

namespace Stripe.Connect.Client.BrowserTests;

/// <summary>
/// What each browser test gets: an in-memory Connect API on a fake clock with its hosted pages running, the typed
/// client over it, the platform's loopback site for <c>return_url</c> and <c>refresh_url</c>, and a fresh browser
/// context and page. <see cref="ScreenshotAsync"/> saves each page under the test's output
/// (<c>screenshots/{test}/</c> in the work directory) and attaches it to the result.
/// </summary>
public abstract class BrowserTest
{
    private int _shots;

    protected FakeTimeProvider Time { get; private set; } = null!;

    protected InMemoryConnectApi Api { get; private set; } = null!;

    protected InMemoryHostedPages HostedPages { get; private set; } = null!;

    protected ConnectClient Client { get; private set; } = null!;

    protected PlatformSite Platform { get; private set; } = null!;

    protected IBrowserContext Context { get; private set; } = null!;

    protected IPage Page { get; private set; } = null!;

    /// <summary>Where this test's screenshots go.</summary>
    protected string ScreenshotDirectory =>
        Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", Sanitize(TestContext.CurrentContext.Test.Name));

    [SetUp]
    public async Task StartAsync()
    {
        _shots = 0;
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
        Api = new InMemoryConnectApi(Time);
        HostedPages = await Api.StartHostedPagesAsync();
        Client = new ConnectClient(new ConnectClientOptions { ApiKey = "sk_test_browser_tests" }, Api.CreateHandler(), disposeHandler: true);
        Platform = await PlatformSite.StartAsync();
        Context = await Chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 900, Height = 1000 },
        });
        Page = await Context.NewPageAsync();
        Page.SetDefaultTimeout(15_000);
    }

    [TearDown]
    public async Task StopAsync()
    {
        if (Context is not null)
        {
            await Context.CloseAsync();
        }

        if (Platform is not null)
        {
            await Platform.DisposeAsync();
        }

        Client?.Dispose();
        if (HostedPages is not null)
        {
            await HostedPages.DisposeAsync();
        }
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

    /// <summary>An input by its exact label, as a person (or a screen reader) finds it.</summary>
    protected ILocator Field(string label) => Page.GetByLabel(label, new PageGetByLabelOptions { Exact = true });

    /// <summary>Creates an account link to the platform's return and refresh pages through the typed client.</summary>
    protected Task<AccountLink> CreateLinkAsync(string account, AccountLinkType? type = null) =>
        Client.AccountLinks.CreateAsync(new AccountLinkCreateRequest
        {
            Account = account,
            ReturnUrl = Platform.ReturnUrl(account).ToString(),
            RefreshUrl = Platform.RefreshUrl(account).ToString(),
            Type = type ?? AccountLinkType.AccountOnboarding,
        });

    private static string Sanitize(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')).ToLower(CultureInfo.InvariantCulture);
}
