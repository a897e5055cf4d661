using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Stripe.Connect.Client.Testing.Tests;

/// <summary>
/// The hosted onboarding page over a real loopback socket, driven by an <see cref="HttpClient"/> that does not follow
/// redirects (the browser tests drive it with Chromium).
/// </summary>
public partial class HostedPagesTests : ApiTestBase
{
    private const string ReturnUrl = "https://platform.example/onboarding/done";
    private const string RefreshUrl = "https://platform.example/onboarding/refresh";

    private const string CompleteForm =
        "business_type=individual&mcc=5734&url=https%3A%2F%2Fshop.example&first_name=Jenny&last_name=Rosen&email=jenny%40shop.example" +
        "&phone=%2B15555550100&dob_day=1&dob_month=1&dob_year=1902&line1=1+Main+St&line2=&city=Springfield&state=IL&postal_code=62701" +
        "&ssn_last_4=0000&routing_number=110000000&account_number=000123456789&account_holder_name=Jenny+Rosen&tos=on";

    private InMemoryHostedPages _pages = null!;
    private HttpClient _browser = null!;

    [SetUp]
    public async Task StartPages()
    {
        _pages = await Api.StartHostedPagesAsync();
        _browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false });
    }

    [TearDown]
    public async Task StopPages()
    {
        _browser.Dispose();
        await _pages.DisposeAsync();
    }

    [Test]
    public async Task Links_point_at_the_running_pages_and_at_connect_stripe_com_once_they_stop()
    {
        var id = await CreateAccount();
        var running = await Link(id);
        await _pages.DisposeAsync();
        var stopped = await Link(id);

        Assert.Multiple(() =>
        {
            Assert.That(_pages.BaseUrl.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(_pages.BaseUrl.Port, Is.Positive);
            Assert.That(running, Does.StartWith(_pages.BaseUrl.ToString() + "setup/s/" + id + "/"));
            Assert.That(stopped, Does.StartWith("https://connect.stripe.com/setup/s/" + id + "/"));
            Assert.That(Api.HostedPages, Is.Null);
        });
    }

    [Test]
    public async Task Starting_twice_is_refused_and_the_pages_can_start_again_after_disposal()
    {
        Assert.That(Api.HostedPages, Is.SameAs(_pages));
        Assert.ThrowsAsync<InvalidOperationException>(() => Api.StartHostedPagesAsync());

        await _pages.DisposeAsync();
        _pages = await Api.StartHostedPagesAsync();

        Assert.That(Api.HostedPages, Is.SameAs(_pages));
    }

    [Test]
    public async Task A_link_opens_once_then_sends_the_browser_to_refresh_url()
    {
        var id = await CreateAccount("type=custom&country=US&capabilities[transfers][requested]=true");
        var url = await Link(id);

        using var first = await _browser.GetAsync(url);
        using var second = await _browser.GetAsync(url);

        Assert.Multiple(() =>
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That(first.Headers.Location!.ToString(), Does.StartWith("/onboarding/"));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Found));
            Assert.That(second.Headers.Location, Is.EqualTo(new Uri(RefreshUrl)));
            Assert.That(Api.TryRedeemAccountLink(url), Is.False, "the visit spent it");
        });
    }

    [Test]
    public async Task An_expired_link_sends_the_browser_to_refresh_url_on_the_fake_clock()
    {
        var id = await CreateAccount();
        var url = await Link(id);
        Time.Advance(TimeSpan.FromSeconds(300));

        using var response = await _browser.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Found));
        Assert.That(response.Headers.Location, Is.EqualTo(new Uri(RefreshUrl)));
    }

    [Test]
    public async Task The_form_asks_what_is_due_with_a_label_for_every_input_and_shows_current_values()
    {
        var id = await CreateAccount("type=custom&country=US&capabilities[transfers][requested]=true&individual[first_name]=Jenny");

        var html = await OpenForm(await Link(id));

        Assert.Multiple(() =>
        {
            foreach (var label in new[] { "First name", "Last name", "Day", "Month", "Year", "Address line 1", "City", "State", "ZIP code", "Last 4 digits of SSN", "Routing number", "Account number", "I accept the Stripe Connected Account Agreement" })
            {
                Assert.That(html, Does.Match($"<label for=\"[a-z0-9_]+\">{Regex.Escape(label)}</label>"), label);
            }

            Assert.That(html, Does.Contain("id=\"first_name\" name=\"first_name\""));
            Assert.That(html, Does.Contain("value=\"Jenny\""), "the account's current value");
            Assert.That(Inputs().Matches(html).Select(m => m.Groups[1].Value).Except(Labels().Matches(html).Select(m => m.Groups[1].Value)), Is.Empty, "every input has a label");
        });
    }

    [Test]
    public async Task A_complete_submission_updates_the_account_and_redirects_to_return_url()
    {
        var id = await CreateAccount("type=custom&country=US&capabilities[card_payments][requested]=true&capabilities[transfers][requested]=true");
        var session = await Session(await Link(id));

        var recorded = Api.Requests.Count;
        using var submitted = await Submit(session, CompleteForm);
        var recordedAfter = Api.Requests.Count;
        var account = await Get($"/v1/accounts/{id}");
        var events = await Get("/v1/events?limit=100", account: id);

        Assert.Multiple(() =>
        {
            Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
            Assert.That(submitted.Headers.Location, Is.EqualTo(new Uri(ReturnUrl)));
            Assert.That(account.Json["requirements"]!["currently_due"]!.AsArray(), Is.Empty);
            Assert.That(account.Json["capabilities"]!.ToJsonString(), Is.EqualTo("""{"card_payments":"active","transfers":"active"}"""));
            Assert.That(account.Bool("payouts_enabled"), Is.True);
            Assert.That(account.Bool("details_submitted"), Is.True);
            Assert.That(account.Json["tos_acceptance"]!["ip"]!.GetValue<string>(), Is.EqualTo("127.0.0.1"));
            Assert.That(account.Json["tos_acceptance"]!["date"]!.GetValue<long>(), Is.EqualTo(Time.GetUtcNow().ToUnixTimeSeconds()));
            Assert.That(account.Json["external_accounts"]!["data"]![0]!["last4"]!.GetValue<string>(), Is.EqualTo("6789"));
            Assert.That(events.Json["data"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()), Does.Contain("capability.updated").And.Contain("account.updated").And.Contain("account.external_account.created"));
            Assert.That(recordedAfter, Is.EqualTo(recorded), "the page changes the account inside the fake, not as an API client");
        });

        using var again = await _browser.GetAsync(new Uri(_pages.BaseUrl, session));
        Assert.That(again.Headers.Location, Is.EqualTo(new Uri(ReturnUrl)), "a completed session leads back to the platform");
    }

    [TestCase("dob_day=30&dob_month=2", "dob_day", "has no day 30")]
    [TestCase("routing_number=110000001", "routing_number", "Invalid routing number")]
    [TestCase("account_number=123456789012", "account_number", "live bank account number")]
    [TestCase("email=not-an-email", "email", "Invalid email address")]
    [TestCase("first_name=", "first_name", "First name is required")]
    public async Task Invalid_input_renders_the_form_again_with_the_error_next_to_its_field_and_changes_nothing(string change, string field, string message)
    {
        var id = await CreateAccount("type=custom&country=US&capabilities[transfers][requested]=true");
        var session = await Session(await Link(id));
        var form = CompleteForm;
        foreach (var pair in change.Split('&'))
        {
            var name = pair[..pair.IndexOf('=', StringComparison.Ordinal)];
            form = Regex.Replace(form, $"(^|&){name}=[^&]*", $"$1{pair}");
        }

        using var response = await Submit(session, form);
        var html = await response.Content.ReadAsStringAsync();
        var account = await Get($"/v1/accounts/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo((HttpStatusCode)422));
            Assert.That(html, Does.Contain($"<p class=\"error\" id=\"{field}-error\">"));
            Assert.That(html, Does.Contain(message));
            Assert.That(html, Does.Contain("role=\"alert\""));
            Assert.That(html, Does.Contain($"aria-describedby=\"{field}-error\" aria-invalid=\"true\""));
            Assert.That(html, Does.Contain("value=\"Rosen\""), "what was typed is kept");
            Assert.That(account.Json["individual"]!["last_name"], Is.Null, "a refused submission changes nothing");
            Assert.That(account.Json["external_accounts"]!["data"]!.AsArray(), Is.Empty);
        });
    }

    [Test]
    public async Task An_update_link_shows_every_field_prefilled_and_a_standard_account_has_nothing_to_ask()
    {
        var custom = await CreateAccount("type=custom&country=US&individual[first_name]=Jenny&individual[last_name]=Rosen");
        var standard = await CreateAccount("type=standard&country=US");

        var update = await OpenForm(await Link(custom, "account_update"));
        var nothing = await OpenForm(await Link(standard));

        Assert.Multiple(() =>
        {
            Assert.That(update, Does.Contain("value=\"Rosen\""));
            Assert.That(update, Does.Contain("<legend>Home address</legend>"));
            Assert.That(nothing, Does.Contain("Nothing more is needed"));
        });
    }

    [Test]
    public async Task Completing_a_v2_link_redirects_to_return_url_and_sends_account_link_returned_once()
    {
        var account = await PostJson("/v2/core/accounts", """
            {"display_name":"Corner Bakery","dashboard":"none","identity":{"country":"US","entity_type":"individual"},
             "configuration":{"merchant":{"capabilities":{"card_payments":{"requested":true}}},
                              "recipient":{"capabilities":{"stripe_balance":{"stripe_transfers":{"requested":true}}}}}}
            """);
        var id = account["id"]!.GetValue<string>();
        var link = await PostJson("/v2/core/account_links", new JsonObject
        {
            ["account"] = id,
            ["use_case"] = new JsonObject
            {
                ["type"] = "account_onboarding",
                ["account_onboarding"] = new JsonObject { ["refresh_url"] = RefreshUrl, ["return_url"] = ReturnUrl },
            },
        }.ToJsonString());
        var session = await Session(link["url"]!.GetValue<string>());
        var before = await ReturnedEvents();

        using var submitted = await Submit(session, CompleteForm);
        using var again = await _browser.GetAsync(new Uri(_pages.BaseUrl, session));
        var after = await ReturnedEvents();
        var page = await submitted.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(submitted.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther), page);
            Assert.That(submitted.Headers.Location, Is.EqualTo(new Uri(ReturnUrl)));
            Assert.That(again.Headers.Location, Is.EqualTo(new Uri(ReturnUrl)));
            Assert.That(before, Is.Empty, "nothing is sent before the holder leaves the flow");
            Assert.That(after, Has.Count.EqualTo(1), "one event per completed flow, not per visit of the return URL");
        });
        var evt = after.Single();
        Assert.Multiple(() =>
        {
            Assert.That(evt["context"]!.GetValue<string>(), Is.EqualTo(id));
            Assert.That(evt["related_object"], Is.Null);
            Assert.That(evt["data"]!.ToJsonString(), Is.EqualTo($$"""{"account_id":"{{id}}","configurations":["merchant","recipient"],"use_case":"account_onboarding"}"""));
        });
    }

    [Test]
    public async Task Completing_a_v1_link_sends_no_v2_account_link_event()
    {
        var id = await CreateAccount("type=custom&country=US&capabilities[card_payments][requested]=true&capabilities[transfers][requested]=true");
        using var submitted = await Submit(await Session(await Link(id)), CompleteForm);

        Assert.That(submitted.Headers.Location, Is.EqualTo(new Uri(ReturnUrl)));
        Assert.That(await ReturnedEvents(), Is.Empty);
    }

    [Test]
    public async Task Unknown_links_and_sessions_are_not_found()
    {
        using var link = await _browser.GetAsync(new Uri(_pages.BaseUrl, "/setup/s/acct_1Nope/abc"));
        using var session = await _browser.GetAsync(new Uri(_pages.BaseUrl, "/onboarding/nope"));

        Assert.That(link.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(session.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [GeneratedRegex("<(?:input|select|textarea)[^>]* id=\"([a-z0-9_]+)\"")]
    private static partial Regex Inputs();

    [GeneratedRegex("<label for=\"([a-z0-9_]+)\">")]
    private static partial Regex Labels();

    private async Task<string> Link(string account, string type = "account_onboarding")
    {
        var reply = await Post("/v1/account_links", $"account={account}&refresh_url={Uri.EscapeDataString(RefreshUrl)}&return_url={Uri.EscapeDataString(ReturnUrl)}&type={type}");
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Json.ToJsonString());
        return reply.Str("url");
    }

    private async Task<string> Session(string link)
    {
        using var opened = await _browser.GetAsync(link);
        Assert.That(opened.StatusCode, Is.EqualTo(HttpStatusCode.SeeOther));
        return opened.Headers.Location!.ToString();
    }

    private async Task<string> OpenForm(string link)
    {
        using var page = await _browser.GetAsync(new Uri(_pages.BaseUrl, await Session(link)));
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return await page.Content.ReadAsStringAsync();
    }

    private async Task<JsonObject> PostJson(string path, string json)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return JsonNode.Parse(text)!.AsObject();
    }

    private async Task<List<JsonObject>> ReturnedEvents()
    {
        var events = await Get("/v2/core/events?types[0]=v2.core.account_link.returned");
        Assert.That(events.Status, Is.EqualTo(HttpStatusCode.OK), events.Json.ToJsonString());
        var found = new List<JsonObject>();
        foreach (var listed in events.Json["data"]!.AsArray())
        {
            found.Add((await Get("/v2/core/events/" + listed!["id"]!.GetValue<string>())).Json);
        }

        return found;
    }

    private Task<HttpResponseMessage> Submit(string session, string form) =>
        _browser.PostAsync(new Uri(_pages.BaseUrl, session), new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));
}
