using System.Net;
using System.Text;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Http;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

/// <summary>The per-call plumbing kept lean for speed: a client over a bare handler, cached URLs, the body buffer.</summary>
public class TransportTests
{
    [Test]
    public async Task A_client_over_a_bare_handler_sends_the_same_request_as_over_an_HttpClient()
    {
        using var mock = new MockHttpMessageHandler();
        HttpRequestMessage? seen = null;
        string? body = null;
        mock.When(HttpMethod.Post, "https://api.stripe.com/v1/account_links").Respond(async request =>
        {
            seen = request;
            body = await request.Content!.ReadAsStringAsync();
            return TestClients.Json(HttpStatusCode.OK, TestClients.LinkJson, "req_bare");
        });
        using var client = new ConnectClient(new ConnectClientOptions { ApiKey = TestClients.ApiKey }, mock, disposeHandler: false);

        var link = await client.AccountLinks.CreateAsync(TestClients.LinkRequest(), new RequestOptions { StripeAccount = "acct_9" });

        Assert.Multiple(() =>
        {
            Assert.That(link.Url, Is.EqualTo("https://connect.stripe.com/setup/s/abc"));
            Assert.That(link.StripeResponse!.RequestId, Is.EqualTo("req_bare"));
            Assert.That(seen!.Headers.Authorization!.ToString(), Is.EqualTo("Bearer " + TestClients.ApiKey));
            Assert.That(seen.Headers.GetValues("Stripe-Account").Single(), Is.EqualTo("acct_9"));
            Assert.That(seen.Headers.GetValues("Idempotency-Key").Single(), Is.EqualTo(link.StripeResponse.IdempotencyKey));
            Assert.That(seen.Content!.Headers.ContentType!.MediaType, Is.EqualTo("application/x-www-form-urlencoded"));
            Assert.That(body, Does.StartWith("account=acct_123&refresh_url="));
        });
    }

    [TestCase(false)]
    [TestCase(true)]
    public void The_handler_is_disposed_with_the_client_only_when_asked(bool disposeHandler)
    {
        var handler = new TrackingHandler();
        var client = new ConnectClient(new ConnectClientOptions { ApiKey = TestClients.ApiKey }, handler, disposeHandler);

        client.Dispose();

        Assert.That(handler.Disposed, Is.EqualTo(disposeHandler));
    }

    [Test]
    public void A_bare_handler_client_still_validates_its_options()
    {
        var error = Assert.Throws<ArgumentException>(() => new ConnectClient(new ConnectClientOptions { ApiKey = "pk_test_publishable" }, new TrackingHandler(), disposeHandler: true));
        Assert.That(error!.Message, Does.Contain("ApiKey").And.Not.Contain("pk_test_publishable"));
    }

    [Test]
    public async Task Clients_with_different_base_addresses_share_a_fixed_path_without_mixing_hosts()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When("https://one.example/v1/account_links").Respond("application/json", TestClients.LinkJson.Replace("abc", "one", StringComparison.Ordinal));
        mock.When("https://two.example/v1/account_links").Respond("application/json", TestClients.LinkJson.Replace("abc", "two", StringComparison.Ordinal));
        mock.Fallback.Respond(HttpStatusCode.NotFound);
        using var one = new ConnectClient(new ConnectClientOptions { ApiKey = TestClients.ApiKey, BaseAddress = new Uri("https://one.example") }, mock, disposeHandler: false);
        using var two = new ConnectClient(new ConnectClientOptions { ApiKey = TestClients.ApiKey, BaseAddress = new Uri("https://two.example/") }, mock, disposeHandler: false);

        var urls = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            urls.Add((await one.AccountLinks.CreateAsync(TestClients.LinkRequest())).Url);
            urls.Add((await two.AccountLinks.CreateAsync(TestClients.LinkRequest())).Url);
        }

        Assert.That(urls, Is.EqualTo(new[] { "one", "two", "one", "two", "one", "two" }.Select(h => "https://connect.stripe.com/setup/s/" + h)));
    }

    [Test]
    public void A_fixed_path_keeps_its_parsed_url_per_base_address()
    {
        var path = new ConstantPath("/v1/account_links");

        var first = path.ResolveAgainst("https://api.stripe.com");
        var again = path.ResolveAgainst("https://api.stripe.com");
        var other = path.ResolveAgainst("http://127.0.0.1:5000");

        Assert.Multiple(() =>
        {
            Assert.That(first.AbsoluteUri, Is.EqualTo("https://api.stripe.com/v1/account_links"));
            Assert.That(again, Is.SameAs(first));
            Assert.That(other.AbsoluteUri, Is.EqualTo("http://127.0.0.1:5000/v1/account_links"));
        });
    }

    [Test]
    public async Task The_body_buffer_grows_past_its_first_size_and_keeps_every_byte()
    {
        var bytes = new byte[100_000];
        new Random(7).NextBytes(bytes);
        using var content = new StreamContent(new MemoryStream(bytes)); // no Content-Length header: starts at 16 KB

        var body = ResponseBodyBuffer.Rent(content, limit: 1_000_000);
        try
        {
            await content.CopyToAsync(body);
            Assert.That(body.Written.ToArray(), Is.EqualTo(bytes));
        }
        finally
        {
            ResponseBodyBuffer.Return(body);
        }

        Assert.That(body.Written.Length, Is.Zero, "a returned buffer holds nothing");
    }

    [Test]
    public void The_body_buffer_refuses_one_byte_past_the_limit()
    {
        using var content = new ByteArrayContent(new byte[101]);
        var body = ResponseBodyBuffer.Rent(content, limit: 100);
        try
        {
            Assert.ThrowsAsync<ResponseTooLargeException>(() => content.CopyToAsync(body));
        }
        finally
        {
            ResponseBodyBuffer.Return(body);
        }
    }

    [Test]
    public void A_declared_length_over_the_limit_is_refused_before_reading()
    {
        using var content = new ByteArrayContent(new byte[10]);
        content.Headers.TryAddWithoutValidation("Content-Length", "5000");

        Assert.Throws<ResponseTooLargeException>(() => ResponseBodyBuffer.Rent(content, limit: 4999));
    }

    [TestCase("1234", 1234L)]
    [TestCase("0", 0L)]
    [TestCase("-5", null)]
    [TestCase("12a", null)]
    [TestCase(null, null)]
    public void The_declared_length_is_read_from_the_raw_header(string? header, long? expected)
    {
        using var content = new StringContent("{}", Encoding.UTF8);
        if (header is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Length", header);
        }

        Assert.That(ResponseBodyBuffer.DeclaredLength(content), Is.EqualTo(expected));
    }

    private sealed class TrackingHandler : HttpMessageHandler
    {
        public bool Disposed { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));

        protected override void Dispose(bool disposing)
        {
            Disposed = true;
            base.Dispose(disposing);
        }
    }
}
