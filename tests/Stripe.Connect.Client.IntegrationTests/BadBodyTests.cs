using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Stripe.Connect.Client.IntegrationTests.Support;

namespace Stripe.Connect.Client.IntegrationTests;

/// <summary>Bodies that are not what the SDK expects: each ends in a typed exception, with bounded memory.</summary>
[NonParallelizable]
public class BadBodyTests
{
    private const int HugeBytes = 50 * 1024 * 1024;
    private static readonly byte[] Item = Encoding.ASCII.GetBytes("""{"id":"x","object":"item"},""");
    private KestrelServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await KestrelServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public void Truncated_JSON_is_an_ApiException_and_is_not_retried()
    {
        _server.Reset((context, _) => KestrelServer.WriteJsonAsync(context, 200, Clients.LinkJson[..40]));
        using var client = Clients.Create(_server.Address);

        var error = Assert.ThrowsAsync<ApiException>(() => client.AccountLinks.CreateAsync(Clients.LinkRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(error.Message, Does.Contain("not valid JSON"));
            Assert.That(error.RequestId, Is.EqualTo("req_200"));
            Assert.That(_server.Requests, Has.Count.EqualTo(1), "a complete but broken body is not a transient fault");
        });
    }

    [Test]
    public void An_HTML_502_page_is_retried_then_an_ApiException_with_a_snippet()
    {
        const string Page = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
        _server.Reset((context, _) =>
        {
            context.Response.StatusCode = 502;
            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync(Page);
        });
        using var client = Clients.Create(_server.Address, retries: 2);

        var error = Assert.ThrowsAsync<ApiException>(() => client.AccountLinks.CreateAsync(Clients.LinkRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.HttpStatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
            Assert.That(error.StripeError, Is.Null);
            Assert.That(error.Message, Does.Contain("502 Bad Gateway"));
            Assert.That(error.RawBody, Is.EqualTo(Page));
            Assert.That(_server.Requests, Has.Count.EqualTo(3));
        });
    }

    [Test]
    public void A_200_with_an_empty_body_is_an_ApiException()
    {
        _server.Reset((context, _) =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            context.Response.ContentLength = 0;
            return Task.CompletedTask;
        });
        using var client = Clients.Create(_server.Address);

        var error = Assert.ThrowsAsync<ApiException>(() => client.RawRequestAsync(HttpMethod.Get, "/v1/accounts", null));

        Assert.Multiple(() =>
        {
            Assert.That(error!.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(_server.Requests, Has.Count.EqualTo(1));
        });
    }

    [TestCase(true, TestName = "A 50 MB list with Content-Length")]
    [TestCase(false, TestName = "A 50 MB list, chunked")]
    public void A_huge_body_is_refused_with_bounded_memory(bool withLength)
    {
        _server.Reset((context, _) => WriteHugeListAsync(context, withLength));
        using var client = Clients.Create(_server.Address, timeout: TimeSpan.FromSeconds(30), retries: 0);

        GC.Collect();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var error = Assert.ThrowsAsync<ApiException>(() => client.RawRequestAsync(HttpMethod.Get, "/v1/items", null));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        TestContext.Out.WriteLine($"allocated {allocated / (1024 * 1024)} MB while refusing a {HugeBytes / (1024 * 1024)} MB body");

        Assert.Multiple(() =>
        {
            Assert.That(error!.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(error.Message, Does.Contain("larger than"));
            // The SDK reads at most 16 MB of a success body. What it allocates before refusing is bounded by the
            // serializer's doubling read buffer (16 KB, 32 KB ... 32 MB: under 4 x 16 MB = 64 MB), whatever the body's
            // size; with a Content-Length it refuses before reading. Before the cap, this call allocated ~800 MB.
            Assert.That(allocated, Is.LessThan(80L * 1024 * 1024), "the body is never buffered whole");
        });
    }

    private static async Task WriteHugeListAsync(HttpContext context, bool withLength)
    {
        var head = Encoding.ASCII.GetBytes("""{"object":"list","url":"/v1/items","has_more":false,"data":[""");
        var tail = Encoding.ASCII.GetBytes("""{"id":"last","object":"item"}]}""");
        var count = (HugeBytes - head.Length - tail.Length) / Item.Length;
        var chunk = new byte[Item.Length * 4096];
        for (var i = 0; i < 4096; i++)
        {
            Item.CopyTo(chunk, i * Item.Length);
        }

        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/json";
        if (withLength)
        {
            context.Response.ContentLength = head.Length + ((long)count * Item.Length) + tail.Length;
        }

        try
        {
            var body = context.Response.Body;
            await body.WriteAsync(head, context.RequestAborted);
            for (var written = 0; written < count; written += 4096)
            {
                var items = Math.Min(4096, count - written);
                await body.WriteAsync(chunk.AsMemory(0, items * Item.Length), context.RequestAborted);
            }

            await body.WriteAsync(tail, context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client stopped reading.
        }
    }
}
