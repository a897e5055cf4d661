using System.Diagnostics;
using System.Net;
using System.Text.Json;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Security;

/// <summary>
/// API keys, webhook signing secrets and account-session client secrets must not reach exception messages,
/// <c>ToString()</c>, log output or activity tags. Each test captures all three outputs.
/// </summary>
[NonParallelizable]
public class SecretRedactionTests
{
    private const string ApiKey = "sk_live_51LiveKeyBodyThatMustNeverLeak";
    private const string RestrictedKey = "rk_test_51RestrictedBodyThatMustNeverLeak";
    private const string WebhookSecret = "whsec_WebhookBodyThatMustNeverLeak";
    private const string ClientSecret = "accs_secret__ClientSecretBodyThatMustNeverLeak";
    private static readonly string[] Bodies = ["LiveKeyBody", "RestrictedBody", "WebhookBody", "ClientSecretBody"];

    [TestCase(ApiKey, "sk_live_***")]
    [TestCase(RestrictedKey, "rk_test_***")]
    [TestCase(WebhookSecret, "whsec_***")]
    [TestCase(ClientSecret, "accs_secret_***")]
    [TestCase("pi_123_secret_abcDEF123", "pi_123_secret_***")]
    public void The_redactor_masks_every_kind_of_secret(string secret, string masked)
    {
        var text = $"before {secret} after \"{secret}\",{secret}";

        var redacted = SecretRedactor.Redact(text);

        Assert.That(redacted, Is.EqualTo($"before {masked} after \"{masked}\",{masked}"));
    }

    [Test]
    public void The_redactor_leaves_ordinary_ids_alone()
    {
        const string Text = "acct_1Pgc7HKmsySxIypT person_1 req_abc secretary sk_other";

        Assert.That(SecretRedactor.Redact(Text), Is.EqualTo(Text));
    }

    [Test]
    public async Task Secrets_echoed_in_error_responses_are_absent_from_exceptions_logs_and_activities()
    {
        using var capture = new Capture();
        var echo = $"key {ApiKey}, also {RestrictedKey}, webhook {WebhookSecret}, session {ClientSecret}";
        var responses = new Queue<HttpResponseMessage>(
        [
            TestClients.Json(HttpStatusCode.BadRequest, TestClients.Error("invalid_request_error", "parameter_invalid", "account", echo)),
            TestClients.Json(HttpStatusCode.Unauthorized, TestClients.Error("invalid_request_error", null, null, echo)),
            TestClients.Json(HttpStatusCode.BadGateway, $"<html><pre>{echo}</pre></html>"),
            TestClients.Json(HttpStatusCode.OK, "{\"object\":\"account_link\",\"url\":" + echo),
        ]);
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => responses.Dequeue());
        using var client = new ConnectClient(new ConnectClientOptions { ApiKey = ApiKey, MaxNetworkRetries = 0 }, mock.ToHttpClient(), capture.Logs, new InstantTimeProvider());

        var texts = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var options = i == 1 ? new RequestOptions { ApiKey = RestrictedKey } : null;
            var error = Assert.ThrowsAsync(Is.InstanceOf<StripeException>(), () => client.AccountLinks.CreateAsync(TestClients.LinkRequest(), options)) as StripeException;
            texts.Add(error!.ToString());
            texts.Add(error.Message);
            texts.Add(error.RawBody ?? string.Empty);
            texts.Add(error.StripeError?.ToString() ?? string.Empty);
            texts.Add(error.StripeError?.Message ?? string.Empty);
        }

        capture.AssertNoSecret(texts, expectedActivities: 4);
    }

    [Test]
    public async Task Transport_failures_and_time_outs_do_not_carry_the_key()
    {
        using var capture = new Capture();
        using var mock = new MockHttpMessageHandler();
        var calls = 0;
        mock.When("*").Respond(_ => ++calls == 1 ? throw new HttpRequestException("connection reset") : throw new TaskCanceledException("timed out"));
        using var client = new ConnectClient(new ConnectClientOptions { ApiKey = ApiKey, MaxNetworkRetries = 0 }, mock.ToHttpClient(), capture.Logs, new InstantTimeProvider());

        var texts = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var error = Assert.ThrowsAsync<ApiConnectionException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));
            texts.Add(error!.ToString());
        }

        capture.AssertNoSecret(texts, expectedActivities: 2);
    }

    [Test]
    public void Options_and_request_options_print_masked_keys()
    {
        var options = new ConnectClientOptions { ApiKey = ApiKey };
        using var client = new ConnectClient(options);
        var texts = new[]
        {
            options.ToString(),
            client.Options.ToString(),
            new RequestOptions { ApiKey = RestrictedKey, StripeAccount = "acct_1" }.ToString(),
            client.ToString()!,
        };

        Assert.Multiple(() =>
        {
            Assert.That(texts[0], Does.Contain("sk_live_***"));
            Assert.That(texts[2], Does.Contain("rk_test_***"));
            foreach (var body in Bodies)
            {
                Assert.That(texts, Has.None.Contains(body));
            }
        });
    }

    [TestCase("pk_live_51LiveKeyBodyThatMustNeverLeak")]
    [TestCase("sk_live_51LiveKeyBody ThatMustNeverLeak")]
    [TestCase("whsec_WebhookBodyThatMustNeverLeak")]
    [TestCase("accs_secret__ClientSecretBodyThatMustNeverLeak")]
    public void A_misplaced_secret_is_refused_without_being_echoed(string wrong)
    {
        var asOption = Assert.Throws<ArgumentException>(() => new ConnectClient(new ConnectClientOptions { ApiKey = wrong }));
        using var mock = new MockHttpMessageHandler();
        using var client = TestClients.Create(mock);
        var asRequestOption = Assert.ThrowsAsync<ArgumentException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest(), new RequestOptions { ApiKey = wrong }));

        Assert.Multiple(() =>
        {
            foreach (var body in Bodies)
            {
                Assert.That(asOption!.ToString(), Does.Not.Contain(body));
                Assert.That(asRequestOption!.ToString(), Does.Not.Contain(body));
            }
        });
    }

    [Test]
    public async Task A_raw_response_holding_a_client_secret_does_not_print_it()
    {
        using var capture = new Capture();
        var session = File.ReadAllText(Fixture("account_session.json"));
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => TestClients.Json(HttpStatusCode.OK, session));
        using var client = new ConnectClient(new ConnectClientOptions { ApiKey = ApiKey }, mock.ToHttpClient(), capture.Logs, new InstantTimeProvider());

        var raw = await client.RawRequestAsync(HttpMethod.Post, "/v1/account_sessions", [new("account", "acct_1")]);
        var secret = raw.Json.GetProperty("client_secret").GetString()!;

        Assert.Multiple(() =>
        {
            Assert.That(secret, Does.Contain("_secret_"), "the value itself stays readable for the caller");
            Assert.That(raw.ToString(), Does.Not.Contain(secret));
            Assert.That(raw.StripeResponse!.ToString(), Does.Not.Contain(secret));
            Assert.That(capture.Logs.Lines, Has.None.Contains(secret));
            Assert.That(capture.Tags, Has.None.Contains(secret));
        });
    }

    /// <summary>Secrets a server may echo, each with the part that must never be seen again.</summary>
    private static readonly (string Secret, string Masked, string Body)[] Echoed =
    [
        ("sk_test_51EchoedTestKeyBody", "sk_test_***", "EchoedTestKeyBody"),
        ("rk_live_51EchoedRestrictedBody", "rk_live_***", "EchoedRestrictedBody"),
        ("whsec_EchoedWebhookBody", "whsec_***", "EchoedWebhookBody"),
        ("accs_secret__EchoedClientSecretBody", "accs_secret_***", "EchoedClientSecretBody"),
    ];

    private static readonly string[] ErrorFields = ["type", "code", "param", "decline_code", "doc_url", "message", "request_log_url", "Request-Id"];

    private static IEnumerable<TestCaseData> EveryFieldWithEverySecret() =>
        from field in ErrorFields
        from index in Enumerable.Range(0, Echoed.Length)
        select new TestCaseData(field, index).SetArgDisplayNames(field, Echoed[index].Masked);

    [TestCaseSource(nameof(EveryFieldWithEverySecret))]
    public void A_secret_echoed_in_any_error_field_is_redacted_everywhere_it_goes(string field, int secretIndex)
    {
        var (secret, masked, body) = Echoed[secretIndex];
        using var capture = new Capture();
        var fields = new Dictionary<string, string>
        {
            ["type"] = "card_error",
            ["code"] = "card_declined",
            ["param"] = "external_account",
            ["decline_code"] = "insufficient_funds",
            ["doc_url"] = "https://docs.stripe.com/error-codes/card-declined",
            ["message"] = "Your card was declined.",
            ["request_log_url"] = "https://dashboard.stripe.com/test/logs/req_echo",
        };
        var requestId = "req_echo";
        if (field == "Request-Id")
        {
            requestId = "req_" + secret;
        }
        else
        {
            fields[field] = $"echo {secret} end";
        }

        var json = "{\"error\":{" + string.Join(",", fields.Select(f => $"\"{f.Key}\":\"{f.Value}\"")) + "}}";
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => TestClients.Json(HttpStatusCode.PaymentRequired, json, requestId));
        using var client = new ConnectClient(new ConnectClientOptions { ApiKey = ApiKey, MaxNetworkRetries = 0 }, mock.ToHttpClient(), capture.Logs, new InstantTimeProvider());

        var error = Assert.ThrowsAsync(Is.InstanceOf<StripeException>(), () => client.AccountLinks.CreateAsync(TestClients.LinkRequest())) as StripeException;

        var e = error!.StripeError!;
        var texts = new List<string?> { error.Message, error.ToString(), error.RawBody, error.RequestId, e.ToString(), e.Type, e.Code, e.Param, e.DeclineCode, e.DocUrl, e.Message, e.RequestLogUrl }
            .Select(t => t ?? string.Empty).ToList();
        var everything = texts.Concat(capture.Logs.Lines).Concat(capture.Tags).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(everything, Has.None.Contains(body), $"the {field} echo must not be seen");
            Assert.That(texts, Has.Some.Contains(masked), $"the {field} echo reaches the exception, redacted");
            Assert.That(capture.Logs.Lines, Is.Not.Empty);
            Assert.That(capture.Tags, Is.Not.Empty);
        });
        if (field is "type" or "code" or "Request-Id")
        {
            Assert.That(capture.Logs.Lines.Concat(capture.Tags), Has.Some.Contains(masked), $"the {field} reaches a log line or a tag, redacted");
        }
    }

    [Test]
    public async Task A_secret_echoed_in_the_request_id_of_a_success_is_redacted()
    {
        using var capture = new Capture();
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => TestClients.Json(HttpStatusCode.OK, TestClients.LinkJson, "req_" + WebhookSecret));
        using var client = new ConnectClient(new ConnectClientOptions { ApiKey = ApiKey }, mock.ToHttpClient(), capture.Logs, new InstantTimeProvider());

        var link = await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        var texts = new[] { link.StripeResponse!.RequestId!, link.StripeResponse.ToString(), link.ToString() };
        Assert.Multiple(() =>
        {
            Assert.That(link.StripeResponse.RequestId, Is.EqualTo("req_whsec_***"));
            Assert.That(texts.Concat(capture.Logs.Lines).Concat(capture.Tags), Has.None.Contains("WebhookBody"));
            Assert.That(capture.Logs.Lines, Has.Some.Contains("req_whsec_***"));
        });
    }

    [Test]
    public void A_transport_error_quoting_what_the_server_sent_is_redacted_in_ToString()
    {
        // SocketsHttpHandler quotes a malformed header line in its message; the line may echo a key.
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => throw new HttpRequestException($"Received an invalid header line: 'X-Echo: {ApiKey}'."));
        using var client = TestClients.Create(mock, o => o.MaxNetworkRetries = 1);

        var error = Assert.ThrowsAsync<ApiConnectionException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.ToString(), Does.Contain("invalid header line").And.Contain("sk_live_***").And.Not.Contain("LiveKeyBody"));
            Assert.That(error.Message, Does.Not.Contain("LiveKeyBody"));
        });
    }

    [Test]
    public void A_key_spelled_with_json_escapes_is_redacted_in_the_raw_body_too()
    {
        // \u005f is "_": the parsed message shows sk_test_..., the raw text does not spell it that way.
        const string Body = """{"error":{"type":"invalid_request_error","message":"key sk\u005ftest\u005f51Escaped\u004beyBody"}}""";
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => TestClients.Json(HttpStatusCode.BadRequest, Body));
        using var client = TestClients.Create(mock, o => o.MaxNetworkRetries = 0);

        var error = Assert.ThrowsAsync<InvalidRequestException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.StripeError!.Message, Is.EqualTo("key sk_test_***"));
            Assert.That(error.RawBody, Does.Contain("sk_test_***").And.Not.Contain("Escaped").And.Not.Contain("eyBody"));
            Assert.That(error.Message, Does.Not.Contain("Escaped"));
        });
    }

    [TestCase("no secret here \\u00e9 \\u0041", "no secret here \\u00e9 \\u0041")]
    [TestCase("req_1Abc", "req_1Abc")]
    [TestCase("k sk\\u005flive\\u005fAbc1 k", "k sk_live_*** k")]
    public void The_redactor_decodes_escapes_only_when_they_hide_a_secret(string text, string expected)
    {
        Assert.That(SecretRedactor.Redact(text), Is.EqualTo(expected));
    }

    internal static string Fixture(string name) => Path.Combine(Support.RepoPaths.FixturesFolder(), name);

    /// <summary>Captures log lines and the tags of the SDK's activities.</summary>
    private sealed class Capture : IDisposable
    {
        private readonly ActivityCapture _activities = new();

        public CapturingLoggerProvider Logs { get; } = new();

        public List<string> Tags => _activities.Texts;

        public void AssertNoSecret(List<string> texts, int expectedActivities)
        {
            var activities = _activities.Stopped.Count;

            Assert.Multiple(() =>
            {
                Assert.That(activities, Is.EqualTo(expectedActivities));
                Assert.That(Logs.Lines, Is.Not.Empty);
                foreach (var body in Bodies)
                {
                    Assert.That(texts, Has.None.Contains(body), "exceptions");
                    Assert.That(Logs.Lines, Has.None.Contains(body), "logs");
                    Assert.That(Tags, Has.None.Contains(body), "activity tags");
                }
            });
        }

        public void Dispose()
        {
            _activities.Dispose();
            Logs.Dispose();
        }
    }
}
