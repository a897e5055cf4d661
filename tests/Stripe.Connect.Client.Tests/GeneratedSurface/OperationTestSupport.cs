using System.Net;
using System.Text;
using RichardSzalay.MockHttp;

namespace Stripe.Connect.Client.Tests.GeneratedSurface;

/// <summary>What the mock API received: method, escaped path, decoded query and decoded form body.</summary>
internal sealed class CapturedRequest
{
    public int Count { get; set; }

    public string Method { get; set; } = string.Empty;

    /// <summary>The host the request went to (<c>api.stripe.com</c>, or <c>connect.stripe.com</c> for OAuth).</summary>
    public string Host { get; set; } = string.Empty;

    public string Path { get; set; } = string.Empty;

    public string RawQuery { get; set; } = string.Empty;

    public string RawBody { get; set; } = string.Empty;

    /// <summary>The query without its <c>?</c>, percent-decoded for readable assertions.</summary>
    public string Query => Uri.UnescapeDataString(RawQuery.TrimStart('?'));

    /// <summary>The form body, percent-decoded for readable assertions.</summary>
    public string Body => Uri.UnescapeDataString(RawBody);

    public void Verify(string method, string path, string query = "", string body = "")
    {
        Assert.Multiple(() =>
        {
            Assert.That(Count, Is.EqualTo(1), "requests sent");
            Assert.That(Method, Is.EqualTo(method), "method");
            Assert.That(Path, Is.EqualTo(path), "path");
            Assert.That(Query, Is.EqualTo(query), "query");
            Assert.That(Body, Is.EqualTo(body), "body");
        });
    }
}

internal static class OperationTestSupport
{
    /// <summary>An id with a slash and dots: it must reach the API as one escaped path segment.</summary>
    public const string TrickyId = "acct_1/../x";

    public const string TrickyIdEscaped = "acct_1%2F..%2Fx";

    public static ConnectClient NewClient(string responseJson, out CapturedRequest captured) =>
        NewClient(responseJson, HttpStatusCode.OK, null, out captured);

    public static ConnectClient NewClient(string responseJson, HttpStatusCode status, Action<ConnectClientOptions>? configure, out CapturedRequest captured)
    {
        var capture = new CapturedRequest();
        captured = capture;
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(async request =>
        {
            capture.Count++;
            capture.Method = request.Method.Method;
            capture.Host = request.RequestUri!.Host;
            capture.Path = request.RequestUri!.AbsolutePath;
            capture.RawQuery = request.RequestUri.Query;
            capture.RawBody = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync();
            return new HttpResponseMessage(status) { Content = new StringContent(responseJson, Encoding.UTF8, "application/json") };
        });
        var options = new ConnectClientOptions { ApiKey = "sk_test_123", MaxNetworkRetries = 0 };
        configure?.Invoke(options);
        return new ConnectClient(options, mock.ToHttpClient());
    }

    public static string List(string url, params string[] items) => $$"""{"object":"list","url":"{{url}}","has_more":false,"data":[{{string.Join(",", items)}}]}""";
}
