using System.Diagnostics;
using System.Net;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

/// <summary>The API key must not reach exception messages, log lines or activity tags, whatever happens.</summary>
[NonParallelizable]
public class SecretLeakTests
{
    private const string Secret = "51TestKeyThatMustNeverLeak";

    [Test]
    public async Task The_key_is_absent_from_exceptions_logs_and_activities()
    {
        using var capture = new ActivityCapture();

        using var logs = new CapturingLoggerProvider();
        var responses = new Queue<Func<HttpResponseMessage>>(
        [
            () => TestClients.Json(HttpStatusCode.Unauthorized, TestClients.Error("invalid_request_error", null, null, $"Invalid API Key provided: {TestClients.ApiKey}")),
            () => TestClients.Json(HttpStatusCode.BadGateway, $"<html>proxy saw Authorization: Bearer {TestClients.ApiKey}</html>"),
            () => throw new HttpRequestException("connection reset"),
            () => TestClients.Json(HttpStatusCode.OK, TestClients.LinkJson),
        ]);
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => responses.Dequeue()());
        using var client = TestClients.Create(mock, o => o.MaxNetworkRetries = 0, logs: logs);

        var messages = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            try
            {
                await client.AccountLinks.CreateAsync(TestClients.LinkRequest());
            }
            catch (StripeException e)
            {
                messages.Add(e.ToString());
                messages.Add(e.RawBody ?? string.Empty);
                messages.Add(e.StripeError?.Message ?? string.Empty);
            }
        }

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        var activities = capture.Stopped;
        var tags = capture.Texts;
        Assert.Multiple(() =>
        {
            Assert.That(messages, Has.Count.EqualTo(9));
            Assert.That(logs.Lines, Has.Count.GreaterThanOrEqualTo(4), "one line per attempt");
            Assert.That(activities, Has.Count.EqualTo(4));
            Assert.That(messages, Has.None.Contains(Secret));
            Assert.That(logs.Lines, Has.None.Contains(Secret));
            Assert.That(tags, Has.None.Contains(Secret));
            Assert.That(tags, Has.Some.EqualTo("url.path=/v1/account_links"));
        });
    }

    [Test]
    public async Task Log_lines_name_method_path_status_request_id_and_attempt()
    {
        using var logs = new CapturingLoggerProvider();
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => TestClients.Json(HttpStatusCode.OK, TestClients.LinkJson, "req_logged"));
        using var client = TestClients.Create(mock, logs: logs);

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        Assert.That(logs.Lines.Single(), Does.Contain("POST").And.Contain("/v1/account_links").And.Contain("HTTP 200").And.Contain("req_logged").And.Contain("attempt 1"));
    }
}
