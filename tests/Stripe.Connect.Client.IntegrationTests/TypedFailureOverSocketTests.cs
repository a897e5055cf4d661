using System.Net;
using Microsoft.AspNetCore.Http;
using Stripe.Connect.Client.IntegrationTests.Support;

namespace Stripe.Connect.Client.IntegrationTests;

/// <summary>
/// Bodies that break while they are read, from real servers on 127.0.0.1: a Content-Encoding that lies (the SDK's
/// decompressing handler decodes gzip and deflate; a caller's handler may decode brotli too), a connection closed
/// mid-body, a body longer or shorter than its Content-Length. Each call ends in one of the SDK's exceptions, on the
/// success path and on the error path. Retries here have no delay, so nothing waits on the clock.
/// </summary>
[NonParallelizable]
public class TypedFailureOverSocketTests
{
    private KestrelServer _kestrel = null!;
    private ResettingServer _raw = null!;

    [OneTimeSetUp]
    public async Task StartServers()
    {
        _kestrel = await KestrelServer.StartAsync();
        _raw = new ResettingServer();
    }

    [OneTimeTearDown]
    public async Task StopServers()
    {
        await _kestrel.DisposeAsync();
        await _raw.DisposeAsync();
    }

    [TestCase("gzip", 200)]
    [TestCase("deflate", 200)]
    [TestCase("gzip", 500)]
    [TestCase("deflate", 402)]
    public void A_lying_content_encoding_through_the_default_handler_is_a_typed_error(string encoding, int status)
    {
        _kestrel.Reset((context, _) => WriteLyingAsync(context, status, encoding));
        using var client = new ConnectClient(Clients.NoDelayOptions(_kestrel.Address));

        var error = Assert.ThrowsAsync(Is.InstanceOf<StripeException>(), () => client.AccountLinks.CreateAsync(Clients.LinkRequest())) as StripeException;

        Assert.Multiple(() =>
        {
            Assert.That(error!.HttpStatusCode, Is.EqualTo((HttpStatusCode)status));
            Assert.That(error.Message, Does.Contain("could not be decoded"));
            Assert.That(error, status == 402 ? Is.TypeOf<CardException>() : Is.TypeOf<ApiException>());
            Assert.That(_kestrel.Requests, Has.Count.EqualTo(status == 500 ? 3 : 1), "retried only when the status says so");
        });
    }

    [TestCase(200)]
    [TestCase(503)]
    public void A_lying_brotli_body_through_a_callers_decompressing_handler_is_a_typed_error(int status)
    {
        _kestrel.Reset((context, _) => WriteLyingAsync(context, status, "br"));
        using var handler = new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, AllowAutoRedirect = false };
        using var http = new HttpClient(handler);
        using var client = new ConnectClient(Clients.NoDelayOptions(_kestrel.Address, retries: 0), http);

        var error = Assert.ThrowsAsync<ApiException>(() => client.AccountLinks.CreateAsync(Clients.LinkRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.HttpStatusCode, Is.EqualTo((HttpStatusCode)status));
            Assert.That(error.Message, Does.Contain("could not be decoded"));
        });
    }

    [TestCase("200 OK")]
    [TestCase("500 Internal Server Error")]
    public void A_connection_closed_mid_body_on_every_attempt_ends_in_a_typed_error(string statusLine)
    {
        _raw.Reset(_ => SocketFault.CloseMidBody, Clients.LinkJson, statusLine);
        using var client = new ConnectClient(Clients.NoDelayOptions(_raw.Address));

        var error = Assert.ThrowsAsync(Is.InstanceOf<StripeException>(), () => client.AccountLinks.CreateAsync(Clients.LinkRequest())) as StripeException;

        Assert.Multiple(() =>
        {
            if (statusLine.StartsWith("200", StringComparison.Ordinal))
            {
                Assert.That(error, Is.TypeOf<ApiConnectionException>());
                Assert.That(error!.Message, Does.Contain("3 attempt(s)").And.Contain("before the body was complete"));
            }
            else
            {
                Assert.That(error, Is.TypeOf<ApiException>());
                Assert.That(error!.HttpStatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
                Assert.That(error.Message, Does.Contain("could not be read"));
            }

            Assert.That(_raw.RequestCount, Is.EqualTo(3), "both are retried: a cut body, a 500");
            Assert.That(_raw.IdempotencyKeys.Distinct().Count(), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_connection_closed_mid_body_once_is_retried_to_success()
    {
        _raw.Reset(index => index == 0 ? SocketFault.CloseMidBody : SocketFault.Ok, Clients.LinkJson);
        using var client = new ConnectClient(Clients.NoDelayOptions(_raw.Address));

        var link = await client.AccountLinks.CreateAsync(Clients.LinkRequest());

        Assert.That(link.StripeResponse!.Attempts, Is.EqualTo(2));
    }

    [TestCase("200 OK", typeof(ApiException))]
    [TestCase("400 Bad Request", typeof(InvalidRequestException))]
    public void A_body_longer_than_its_content_length_is_cut_where_it_says_and_fails_typed(string statusLine, Type expected)
    {
        _raw.Reset(_ => SocketFault.LongerThanDeclared, Clients.LinkJson, statusLine);
        using var client = new ConnectClient(Clients.NoDelayOptions(_raw.Address));

        var error = Assert.ThrowsAsync(Is.InstanceOf<StripeException>(), () => client.AccountLinks.CreateAsync(Clients.LinkRequest()));

        Assert.That(error, Is.TypeOf(expected));
        Assert.That(_raw.RequestCount, Is.EqualTo(1), "a complete (declared) but unusable body is not retried");
    }

    [Test]
    public async Task Bytes_after_the_declared_body_never_reach_the_result()
    {
        _raw.Reset(_ => SocketFault.ExtraAfterBody, Clients.LinkJson);
        using var client = new ConnectClient(Clients.NoDelayOptions(_raw.Address));

        var first = await client.AccountLinks.CreateAsync(Clients.LinkRequest());
        var second = await client.AccountLinks.CreateAsync(Clients.LinkRequest());

        Assert.Multiple(() =>
        {
            Assert.That(first.Url, Is.EqualTo("https://connect.stripe.com/setup/s/abc"));
            Assert.That(second.Url, Is.EqualTo(first.Url));
        });
    }

    [Test]
    public void A_body_shorter_than_its_content_length_is_retried_then_a_connection_error()
    {
        // CloseMidBody declares the whole length and sends half: the shorter body, seen by a real socket handler.
        _raw.Reset(_ => SocketFault.CloseMidBody, Clients.LinkJson);
        using var client = new ConnectClient(Clients.NoDelayOptions(_raw.Address, retries: 1));

        var error = Assert.ThrowsAsync<ApiConnectionException>(() => client.RawRequestAsync(HttpMethod.Get, "/v1/accounts/acct_1", null));

        Assert.Multiple(() =>
        {
            Assert.That(error!.InnerException, Is.InstanceOf<HttpRequestException>().Or.InstanceOf<IOException>());
            Assert.That(_raw.RequestCount, Is.EqualTo(2));
        });
    }

    private static Task WriteLyingAsync(HttpContext context, int status, string encoding)
    {
        context.Response.Headers.ContentEncoding = encoding;
        return KestrelServer.WriteJsonAsync(context, status, status < 300 ? Clients.LinkJson : Clients.Error(status == 402 ? "card_error" : "api_error"));
    }
}
