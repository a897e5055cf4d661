using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Stripe.Connect.Client.Tests.Webhooks.WebhookTestData;

namespace Stripe.Connect.Client.Tests.Webhooks;

public class WebhookVerifierTests
{
    private static StripeWebhookVerifier Verifier(Action<StripeWebhookOptions>? configure = null, TimeProvider? time = null)
    {
        var options = new StripeWebhookOptions { Secrets = { EndpointSecret } };
        configure?.Invoke(options);
        return new StripeWebhookVerifier(options, time ?? Clock());
    }

    [Test]
    public void The_verifier_accepts_string_and_bytes_and_refuses_a_wrong_signature()
    {
        var verifier = Verifier();
        var payload = EventJson();

        Assert.Multiple(() =>
        {
            Assert.That(verifier.ConstructEvent(payload, Header(payload)).Id, Is.EqualTo("evt_1Test"));
            Assert.That(verifier.ConstructEvent(Encoding.UTF8.GetBytes(payload), Header(payload)).Id, Is.EqualTo("evt_1Test"));
            var ex = Assert.Throws<SignatureVerificationException>(() => verifier.ConstructEvent(payload, Header(payload, WrongSecret)));
            Assert.That(ex!.Reason, Is.EqualTo(SignatureVerificationFailure.SignatureMismatch));
        });
    }

    [Test]
    public void The_verifier_applies_its_tolerance_rotation_and_api_version()
    {
        var verifier = Verifier(o =>
        {
            o.Secrets.Add(OldSecret);
            o.Tolerance = TimeSpan.FromSeconds(30);
            o.ExpectedApiVersion = ConnectClientOptions.DefaultApiVersion;
        });
        var payload = EventJson();
        var old = EventJson(apiVersion: "2020-08-27");

        Assert.Multiple(() =>
        {
            Assert.That(verifier.ConstructEvent(payload, Header(payload, OldSecret)).Id, Is.EqualTo("evt_1Test"));
            Assert.That(
                Assert.Throws<SignatureVerificationException>(() => verifier.ConstructEvent(payload, Header(payload, timestamp: NowSeconds - 31)))!.Reason,
                Is.EqualTo(SignatureVerificationFailure.TimestampTooOld));
            Assert.That(
                Assert.Throws<SignatureVerificationException>(() => verifier.ConstructEvent(old, Header(old)))!.Reason,
                Is.EqualTo(SignatureVerificationFailure.ApiVersionMismatch));
        });
    }

    [Test]
    public async Task The_stream_form_reads_the_body_unchanged()
    {
        var verifier = Verifier();
        var payload = EventJson(objectJson: """{"id":"acct_1","object":"account","business_profile":{"name":"Zoë"}}""");
        await using var body = new MemoryStream(Encoding.UTF8.GetBytes(payload));

        var evt = await verifier.ConstructEventAsync(body, Header(payload));

        Assert.That(evt.Id, Is.EqualTo("evt_1Test"));
    }

    [Test]
    public async Task The_stream_form_reads_a_body_larger_than_its_first_buffer()
    {
        var verifier = Verifier();
        var padding = new string('x', 100_000);
        var payload = EventJson(objectJson: $$"""{"id":"acct_1","object":"account","padding":"{{padding}}"}""");
        await using var body = new MemoryStream(Encoding.UTF8.GetBytes(payload));

        var evt = await verifier.ConstructEventAsync(body, Header(payload));

        Assert.That(evt.Id, Is.EqualTo("evt_1Test"));
    }

    [Test]
    public void The_stream_form_refuses_an_oversized_body()
    {
        var verifier = Verifier();
        var body = new MemoryStream(new byte[StripeWebhookVerifier.MaxPayloadBytes + 1]);

        var ex = Assert.ThrowsAsync<SignatureVerificationException>(() => verifier.ConstructEventAsync(body, "t=1,v1=00"));

        Assert.That(ex!.Reason, Is.EqualTo(SignatureVerificationFailure.InvalidPayload));
    }

    [Test]
    public void Options_and_verifier_describe_themselves_without_secrets()
    {
        var options = new StripeWebhookOptions { Secrets = { EndpointSecret, OldSecret } };
        var verifier = new StripeWebhookVerifier(options);

        Assert.Multiple(() =>
        {
            Assert.That(options.ToString(), Does.Contain("2 configured").And.Not.Contain(EndpointSecret).And.Not.Contain(OldSecret));
            Assert.That(verifier.ToString(), Does.Contain("2 configured").And.Not.Contain(EndpointSecret).And.Not.Contain(OldSecret));
        });
    }

    [Test]
    public void Invalid_options_are_refused_with_messages_naming_the_setting()
    {
        Assert.Multiple(() =>
        {
            var none = Assert.Throws<ArgumentException>(() => new StripeWebhookVerifier(new StripeWebhookOptions()));
            Assert.That(none!.Message, Does.Contain("StripeWebhookOptions.Secrets"));
            var zero = Assert.Throws<ArgumentException>(() => Verifier(o => o.Tolerance = TimeSpan.Zero));
            Assert.That(zero!.Message, Does.Contain("StripeWebhookOptions.Tolerance"));
            var blank = Assert.Throws<ArgumentException>(() => Verifier(o => o.ExpectedApiVersion = " "));
            Assert.That(blank!.Message, Does.Contain("StripeWebhookOptions.ExpectedApiVersion"));
        });
    }

    [Test]
    public void Dependency_injection_binds_configuration_and_uses_the_registered_clock()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["StripeWebhooks:Secrets:0"] = EndpointSecret,
                ["StripeWebhooks:Secrets:1"] = OldSecret,
                ["StripeWebhooks:Tolerance"] = "00:01:00",
            })
            .Build();
        var time = Clock();
        using var provider = new ServiceCollection()
            .AddSingleton<TimeProvider>(time)
            .AddStripeWebhookVerifier(configuration.GetSection("StripeWebhooks"))
            .BuildServiceProvider();
        var verifier = provider.GetRequiredService<StripeWebhookVerifier>();
        var payload = EventJson();
        var header = Header(payload, OldSecret);

        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredService<StripeWebhookVerifier>(), Is.SameAs(verifier));
            Assert.That(verifier.ConstructEvent(payload, header).Id, Is.EqualTo("evt_1Test"));
        });

        time.Advance(TimeSpan.FromSeconds(61));
        Assert.That(
            Assert.Throws<SignatureVerificationException>(() => verifier.ConstructEvent(payload, header))!.Reason,
            Is.EqualTo(SignatureVerificationFailure.TimestampTooOld));
    }

    [Test]
    public void Dependency_injection_validates_the_options_without_showing_secrets()
    {
        using var provider = new ServiceCollection()
            .AddStripeWebhookVerifier(o =>
            {
                o.Secrets.Add(EndpointSecret);
                o.Tolerance = TimeSpan.FromSeconds(-1);
            })
            .BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<StripeWebhookVerifier>());

        Assert.That(ex!.Message, Does.Contain("StripeWebhookOptions.Tolerance").And.Not.Contain(EndpointSecret));
    }
}
