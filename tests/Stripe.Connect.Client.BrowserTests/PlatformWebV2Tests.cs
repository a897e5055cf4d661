using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PlatformWeb;
using V2AccountGetRequest = Stripe.Connect.Client.V2.Core.AccountGetRequest;

namespace Stripe.Connect.Client.BrowserTests;

/// <summary>
/// The platform web app with its default settings: sellers get v2 accounts (merchant and recipient configurations),
/// onboard through v2 account links on the hosted page, and the app follows them through thin events delivered to
/// <c>/webhooks/stripe/thin</c>. Headless Chromium, offline, on a fake clock.
/// </summary>
public sealed class PlatformWebV2Tests : PlatformWebTest
{
    private static readonly string[] BothConfigurations = ["merchant", "recipient"];

    [Test]
    public async Task By_default_a_seller_gets_a_v2_account_onboards_on_the_hosted_page_and_returns_with_payouts_enabled()
    {
        await StartAppAsync();
        Assert.That(App.App.Services.GetRequiredService<PlatformSettings>().AccountKind, Is.EqualTo(AccountKind.V2), "v2 is the default");

        var account = await SignUpAsync("Rosen Bicycles", screenshot: true);
        await ScreenshotAsync("hosted-page");
        await CompleteHostedFormAsync(account, dobYear: "1902"); // verifies at once

        await Assertions.Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Rosen Bicycles" })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Payouts enabled", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Charges enabled", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Details submitted", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#nothing-due")).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#currently-due")).ToHaveTextAsync("None");
        await Assertions.Expect(Page.Locator("#capabilities")).ToContainTextAsync("merchant.card_payments");
        await Assertions.Expect(Page.Locator("#capabilities")).ToContainTextAsync("recipient.stripe_balance.stripe_transfers");
        await Assertions.Expect(Page.Locator("#capabilities .badge.ok")).ToHaveCountAsync(2);
        await Assertions.Expect(Page.Locator("#source")).ToHaveTextAsync("return_url");
        await ScreenshotAsync("status");

        var onboarded = await Client.V2.Core.Accounts.GetAsync(account, new V2AccountGetRequest { Include = V2SellerOnboarding.StatusSections });
        var created = JsonNode.Parse(Api.Requests.Single(r => r.Method == "POST" && r.Path == "/v2/core/accounts").Body)!;
        Assert.Multiple(() =>
        {
            Assert.That(Api.Requests.Where(r => r.Method == "POST" && r.Path is "/v1/accounts" or "/v1/account_links"), Is.Empty, "no v1 account or link was made");
            Assert.That(Api.Requests.Count(r => r.Method == "POST" && r.Path == "/v2/core/account_links"), Is.EqualTo(1));
            Assert.That(created["display_name"]!.GetValue<string>(), Is.EqualTo("Rosen Bicycles"));
            Assert.That(created["configuration"]!.AsObject().Select(c => c.Key), Is.EquivalentTo(BothConfigurations));
            Assert.That(onboarded.AppliedConfigurations.Select(c => c.Value), Is.EquivalentTo(BothConfigurations));
            Assert.That(onboarded.Configuration!.Merchant!.Capabilities!.CardPayments!.Status, Is.EqualTo(V2.Core.AccountCapabilityStatus.Active));
            Assert.That(onboarded.GetRequirementsView().HasNothingDue, Is.True, "what is due later (a US individual's full SSN) may remain");
            Assert.That(onboarded.GetRequirementsView().PendingVerification, Is.Empty);
        });
    }

    [Test]
    public async Task Before_onboarding_the_status_page_lists_what_the_v2_account_still_needs()
    {
        await StartAppAsync();
        var account = await SignUpAsync("Unfinished Pottery");

        await Page.GotoAsync(Url($"/sellers/{account}/status"));

        await Assertions.Expect(Page.GetByText("Payouts not enabled", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.GetByText("Details not submitted", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#currently-due")).ToContainTextAsync("identity.individual.given_name");
        await Assertions.Expect(Page.Locator("#currently-due")).ToContainTextAsync("configuration.recipient.default_outbound_destination");
        await Assertions.Expect(Page.Locator("#capabilities .badge.ok")).ToHaveCountAsync(0);
        await ScreenshotAsync("due");
        var read = Api.Requests.Last(r => r.Method == "GET" && r.Path == $"/v2/core/accounts/{account}");
        Assert.That(read.Query, Does.Contain("requirements").And.Contain("configuration.merchant").And.Contain("configuration.recipient"), "the read names the sections the page shows");
    }

    [Test]
    public async Task An_expired_v2_link_comes_back_through_refresh_url_with_a_new_link_with_the_same_parameters()
    {
        await StartAppAsync();
        var account = await SignUpAsync("Late V2 Seller");
        var unopened = await NextLinkAsync(account);
        await Api.Webhooks.WhenIdleAsync(); // nothing in flight while the clock jumps
        Time.Advance(TimeSpan.FromMinutes(6)); // account links last five minutes

        await Page.GotoAsync(unopened.ToString());

        await ExpectHostedPageAsync("Late V2 Seller");
        await ScreenshotAsync("after-refresh");
        Assert.That(Page.Url, Is.Not.EqualTo(unopened.ToString()));
        var links = Api.Requests.Where(r => r.Method == "POST" && r.Path == "/v2/core/account_links").Select(r => r.Body).ToList();
        var onboarding = JsonNode.Parse(links[^1])!["use_case"]!;
        Assert.Multiple(() =>
        {
            Assert.That(links, Has.Count.EqualTo(3), "sign-up, the unopened link, the refresh");
            Assert.That(links[2], Is.EqualTo(links[0]), "refresh_url mints a link with the same parameters");
            Assert.That(onboarding["type"]!.GetValue<string>(), Is.EqualTo("account_onboarding"));
            Assert.That(onboarding["account_onboarding"]!["refresh_url"]!.GetValue<string>(), Is.EqualTo(Url($"/sellers/{account}/onboarding/refresh")));
            Assert.That(onboarding["account_onboarding"]!["return_url"]!.GetValue<string>(), Is.EqualTo(Url($"/sellers/{account}/onboarding/return")));
        });

        await CompleteHostedFormAsync(account, dobYear: "1902");
        await Assertions.Expect(Page.GetByText("Payouts enabled", new() { Exact = true })).ToBeVisibleAsync();
    }

    [Test]
    public async Task The_status_page_changes_when_a_thin_event_arrives()
    {
        await StartAppAsync();
        var account = await SignUpAsync("Slow Verify V2");
        await CompleteHostedFormAsync(account, dobYear: "1901"); // verifies a little later

        await Assertions.Expect(Page.GetByText("Payouts not enabled", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#capabilities .badge.wait")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(Page.Locator("#source")).ToHaveTextAsync("return_url");
        await ScreenshotAsync("verifying");
        await Api.Webhooks.WhenIdleAsync(); // the submission's own events

        // Stripe finishes verifying: capability statuses change and thin events reach the app's destination, signed.
        var deliveredBefore = Api.Webhooks.Attempts.Count;
        Time.Advance(TimeSpan.FromMinutes(1));
        await Api.Webhooks.WhenIdleAsync();

        // The status page shows what the app stored from the thin event's re-read: no API read on this GET.
        var readsBefore = Api.Requests.Count(r => r.Method == "GET" && r.Path == $"/v2/core/accounts/{account}");
        await Page.GotoAsync(Url($"/sellers/{account}/status"));
        await Assertions.Expect(Page.GetByText("Payouts enabled", new() { Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(Page.Locator("#source")).ToContainTextAsync("thin event v2.core.account[");
        await Assertions.Expect(Page.Locator("#capabilities .badge.ok")).ToHaveCountAsync(2);
        await ScreenshotAsync("verified-by-thin-event");

        var thin = Api.Webhooks.Attempts.Skip(deliveredBefore).Where(a => a.Url == Url("/webhooks/stripe/thin")).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(thin, Is.Not.Empty, "thin events were delivered to the app's event destination");
            Assert.That(thin.Select(a => a.StatusCode), Is.All.EqualTo(200), "every signature verified");
            Assert.That(App.Sellers.Find(account)!.Events, Has.Some.Contains("capability_status_updated"));
            Assert.That(Api.Requests.Count(r => r.Method == "GET" && r.Path == $"/v2/core/accounts/{account}"), Is.EqualTo(readsBefore));
        });
    }

    [Test]
    public async Task The_thin_event_endpoint_refuses_an_unsigned_or_tampered_body()
    {
        await StartAppAsync();
        using var http = new HttpClient();
        const string body = """{"id":"evt_forged","object":"v2.core.event","type":"v2.core.account[requirements].updated","created":"2026-11-02T10:00:00.000Z","livemode":false,"related_object":{"id":"acct_x","type":"v2.core.account","url":"/v2/core/accounts/acct_x"}}""";

        using var unsigned = await http.PostAsync(Url("/webhooks/stripe/thin"), new StringContent(body, Encoding.UTF8, "application/json"));
        using var forged = new HttpRequestMessage(HttpMethod.Post, Url("/webhooks/stripe/thin")) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        forged.Headers.TryAddWithoutValidation("Stripe-Signature", $"t={Time.GetUtcNow().ToUnixTimeSeconds()},v1={new string('0', 64)}");
        using var forgedAnswer = await http.SendAsync(forged);

        Assert.Multiple(() =>
        {
            Assert.That(unsigned.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(forgedAnswer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(Logs.Lines, Has.Some.Contains("Thin event refused"));
        });
    }
}
