using Microsoft.Playwright;

namespace Stripe.Connect.Client.BrowserTests;

/// <summary>
/// Starts Debian's headless Chromium once for the whole test run, through Playwright for .NET, and closes it at the
/// end. Nothing is downloaded: Playwright's driver comes in its NuGet package and the browser is the system's
/// (<c>apt-get install chromium</c>; another one with <c>CHROMIUM_EXECUTABLE</c>). Without it, every test fails when
/// <c>CI=true</c> (CI installs it first) and is ignored elsewhere, with a message that says how to install it.
/// </summary>
[SetUpFixture]
public sealed class Chromium
{
    /// <summary>Where Debian's chromium package puts the browser.</summary>
    public const string DefaultExecutable = "/usr/bin/chromium";

    /// <summary>
    /// The flags this machine needs (see the environment notes): no sandbox as root, no GPU, and no background
    /// traffic (QUIC, component updates, sync, first-run pings), which the closed network would refuse.
    /// Playwright adds <c>--headless</c> and starts each launch with a fresh, empty user data dir.
    /// </summary>
    public static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private static IPlaywright? _playwright;
    private static IBrowser? _browser;

    /// <summary>The running browser; each test opens its own context (cookies and storage of its own).</summary>
    public static IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not been started.");

    /// <summary>The browser executable the tests use.</summary>
    public static string Executable => Environment.GetEnvironmentVariable("CHROMIUM_EXECUTABLE") is { Length: > 0 } path ? path : DefaultExecutable;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        if (!File.Exists(Executable))
        {
            var message = $"The browser tests need Chromium at {Executable} (Debian: `apt-get install -y chromium`; .ci/run installs it).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }

            Assert.Ignore(message + " Skipped outside CI.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = Flags,
            Timeout = 60_000,
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
            _browser = null;
        }

        _playwright?.Dispose();
        _playwright = null;
    }
}
