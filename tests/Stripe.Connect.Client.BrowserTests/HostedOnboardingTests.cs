using Microsoft.Playwright;

namespace Stripe.Connect.Client.BrowserTests;

/// <summary>
/// A seller onboards in a real browser: the platform creates the account and an account link through the typed
/// client, Chromium opens the link on the in-memory API's hosted page, fills the form by its labels and lands back on
/// the platform, which then reads the account.
/// </summary>
public sealed class HostedOnboardingTests : BrowserTest
{
    [Test]
    public async Task A_custom_account_onboards_in_the_browser_and_returns_with_payouts_enabled()
    {
        var account = await CreateAccountAsync(AccountControllerInput.Custom);
        var link = await CreateLinkAsync(account.Id);

        await Page.GotoAsync(link.Url);
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Set up your account" })).ToBeVisibleAsync();
        await ScreenshotAsync("form");
        await FillIndividualAsync(dobYear: "1901");
        await ScreenshotAsync("filled");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Page.WaitForURLAsync(Platform.ReturnUrl(account.Id).ToString());
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Welcome back" })).ToBeVisibleAsync();
        await ScreenshotAsync("returned");

        // 1901-01-01 is Stripe's test date of birth that verifies a little later: pending first, then active.
        var verifying = await Client.Accounts.GetAsync(account.Id);
        Time.Advance(TimeSpan.FromMinutes(1));
        var onboarded = await Client.Accounts.GetAsync(account.Id);
        var capabilities = new List<Capability>();
        await foreach (var capability in Client.Capabilities.ListAutoPagingAsync(account.Id))
        {
            capabilities.Add(capability);
        }

        var events = await EventTypesAsync(account.Id);
        Assert.Multiple(() =>
        {
            Assert.That(verifying.Requirements?.PendingVerification, Does.Contain("individual.verification.document"));
            Assert.That(verifying.PayoutsEnabled, Is.False, "verification still running");
            Assert.That(onboarded.Requirements?.CurrentlyDue, Is.Empty);
            Assert.That(onboarded.Requirements?.PastDue, Is.Empty);
            Assert.That(onboarded.Requirements?.PendingVerification, Is.Empty);
            Assert.That(onboarded.Requirements?.DisabledReason, Is.Null);
            Assert.That(capabilities.Select(c => c.Status), Is.All.EqualTo(CapabilityStatus.Active));
            Assert.That(onboarded.ChargesEnabled, Is.True);
            Assert.That(onboarded.PayoutsEnabled, Is.True);
            Assert.That(onboarded.DetailsSubmitted, Is.True);
            Assert.That(onboarded.Individual?.FirstName, Is.EqualTo("Jenny"));
            Assert.That(onboarded.TosAcceptance?.Ip, Is.EqualTo("127.0.0.1"));
            Assert.That(onboarded.TosAcceptance?.UserAgent, Does.Contain("Chrome"), "the browser's user agent is recorded");
            Assert.That(onboarded.ExternalAccounts?.Data.Single().Id, Does.StartWith("ba_"));
            Assert.That(events, Does.Contain("capability.updated").And.Contain("account.updated").And.Contain("account.external_account.created"));
            Assert.That(Platform.Visits, Is.EqualTo(new[] { "/onboarding/return?account=" + account.Id }));
        });
    }

    [Test]
    public async Task An_express_account_onboards_in_the_browser_too()
    {
        var account = await CreateAccountAsync(AccountControllerInput.Express);
        var link = await CreateLinkAsync(account.Id);

        await Page.GotoAsync(link.Url);
        await ScreenshotAsync("form");
        await FillIndividualAsync(dobYear: "1902");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Page.WaitForURLAsync(Platform.ReturnUrl(account.Id).ToString());
        await ScreenshotAsync("returned");

        var onboarded = await Client.Accounts.GetAsync(account.Id);
        Assert.Multiple(() =>
        {
            Assert.That(onboarded.Type, Is.EqualTo(AccountType.Express));
            Assert.That(onboarded.Requirements?.CurrentlyDue, Is.Empty);
            Assert.That(onboarded.Capabilities?.Transfers?.Value, Is.EqualTo("active"), "1902-01-01 verifies at once");
            Assert.That(onboarded.PayoutsEnabled, Is.True);
        });
    }

    [Test]
    public async Task An_expired_link_lands_on_refresh_url()
    {
        var account = await CreateAccountAsync(AccountControllerInput.Custom);
        var link = await CreateLinkAsync(account.Id);
        Time.Advance(TimeSpan.FromSeconds(301));

        await Page.GotoAsync(link.Url);

        Assert.That(Page.Url, Is.EqualTo(Platform.RefreshUrl(account.Id).ToString()));
        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Link expired" })).ToBeVisibleAsync();
        await ScreenshotAsync("refresh");
    }

    [Test]
    public async Task A_used_link_lands_on_refresh_url()
    {
        var account = await CreateAccountAsync(AccountControllerInput.Custom);
        var link = await CreateLinkAsync(account.Id);

        await Page.GotoAsync(link.Url);
        await Assertions.Expect(Field("First name")).ToBeVisibleAsync();
        await ScreenshotAsync("first-visit");
        await Page.GotoAsync(link.Url);

        Assert.That(Page.Url, Is.EqualTo(Platform.RefreshUrl(account.Id).ToString()));
        await ScreenshotAsync("second-visit");
    }

    [Test]
    public async Task An_impossible_date_of_birth_shows_its_error_next_to_the_field()
    {
        var account = await CreateAccountAsync(AccountControllerInput.Custom);
        var link = await CreateLinkAsync(account.Id);

        await Page.GotoAsync(link.Url);
        await FillIndividualAsync(dobYear: "1990", dobDay: "30", dobMonth: "2");
        await ScreenshotAsync("filled");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Day");
        await Assertions.Expect(Page.Locator("#dob_day-error")).ToHaveTextAsync("Invalid date of birth: 1990-02 has no day 30.");
        await Assertions.Expect(Field("Day")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(Field("Last name")).ToHaveValueAsync("Rosen");
        await ScreenshotAsync("error");
        Assert.That(Page.Url, Does.StartWith(HostedPages.BaseUrl.ToString()), "still on the hosted page");

        // Fixed, the same session goes through.
        await Field("Day").FillAsync("1");
        await Field("Month").FillAsync("1");
        await Field("Year").FillAsync("1902");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();
        await Page.WaitForURLAsync(Platform.ReturnUrl(account.Id).ToString());
        await ScreenshotAsync("returned");
        var onboarded = await Client.Accounts.GetAsync(account.Id);
        Assert.That(onboarded.PayoutsEnabled, Is.True);
    }

    [Test]
    public async Task A_routing_number_stripe_refuses_shows_its_error()
    {
        var account = await CreateAccountAsync(AccountControllerInput.Custom);
        var link = await CreateLinkAsync(account.Id);

        await Page.GotoAsync(link.Url);
        await FillIndividualAsync(dobYear: "1902", routingNumber: "123456789");
        await ScreenshotAsync("filled");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Submit" }).ClickAsync();

        await Assertions.Expect(Page.Locator("#routing_number-error")).ToContainTextAsync("Invalid routing number");
        await ScreenshotAsync("error");
        var unchanged = await Client.Accounts.GetAsync(account.Id);
        Assert.That(unchanged.Individual?.LastName, Is.Null, "nothing was saved");
    }

    private async Task<Account> CreateAccountAsync(AccountControllerInput controller) =>
        await Client.Accounts.CreateAsync(new AccountCreateRequest
        {
            Controller = controller,
            Country = "US",
            Capabilities = new AccountCapabilitiesInput
            {
                CardPayments = new CapabilityInput { Requested = true },
                Transfers = new CapabilityInput { Requested = true },
            },
        });

    private Task FillIndividualAsync(string dobYear, string dobDay = "1", string dobMonth = "1", string routingNumber = "110000000") =>
        HostedForm.FillIndividualAsync(Page, dobYear, dobDay, dobMonth, routingNumber);

    private async Task<List<string>> EventTypesAsync(string account)
    {
        var events = await Client.RawRequestAsync(HttpMethod.Get, "/v1/events", [new("limit", "100")], new RequestOptions { StripeAccount = account });
        return [.. events.Json.GetProperty("data").EnumerateArray().Select(e => e.GetProperty("type").GetString()!)];
    }
}
