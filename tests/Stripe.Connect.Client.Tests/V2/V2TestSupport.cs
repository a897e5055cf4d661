using System.Net;
using System.Text;
using RichardSzalay.MockHttp;

namespace Stripe.Connect.Client.V2.Core.Tests;

/// <summary>What the mock API received for one v2 call: method, escaped path, raw query, JSON body and the headers that matter.</summary>
internal sealed class V2Request
{
    public int Count { get; set; }

    public string Method { get; set; } = string.Empty;

    public string Path { get; set; } = string.Empty;

    /// <summary>The query without its <c>?</c>, exactly as sent (brackets unescaped, values escaped).</summary>
    public string Query { get; set; } = string.Empty;

    public string? Body { get; set; }

    public string? ContentType { get; set; }

    public List<string> IdempotencyKeys { get; } = [];

    public string? StripeContext { get; set; }

    public string? StripeAccount { get; set; }

    public string? IdempotencyKey => IdempotencyKeys.Count == 0 ? null : IdempotencyKeys[^1];

    /// <summary>Checks method, path, query and body; a POST or DELETE must carry an idempotency key, a GET none.</summary>
    public void Verify(string method, string path, string query = "", string? body = null)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Count, Is.EqualTo(1), "requests sent");
            Assert.That(Method, Is.EqualTo(method), "method");
            Assert.That(Path, Is.EqualTo(path), "path");
            Assert.That(Query, Is.EqualTo(query), "query");
            Assert.That(Body, Is.EqualTo(body), "body");
            if (method is "POST" or "DELETE")
            {
                Assert.That(IdempotencyKey, Is.Not.Null.And.Not.Empty, "idempotency key");
            }
            else
            {
                Assert.That(IdempotencyKey, Is.Null, "no idempotency key on GET");
            }

            if (method == "POST")
            {
                Assert.That(ContentType, Is.EqualTo("application/json"), "content type");
            }
        });
    }
}

internal static class V2TestSupport
{
    /// <summary>An id with a slash and dots: it must reach the API as one escaped path segment.</summary>
    public const string TrickyId = "acct_1/../x";

    public const string TrickyIdEscaped = "acct_1%2F..%2Fx";

    public static ConnectClient NewClient(string responseJson, out V2Request captured, Action<ConnectClientOptions>? configure = null, HttpStatusCode status = HttpStatusCode.OK)
    {
        var capture = new V2Request();
        captured = capture;
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(async request =>
        {
            capture.Count++;
            capture.Method = request.Method.Method;
            capture.Path = request.RequestUri!.AbsolutePath;
            capture.Query = request.RequestUri.Query.TrimStart('?');
            capture.Body = request.Content is null ? null : await request.Content.ReadAsStringAsync();
            capture.ContentType = request.Content?.Headers.ContentType?.MediaType;
            if (request.Headers.TryGetValues("Idempotency-Key", out var keys))
            {
                capture.IdempotencyKeys.Add(keys.Single());
            }

            capture.StripeContext = request.Headers.TryGetValues("Stripe-Context", out var context) ? context.Single() : null;
            capture.StripeAccount = request.Headers.TryGetValues("Stripe-Account", out var account) ? account.Single() : null;
            return new HttpResponseMessage(status) { Content = new StringContent(responseJson, Encoding.UTF8, "application/json") };
        });
        var options = new ConnectClientOptions { ApiKey = "sk_test_123", MaxNetworkRetries = 0 };
        configure?.Invoke(options);
        return new ConnectClient(options, mock.ToHttpClient());
    }

    public static string Page(string? next, params string[] items) =>
        $$"""{"data":[{{string.Join(",", items)}}],"next_page_url":{{(next is null ? "null" : "\"" + next + "\"")}},"previous_page_url":null}""";
}
