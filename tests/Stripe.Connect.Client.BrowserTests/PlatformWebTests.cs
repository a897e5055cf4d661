using System.Net;
using System.Text;
using Microsoft.Playwright;
using PlatformWeb;

namespace Stripe.Connect.Client.BrowserTests;

/// <summary>
/// The platform web app (<c>samples/PlatformWeb</c>) with v1 accounts, as a seller uses it, in headless Chromium:
/// sign-up, the hosted onboarding page, the way back through <c>return_url</c> and <c>refresh_url</c>, a status page
/// that changes when a webhook arrives, the embedded-components page and the platform's dashboard. All offline, on a
/// fake clock. Each test pins <see cref="AccountKind.V1Express"/> or <see cref="AccountKind.V1Custom"/>; the v2
/// default has its own tests in <see cref="PlatformWebV2Tests"/>.
/// </summary>
public sealed class PlatformWebTests : PlatformWebTest
{
    [Test]
    public async Task A_seller_signs_up_onboards_on_the_hosted_page_and_returns_with_payouts_enabled()
    {
        await StartAppAsync(AccountKind.V1Express);

        var account = await SignUpAsync("Jenny's Bikes", screenshot: true);
        await ScreenshotAsync("hosted-page");
        await CompleteHostedFormAsync(account, dobYear: "1902"); // 1902-01-01 verifies at once

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Jenny's Bikes" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Payouts enabled", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Charges enabled", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#nothing-due")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#currently-due")).ToHaveTextAsync("None");
        await Assertions.Expect(Page.Locator("#capabilities")).ToContainTextAsync("card_payments");
        await Assertions.Expect(Page.Locator("#capabilities tbody tr")).ToHaveCountAsync(2);
        await Assertions.Expect(Page.Locator("#capabilities .badge.ok")).ToHaveCountAsync(2);
        await Assertions.Expect(Page.Locator("#source")).ToHaveTextAsync("return_url");
        await ScreenshotAsync("status");

        var onboarded = await Client.Accounts.GetAsync(account);
        Assert.Multiple(() =>
        {
            Assert.That(onboarded.Type, Is.EqualTo(AccountType.Express));
            Assert.That(onboarded.BusinessProfile?.Name, Is.EqualTo("Jenny's Bikes"), "sign-up's business name is on the account");
            Assert.That(onboarded.PayoutsEnabled, Is.True);
            Assert.That(onboarded.GetRequirementsView().HasNothingDue, Is.True);
        });
    }

    [Test]
    public async Task A_custom_seller_sees_what_is_due_before_onboarding()
    {
        await StartAppAsync(AccountKind.V1Custom);
        var account = await SignUpAsync("Rosen Ceramics");

        // The seller leaves the hosted page without filling it and opens their status page.
        await Page.GotoAsync(Url($"/sellers/{account}/status"));

        await Assertions.Expect(Page.GetByText("Payouts not enabled", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#currently-due")).ToContainTextAsync("external_account");
        await Assertions.Expect(Page.Locator("#currently-due")).ToContainTextAsync("tos_acceptance.date");
        await Assertions.Expect(Page.Locator("#capabilities .badge.ok")).ToHaveCountAsync(0);
        await ScreenshotAsync("due");
        var created = await Client.Accounts.GetAsync(account);
        Assert.That(created.Controller?.RequirementCollection?.Value, Is.EqualTo("application"), "a Custom account: the platform collects requirements");
    }

    [Test]
    public async Task An_expired_link_comes_back_through_refresh_url_with_a_new_link_with_the_same_parameters()
    {
        await StartAppAsync(AccountKind.V1Express);
        var account = await SignUpAsync("Late Seller");

        // Later, the seller has a link they have not opened yet (from "Continue onboarding", in an email, ...)...
        var unopened = await NextLinkAsync(account);
        await Api.Webhooks.WhenIdleAsync(); // nothing in flight while the clock jumps
        Time.Advance(TimeSpan.FromMinutes(6)); // ...and it expires: account links last five minutes.

        await Page.GotoAsync(unopened.ToString());

        // The fake sent the browser to refresh_url; the app minted a new link and sent it on to a fresh hosted page.
        await ExpectHostedPageAsync("Late Seller");
        await ScreenshotAsync("after-refresh");
        Assert.That(Page.Url, Does.StartWith(Api.HostedPages!.BaseUrl.ToString()).And.Not.EqualTo(unopened.ToString()));
        var links = Api.Requests.Where(r => r.Method == "POST" && r.Path == "/v1/account_links").Select(r => Decode(r.Body)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(links, Has.Count.EqualTo(3), "sign-up, the unopened link, the refresh");
            Assert.That(links[2], Is.EqualTo(links[0]), "refresh_url mints a link with the same parameters");
            Assert.That(links[2]["refresh_url"], Is.EqualTo(Url($"/sellers/{account}/onboarding/refresh")));
            Assert.That(links[2]["return_url"], Is.EqualTo(Url($"/sellers/{account}/onboarding/return")));
        });

        // The new link works all the way.
        await CompleteHostedFormAsync(account, dobYear: "1902");
        await Assertions.Expect(Page.GetByText("Payouts enabled", new() { Exact = true })).ToBeVisibleAsync();
        await ScreenshotAsync("status");
    }

    [Test]
    public async Task A_used_link_comes_back_through_refresh_url_too()
    {
        await StartAppAsync(AccountKind.V1Express);
        var account = await SignUpAsync("Twice Clicked");
        var link = await NextLinkAsync(account);
        await Page.GotoAsync(link.ToString());
        await ExpectHostedPageAsync("Twice Clicked");
        var firstSession = Page.Url;

        await Page.GotoAsync(link.ToString()); // the same link again: it was used

        await ExpectHostedPageAsync("Twice Clicked");
        Assert.Multiple(() =>
        {
            Assert.That(Page.Url, Is.Not.EqualTo(firstSession), "a new link's page, reached through refresh_url");
            Assert.That(Api.Requests.Count(r => r.Path == "/v1/account_links"), Is.EqualTo(3), "sign-up, the link opened twice, the refresh");
        });
        await CompleteHostedFormAsync(account, dobYear: "1902");
    }

    [Test]
    public async Task The_status_page_changes_when_the_verification_webhook_arrives()
    {
        await StartAppAsync(AccountKind.V1Custom);
        var account = await SignUpAsync("Slow Verify Co");
        await CompleteHostedFormAsync(account, dobYear: "1901"); // 1901-01-01 verifies a little later

        await Assertions.Expect(Page.GetByText("Payouts not enabled", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#pending-verification")).ToContainTextAsync("individual.verification.document");
        await Assertions.Expect(Page.Locator("#capabilities .badge.wait")).Not.ToHaveCountAsync(0);
        await ScreenshotAsync("verifying");
        await Api.Webhooks.WhenIdleAsync(); // the submission's own events, delivered to the app's endpoint

        // Stripe finishes verifying; the events reach the app's webhook endpoint over loopback, signed.
        var deliveredBefore = Api.Webhooks.Attempts.Count;
        Time.Advance(TimeSpan.FromMinutes(1));
        await Api.Webhooks.WhenIdleAsync();

        // The page reads only what the app stored: no new API read happens on this GET.
        var readsBefore = Api.Requests.Count(r => r.Method == "GET" && r.Path == $"/v1/accounts/{account}");
        await Page.GotoAsync(Url($"/sellers/{account}/status"));
        await Assertions.Expect(Page.GetByText("Payouts enabled", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#source")).ToContainTextAsync("webhook");
        await Assertions.Expect(Page.Locator("#pending-verification")).ToHaveTextAsync("None");
        await ScreenshotAsync("verified-by-webhook");

        var attempts = Api.Webhooks.Attempts.Skip(deliveredBefore).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(attempts, Is.Not.Empty);
            Assert.That(attempts.Select(a => a.Url), Is.All.EqualTo(Url("/webhooks/stripe")));
            Assert.That(attempts.Select(a => a.StatusCode), Is.All.EqualTo(200), "every signature verified");
            Assert.That(App.Sellers.Find(account)!.Events, Does.Contain("account.updated"));
            Assert.That(Api.Requests.Count(r => r.Method == "GET" && r.Path == $"/v1/accounts/{account}"), Is.EqualTo(readsBefore));
        });
    }

    [Test]
    public async Task The_webhook_endpoint_refuses_an_unsigned_or_tampered_body()
    {
        await StartAppAsync(AccountKind.V1Express);
        using var http = new HttpClient();
        const string body = """{"id":"evt_forged","object":"event","type":"account.updated","data":{"object":{"id":"acct_x","object":"account"}}}""";

        using var unsigned = await http.PostAsync(Url("/webhooks/stripe"), new StringContent(body, Encoding.UTF8, "application/json"));
        using var forged = new HttpRequestMessage(HttpMethod.Post, Url("/webhooks/stripe")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        forged.Headers.TryAddWithoutValidation("Stripe-Signature", $"t={Time.GetUtcNow().ToUnixTimeSeconds()},v1={new string('0', 64)}");
        using var forgedAnswer = await http.SendAsync(forged);

        Assert.Multiple(() =>
        {
            Assert.That(unsigned.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(forgedAnswer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        });
    }

    [Test]
    public async Task The_embedded_components_page_gets_only_the_client_secret_and_no_log_line_has_it()
    {
        await StartAppAsync(AccountKind.V1Express);
        var account = await SignUpAsync("Embedded Goods");

        var response = await Page.GotoAsync(Url($"/sellers/{account}/components"));
        await Assertions.Expect(Page.Locator("#components-offline")).ToBeVisibleAsync();
        await ScreenshotAsync("components");

        var secret = await Page.EvaluateAsync<string>("window.platformAccountSession.clientSecret");
        var sessions = Api.Requests.Where(r => r.Path == "/v1/account_sessions").ToList();
        Assert.Multiple(() =>
        {
            Assert.That(secret, Does.Contain("_secret_"), "the account session's client secret reached the page");
            Assert.That(sessions, Has.Count.EqualTo(1));
            Assert.That(Decode(sessions[0].Body)["account"], Is.EqualTo(account));
            Assert.That(response!.Headers["cache-control"], Is.EqualTo("no-store"));
            Assert.That(Page.Url, Does.Not.Contain(secret));
            Assert.That(Logs.Lines, Is.Not.Empty, "the capture works");
            Assert.That(Logs.Lines.Where(l => l.Contains(secret, StringComparison.Ordinal)), Is.Empty, "the secret is in no log line");
        });
    }

    [Test]
    public async Task The_dashboard_shows_sellers_balances_transfers_and_payouts()
    {
        await StartAppAsync(AccountKind.V1Express);
        var account = await SignUpAsync("Dash Seller");
        await CompleteHostedFormAsync(account, dobYear: "1902");

        // The platform's back office moves money: funds arrive, 25.00 goes to the seller, who pays out 10.00.
        Api.FundBalance(10_000);
        var transfer = await Client.Transfers.CreateAsync(new TransferCreateRequest { Amount = 2_500, Currency = "usd", Destination = account });
        var payout = await Client.RawRequestAsync(HttpMethod.Post, "/v1/payouts", [new("amount", "1000"), new("currency", "usd")], new RequestOptions { StripeAccount = account });

        await Page.GotoAsync(Url("/dashboard"));

        await Assertions.Expect(Page.Locator("#sellers")).ToContainTextAsync("Dash Seller");
        await Assertions.Expect(Page.Locator("#sellers")).ToContainTextAsync("enabled");
        await Assertions.Expect(Page.Locator("#sellers")).ToContainTextAsync("15.00 USD");
        await Assertions.Expect(Page.Locator("#platform-balance")).ToContainTextAsync("75.00 USD");
        await Assertions.Expect(Page.GetByText(transfer.Id)).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText(payout.Json.GetProperty("id").GetString()!)).ToBeVisibleAsync();
        await ScreenshotAsync("dashboard");
    }

    [Test]
    public async Task Sign_up_without_a_business_name_shows_the_error_and_creates_nothing()
    {
        await StartAppAsync(AccountKind.V1Express);
        await Page.GotoAsync(Url("/"));
        await Page.GetByLabel("Business name").FillAsync("   ");
        await Page.EvaluateAsync("document.getElementById('business_name').removeAttribute('required')");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Create account and continue to Stripe" }).ClickAsync();

        await Assertions.Expect(Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Enter your business name (up to 100 characters).");
        Assert.That(Api.Requests.Where(r => r.Path == "/v1/accounts"), Is.Empty);
        await ScreenshotAsync("error");
    }

    [Test]
    public void An_unknown_account_kind_stops_at_start_up_with_a_message()
    {
        var e = Assert.ThrowsAsync<InvalidOperationException>(() => StartAppAsync((AccountKind)42));

        Assert.Multiple(() =>
        {
            Assert.That(e!.Message, Does.Contain("42").And.Contain("V1Express").And.Contain("V2"));
            Assert.That(Api.HostedPages, Is.Null, "nothing was started");
        });
    }

    [Test]
    public void A_live_key_is_refused_before_anything_starts()
    {
        var e = Assert.ThrowsAsync<InvalidOperationException>(() => PlatformWebApp.StartAsync(new PlatformSettings { SecretKey = "sk_live_not_a_real_key", Urls = "http://127.0.0.1:0" }));

        Assert.That(e!.Message, Does.Contain("sk_test_").And.Not.Contain("sk_live_not_a_real_key"));
    }

    private static Dictionary<string, string> Decode(string form) =>
        form.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), p => Uri.UnescapeDataString(p.Length > 1 ? p[1].Replace('+', ' ') : string.Empty));
}
