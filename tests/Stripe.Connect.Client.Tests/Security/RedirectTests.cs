using System.Net;
using Microsoft.Extensions.DependencyInjection;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Security;

/// <summary>
/// Stripe's API never redirects, so a redirect is never followed: it would replay the body, the idempotency key and
/// Stripe-Account to another host, and turn a POST into a GET whose answer looks like a success.
/// </summary>
public class RedirectTests
{
    [TestCase(300)]
    [TestCase(301)]
    [TestCase(302)]
    [TestCase(303)]
    [TestCase(304)]
    [TestCase(305)]
    [TestCase(306)]
    [TestCase(307)]
    [TestCase(308)]
    public void Any_3xx_is_an_ApiException_naming_the_status_and_the_target_host_and_is_not_retried(int status)
    {
        var sent = new List<HttpRequestMessage>();
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(request =>
        {
            sent.Add(request);
            var response = new HttpResponseMessage((HttpStatusCode)status);
            response.Headers.Location = new Uri("https://elsewhere.example:8443/v1/transfers?key=x");
            response.Headers.TryAddWithoutValidation("Stripe-Should-Retry", "true");
            response.Headers.TryAddWithoutValidation("Request-Id", "req_redirect");
            return response;
        });
        using var client = TestClients.Create(mock);

        var error = Assert.ThrowsAsync<ApiException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest(), new RequestOptions { StripeAccount = "acct_1" }));

        var key = sent.Single().Headers.GetValues("Idempotency-Key").Single();
        Assert.Multiple(() =>
        {
            Assert.That(sent, Has.Count.EqualTo(1), "never retried, whatever Stripe-Should-Retry says");
            Assert.That(error!.HttpStatusCode, Is.EqualTo((HttpStatusCode)status));
            Assert.That(error.RequestId, Is.EqualTo("req_redirect"));
            Assert.That(error.Message, Does.Contain($"HTTP {status}").And.Contain("host elsewhere.example:8443").And.Contain("never follows redirects"));
            Assert.That(error.ToString(), Does.Not.Contain(key).And.Not.Contain(TestClients.ApiKey).And.Not.Contain("key=x"));
        });
    }

    [TestCase("/v1/somewhere", "host api.stripe.com")]
    [TestCase(null, "no usable Location header")]
    [TestCase("https://sk_test_51HostKeyMustNotLeak.example/", "host sk_test_***")]
    public void The_target_is_described_without_anything_but_its_host(string? location, string expected)
    {
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.Found);
            if (location is not null)
            {
                response.Headers.TryAddWithoutValidation("Location", location);
            }

            return response;
        });
        using var client = TestClients.Create(mock);

        var error = Assert.ThrowsAsync<ApiException>(() => client.RawRequestAsync(HttpMethod.Get, "/v1/accounts", null));

        Assert.That(error!.Message, Does.Contain(expected).And.Not.Contain("HostKeyMustNotLeak"));
    }

    [Test]
    public void An_answer_from_another_uri_than_the_one_sent_is_refused()
    {
        // What an HttpClient that follows redirects hands back: its request now points where the redirect led.
        using var following = new FollowingHandler(new Uri("https://elsewhere.example/v1/transfers"));
        using var http = new HttpClient(following);
        using var client = new ConnectClient(new ConnectClientOptions { ApiKey = TestClients.ApiKey }, http, null, new InstantTimeProvider());

        var error = Assert.ThrowsAsync<ApiException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(error.Message, Does.Contain("came from host elsewhere.example, not api.stripe.com").And.Contain("AllowAutoRedirect = false"));
            Assert.That(following.Count, Is.EqualTo(1), "not retried");
        });
    }

    [Test]
    public void The_default_handler_does_not_follow_redirects()
    {
        using var handler = ConnectClient.CreateDefaultHandler();

        Assert.That(handler.AllowAutoRedirect, Is.False);
    }

    [Test]
    public void The_primary_handler_AddConnectClient_configures_does_not_follow_redirects()
    {
        var services = new ServiceCollection();
        services.AddConnectClient(o => o.ApiKey = TestClients.ApiKey);
        using var provider = services.BuildServiceProvider();

        HttpMessageHandler? handler = provider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(ConnectServiceCollectionExtensions.HttpClientName);
        for (var i = 0; i < 16 && handler is DelegatingHandler delegating; i++)
        {
            handler = delegating.InnerHandler;
        }

        Assert.That(handler, Is.InstanceOf<SocketsHttpHandler>());
        Assert.That(((SocketsHttpHandler)handler!).AllowAutoRedirect, Is.False);
    }

    private sealed class FollowingHandler(Uri followedTo) : HttpMessageHandler
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            request.RequestUri = followedTo;
            var response = TestClients.Json(HttpStatusCode.OK, TestClients.LinkJson);
            response.RequestMessage = request;
            return Task.FromResult(response);
        }
    }
}
