using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stripe.Connect.Client.IntegrationTests.Support;

namespace Stripe.Connect.Client.IntegrationTests;

/// <summary>
/// A server on 127.0.0.1 that echoes secrets in every field of its error and in its Request-Id header: none of them
/// reaches a message, ToString(), RawBody, a log line or an activity tag. And input the SDK refuses never reaches it.
/// </summary>
[NonParallelizable]
public class SecretsAndInputOverSocketTests
{
    private static readonly (string Secret, string Body)[] Echoed =
    [
        ("sk_test_51SocketTestKeyBody", "SocketTestKeyBody"),
        ("rk_live_51SocketRestrictedBody", "SocketRestrictedBody"),
        ("whsec_SocketWebhookBody", "SocketWebhookBody"),
        ("accs_secret__SocketClientSecretBody", "SocketClientSecretBody"),
    ];

    private static readonly string[] Fields = ["type", "code", "param", "decline_code", "doc_url", "message", "request_log_url"];

    private KestrelServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await KestrelServer.StartAsync();

    [OneTimeTearDown]
    public async Task StopServer() => await _server.DisposeAsync();

    [Test]
    public void Secrets_echoed_in_every_error_field_and_the_request_id_never_leave_redacted_form()
    {
        var secrets = Echoed.Select(e => e.Secret).ToArray();
        _server.Reset((context, index) =>
        {
            // Each request echoes every secret, one per field, rotating so each field carries each secret once.
            var fields = Fields.Select((f, i) => $"\"{f}\":\"echo {secrets[(i + index) % secrets.Length]}\"");
            context.Response.Headers["Request-Id"] = "req_" + secrets[index % secrets.Length];
            context.Response.StatusCode = 402;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync("{\"error\":{" + string.Join(",", fields) + "}}");
        });
        var logs = new CapturingLogs();
        var tags = new List<string>();
        using var listener = Listen(tags);
        using var client = new ConnectClient(Clients.NoDelayOptions(_server.Address, retries: 0), null, logs, null);

        var texts = new List<string>();
        for (var call = 0; call < secrets.Length; call++)
        {
            var error = Assert.ThrowsAsync(Is.InstanceOf<StripeException>(), () => client.AccountLinks.CreateAsync(Clients.LinkRequest())) as StripeException;
            texts.AddRange([error!.Message, error.ToString(), error.RawBody ?? string.Empty, error.RequestId ?? string.Empty, error.StripeError?.ToString() ?? string.Empty]);
        }

        Assert.Multiple(() =>
        {
            Assert.That(_server.Requests, Has.Count.EqualTo(secrets.Length));
            Assert.That(logs.Lines, Is.Not.Empty);
            Assert.That(tags, Is.Not.Empty);
            foreach (var (_, body) in Echoed)
            {
                Assert.That(texts, Has.None.Contains(body), "exceptions");
                Assert.That(logs.Lines, Has.None.Contains(body), "logs");
                Assert.That(tags, Has.None.Contains(body), "activity tags");
            }

            Assert.That(texts, Has.Some.Contains("sk_test_***").And.Some.Contains("rk_live_***").And.Some.Contains("whsec_***").And.Some.Contains("accs_secret_***"));
        });
    }

    [TestCase("acct_1 ")]
    [TestCase("acct_1\r\nX-Injected: 1")]
    public void A_bad_per_call_account_never_reaches_the_server(string account)
    {
        _server.Reset((context, _) => KestrelServer.WriteJsonAsync(context, 200, Clients.LinkJson));
        using var client = new ConnectClient(Clients.NoDelayOptions(_server.Address));

        Assert.ThrowsAsync<ArgumentException>(() => client.AccountLinks.CreateAsync(Clients.LinkRequest(), new RequestOptions { StripeAccount = account }));

        Assert.That(_server.Requests, Is.Empty);
    }

    [Test]
    public void A_key_with_a_trailing_line_break_is_refused_with_a_message_that_says_so_and_nothing_is_sent()
    {
        _server.Reset((context, _) => KestrelServer.WriteJsonAsync(context, 200, Clients.LinkJson));
        var options = Clients.NoDelayOptions(_server.Address);
        options.ApiKey = Clients.ApiKey + "\n";

        var error = Assert.Throws<ArgumentException>(() => new ConnectClient(options));

        Assert.That(error!.Message, Does.Contain("white space before or after the key").And.Not.Contain("IntegrationKey"));
        Assert.That(_server.Requests, Is.Empty);
    }

    [Test]
    public void A_misspelled_section_is_named_and_nothing_is_sent()
    {
        _server.Reset((context, _) => KestrelServer.WriteJsonAsync(context, 200, Clients.LinkJson));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StripeConnect:ApiKey"] = Clients.ApiKey,
            ["StripeConnect:BaseAddress"] = _server.Address.AbsoluteUri,
        }).Build();
        var services = new ServiceCollection();
        services.AddConnectClient(configuration.GetSection("StripeConect"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<AccountLinkService>());

        Assert.That(error!.Message, Does.Contain("'StripeConect', which does not exist"));
        Assert.That(_server.Requests, Is.Empty);
    }

    private static ActivityListener Listen(List<string> tags)
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Stripe.Connect.Client",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                lock (tags)
                {
                    tags.AddRange(activity.TagObjects.Select(t => $"{t.Key}={t.Value}"));
                    tags.Add(activity.StatusDescription ?? string.Empty);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }
}
