using System.Net;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

public class HeaderTests
{
    private MockHttpMessageHandler _mock = null!;
    private HttpRequestMessage? _seen;
    private string? _seenBody;

    [SetUp]
    public void SetUp()
    {
        _mock = new MockHttpMessageHandler();
        _mock.When("*").Respond(async request =>
        {
            _seen = request;
            _seenBody = request.Content is null ? null : await request.Content.ReadAsStringAsync();
            return TestClients.Json(HttpStatusCode.OK, TestClients.LinkJson);
        });
    }

    [TearDown]
    public void TearDown() => _mock.Dispose();

    private static string? Header(HttpRequestMessage request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Test]
    public async Task Post_carries_auth_version_user_agent_content_type_and_idempotency_key()
    {
        using var client = TestClients.Create(_mock, o => o.AppInfo = new AppInfo { Name = "MyPlatform", Version = "1.2.3", Url = "https://platform.example" });

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        Assert.That(_seen, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(_seen!.Method, Is.EqualTo(HttpMethod.Post));
            Assert.That(_seen.RequestUri!.AbsoluteUri, Is.EqualTo("https://api.stripe.com/v1/account_links"));
            Assert.That(Header(_seen, "Authorization"), Is.EqualTo("Bearer " + TestClients.ApiKey));
            Assert.That(Header(_seen, "Stripe-Version"), Is.EqualTo("2026-10-28.endive"));
            Assert.That(Header(_seen, "Stripe-Account"), Is.Null);
            Assert.That(Guid.TryParse(Header(_seen, "Idempotency-Key"), out _), Is.True, "a generated key is a GUID");
            Assert.That(Header(_seen, "User-Agent"), Does.StartWith("Stripe.Connect.Client/").And.Contain("MyPlatform/1.2.3").And.Contain("(https://platform.example)"));
            Assert.That(_seen.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/x-www-form-urlencoded"));
        });
    }

    [Test]
    public async Task User_agent_and_telemetry_carry_the_package_version_of_the_assembly()
    {
        using var client = TestClients.Create(_mock);
        var informational = typeof(ConnectClient).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion.Split('+')[0];

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        Assert.Multiple(() =>
        {
            Assert.That(Header(_seen!, "User-Agent"), Is.EqualTo("Stripe.Connect.Client/" + informational));
            Assert.That(Stripe.Connect.Client.Http.ConnectTelemetry.Source.Version, Is.EqualTo(informational));
            Assert.That(Stripe.Connect.Client.Http.ConnectTelemetry.Meter.Version, Is.EqualTo(informational));
        });
    }

    [Test]
    public async Task Post_without_parameters_still_declares_the_form_content_type()
    {
        _mock.Clear();
        _mock.When("*").Respond(async request =>
        {
            _seen = request;
            _seenBody = await request.Content!.ReadAsStringAsync();
            return TestClients.Json(HttpStatusCode.OK, "{}");
        });
        using var client = TestClients.Create(_mock);

        await client.RawRequestAsync(HttpMethod.Post, "/v1/accounts/acct_1/reject", form: null);

        Assert.That(_seen!.Content, Is.Not.Null);
        Assert.That(_seen.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/x-www-form-urlencoded"));
        Assert.That(_seenBody, Is.Empty);
    }

    [Test]
    public async Task Get_has_no_idempotency_key_and_no_body()
    {
        using var client = TestClients.Create(_mock);

        await client.RawRequestAsync(HttpMethod.Get, "/v1/accounts", [new("limit", "3")]);

        Assert.That(Header(_seen!, "Idempotency-Key"), Is.Null);
        Assert.That(_seen!.Content, Is.Null);
        Assert.That(_seen.RequestUri!.Query, Is.EqualTo("?limit=3"));
    }

    [Test]
    public async Task Stripe_account_comes_from_the_client_default_and_the_request_wins()
    {
        using var client = TestClients.Create(_mock, o => o.StripeAccount = "acct_default");

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest());
        Assert.That(Header(_seen!, "Stripe-Account"), Is.EqualTo("acct_default"));

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest(), new RequestOptions { StripeAccount = "acct_connected" });
        Assert.That(Header(_seen!, "Stripe-Account"), Is.EqualTo("acct_connected"));
    }

    [Test]
    public async Task Request_options_override_key_and_version()
    {
        using var client = TestClients.Create(_mock);

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest(), new RequestOptions { ApiKey = "rk_test_other", ApiVersion = "2025-01-01.test" });

        Assert.That(Header(_seen!, "Authorization"), Is.EqualTo("Bearer rk_test_other"));
        Assert.That(Header(_seen!, "Stripe-Version"), Is.EqualTo("2025-01-01.test"));
    }

    [Test]
    public async Task Form_body_is_sent_as_encoded()
    {
        using var client = TestClients.Create(_mock);

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest() with { Expand = ["account"] });

        Assert.That(_seenBody, Does.Contain("account=acct_123"));
        Assert.That(_seenBody, Does.Contain("refresh_url=https%3A%2F%2Fplatform.example%2Frefresh"));
        Assert.That(_seenBody, Does.Contain("type=account_onboarding"));
        Assert.That(_seenBody, Does.Contain("expand[]=account"));
    }

    [Test]
    public void Bad_request_options_are_refused_before_sending()
    {
        using var client = TestClients.Create(_mock);

        var tooLong = new string('k', 256);
        var ex = Assert.ThrowsAsync<ArgumentException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest(), new RequestOptions { IdempotencyKey = tooLong }));
        Assert.That(ex!.Message, Does.Contain("IdempotencyKey"));
        var keyEx = Assert.ThrowsAsync<ArgumentException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest(), new RequestOptions { ApiKey = "pk_test_publishable" }));
        Assert.That(keyEx!.Message, Does.Contain("RequestOptions.ApiKey").And.Not.Contain("pk_test_publishable"));
        Assert.That(_seen, Is.Null, "nothing may be sent");
    }

    [Test]
    public async Task Changing_the_options_after_creation_does_not_change_the_client()
    {
        var options = new ConnectClientOptions { ApiKey = TestClients.ApiKey };
        using var client = new ConnectClient(options, _mock.ToHttpClient(), null, new InstantTimeProvider());
        options.ApiVersion = "1999-01-01";
        client.Options.StripeAccount = "acct_changed_later";

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        Assert.That(Header(_seen!, "Stripe-Version"), Is.EqualTo("2026-10-28.endive"));
        Assert.That(Header(_seen!, "Stripe-Account"), Is.Null);
    }
}
