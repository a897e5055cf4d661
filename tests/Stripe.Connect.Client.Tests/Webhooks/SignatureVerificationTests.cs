using System.Text;
using System.Text.Json;
using static Stripe.Connect.Client.Tests.Webhooks.WebhookTestData;

namespace Stripe.Connect.Client.Tests.Webhooks;

public class SignatureVerificationTests
{
    private static readonly string[] AllSecrets = [EndpointSecret, OldSecret, WrongSecret];

    private static SignatureVerificationException Refused(string payload, string? header, params string[] secrets)
    {
        var ex = Assert.Throws<SignatureVerificationException>(() => StripeWebhook.ConstructEvent(payload, header, secrets, null, Clock()))!;
        foreach (var secret in AllSecrets)
        {
            Assert.That(ex.Message, Does.Not.Contain(secret), "a secret leaked into the message");
            Assert.That(ex.ToString(), Does.Not.Contain(secret), "a secret leaked into ToString");
        }

        return ex;
    }

    [Test]
    public void A_valid_request_gives_the_event_with_every_envelope_field()
    {
        var payload = EventJson(previousAttributes: """{"charges_enabled":false}""");

        var evt = StripeWebhook.ConstructEvent(payload, Header(payload), EndpointSecret, StripeWebhook.DefaultTolerance, Clock());

        Assert.Multiple(() =>
        {
            Assert.That(evt.Id, Is.EqualTo("evt_1Test"));
            Assert.That(evt.Object, Is.EqualTo("event"));
            Assert.That(evt.Type, Is.EqualTo(StripeEventType.AccountUpdated));
            Assert.That(evt.Created, Is.EqualTo(DateTimeOffset.FromUnixTimeSeconds(1768478400)));
            Assert.That(evt.Livemode, Is.False);
            Assert.That(evt.ApiVersion, Is.EqualTo(ConnectClientOptions.DefaultApiVersion));
            Assert.That(evt.Account, Is.EqualTo("acct_1Test"));
            Assert.That(evt.PendingWebhooks, Is.EqualTo(2));
            Assert.That(evt.Request, Is.EqualTo(new StripeEventRequest { Id = "req_1Test", IdempotencyKey = "ik-123" }));
            Assert.That(evt.Data.PreviousAttributes?.GetProperty("charges_enabled").GetBoolean(), Is.False);
            Assert.That(evt.ToString(), Is.EqualTo("event evt_1Test account.updated on acct_1Test"));
        });
    }

    [Test]
    public void The_default_overload_uses_the_system_clock()
    {
        var payload = EventJson();
        var header = Header(payload, timestamp: DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        Assert.That(StripeWebhook.ConstructEvent(payload, header, EndpointSecret).Id, Is.EqualTo("evt_1Test"));
    }

    [Test]
    public void The_bytes_overload_verifies_the_exact_bytes()
    {
        var payload = EventJson();
        var bytes = Encoding.UTF8.GetBytes(payload);

        var evt = StripeWebhook.ConstructEvent(bytes, Header(payload), EndpointSecret, StripeWebhook.DefaultTolerance, Clock());

        Assert.That(evt.Id, Is.EqualTo("evt_1Test"));
    }

    [Test]
    public void Non_ascii_text_is_signed_as_utf8_in_both_overloads()
    {
        var payload = EventJson(objectJson: """{"id":"acct_1","object":"account","business_profile":{"name":"Café Zoë ✓"}}""");
        var header = Header(payload);

        Assert.Multiple(() =>
        {
            Assert.That(StripeWebhook.ConstructEvent(payload, header, EndpointSecret, StripeWebhook.DefaultTolerance, Clock()).Id, Is.EqualTo("evt_1Test"));
            Assert.That(StripeWebhook.ConstructEvent(Encoding.UTF8.GetBytes(payload), header, EndpointSecret, StripeWebhook.DefaultTolerance, Clock()).Id, Is.EqualTo("evt_1Test"));
        });
    }

    [Test]
    public void A_tampered_payload_is_refused()
    {
        var payload = EventJson();
        var header = Header(payload);
        var tampered = payload.Replace("\"livemode\": false", "\"livemode\": true", StringComparison.Ordinal);
        Assume.That(tampered, Is.Not.EqualTo(payload));

        Assert.That(Refused(tampered, header, EndpointSecret).Reason, Is.EqualTo(SignatureVerificationFailure.SignatureMismatch));
    }

    [Test]
    public void A_reserialized_body_is_refused_and_the_message_says_why()
    {
        var payload = EventJson();
        var header = Header(payload);
        using var document = JsonDocument.Parse(payload);
        var reserialized = JsonSerializer.Serialize(document.RootElement, Stripe.Connect.Client.Json.CoreJsonContext.Default.JsonElement);
        Assume.That(reserialized, Is.Not.EqualTo(payload));

        var ex = Refused(reserialized, header, EndpointSecret);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Reason, Is.EqualTo(SignatureVerificationFailure.SignatureMismatch));
            Assert.That(ex.Message, Does.Contain("raw request body"));
        });
    }

    [Test]
    public void A_wrong_secret_is_refused_without_showing_any_secret()
    {
        var payload = EventJson();

        var ex = Refused(payload, Header(payload, WrongSecret), EndpointSecret);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Reason, Is.EqualTo(SignatureVerificationFailure.SignatureMismatch));
            Assert.That(ex.Timestamp, Is.EqualTo(Now));
        });
    }

    [Test]
    public void While_rolling_a_secret_either_secret_is_accepted()
    {
        var payload = EventJson();
        var time = Clock();

        Assert.Multiple(() =>
        {
            Assert.That(StripeWebhook.ConstructEvent(payload, Header(payload, OldSecret), [EndpointSecret, OldSecret], null, time).Id, Is.EqualTo("evt_1Test"));
            Assert.That(StripeWebhook.ConstructEvent(payload, Header(payload, EndpointSecret), [EndpointSecret, OldSecret], null, time).Id, Is.EqualTo("evt_1Test"));
            Assert.That(Refused(payload, Header(payload, WrongSecret), EndpointSecret, OldSecret).Reason, Is.EqualTo(SignatureVerificationFailure.SignatureMismatch));
        });
    }

    [Test]
    public void Any_of_several_v1_signatures_may_match()
    {
        var payload = EventJson();
        var t = NowSeconds;
        var header = $"t={t},v1={Sign(payload, WrongSecret, t)},v1={Sign(payload, OldSecret, t)}";

        Assert.Multiple(() =>
        {
            Assert.That(StripeWebhook.ConstructEvent(payload, header, [OldSecret], null, Clock()).Id, Is.EqualTo("evt_1Test"));
            Assert.That(Refused(payload, header, EndpointSecret).Reason, Is.EqualTo(SignatureVerificationFailure.SignatureMismatch));
        });
    }

    [Test]
    public void Other_schemes_are_ignored_and_v0_alone_is_not_enough()
    {
        var payload = EventJson();
        var t = NowSeconds;
        var valid = Sign(payload, EndpointSecret, t);

        Assert.Multiple(() =>
        {
            // A v0 item (even one that would match) counts for nothing; the v1 item decides.
            Assert.That(StripeWebhook.ConstructEvent(payload, $"t={t},v0={valid},v1={valid},v9=x", [EndpointSecret], null, Clock()).Id, Is.EqualTo("evt_1Test"));
            Assert.That(Refused(payload, $"t={t},v0={valid}", EndpointSecret).Reason, Is.EqualTo(SignatureVerificationFailure.NoV1Signature));
            Assert.That(Refused(payload, $"t={t},v0={valid},v1={Sign(payload, WrongSecret, t)}", EndpointSecret).Reason, Is.EqualTo(SignatureVerificationFailure.SignatureMismatch));
        });
    }

    [Test]
    public void Spaces_around_items_and_upper_case_hex_are_accepted()
    {
        var payload = EventJson();
        var t = NowSeconds;
        var header = $" t={t} , v1={Sign(payload, EndpointSecret, t).ToUpperInvariant()} ";

        Assert.That(StripeWebhook.ConstructEvent(payload, header, [EndpointSecret], null, Clock()).Id, Is.EqualTo("evt_1Test"));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void A_missing_header_is_refused(string? header) =>
        Assert.That(Refused(EventJson(), header, EndpointSecret).Reason, Is.EqualTo(SignatureVerificationFailure.MissingHeader));

    [TestCase("garbage")]
    [TestCase("v1=abcdef")]
    [TestCase("t=,v1=abcdef")]
    [TestCase("t=abc,v1=abcdef")]
    [TestCase("t=-5,v1=abcdef")]
    [TestCase("t=99999999999999999999,v1=abcdef")]
    [TestCase("t=1768478400,t=1768478400,v1=abcdef")]
    [TestCase("t=1768478400,v1")]
    [TestCase("t=1768478400,=x,v1=abcdef")]
    public void A_malformed_header_is_refused(string header) =>
        Assert.That(Refused(EventJson(), header, EndpointSecret).Reason, Is.EqualTo(SignatureVerificationFailure.MalformedHeader));

    [Test]
    public void An_overlong_header_is_refused_before_any_work()
    {
        var payload = EventJson();
        var header = Header(payload) + string.Concat(Enumerable.Repeat(",v0=" + new string('a', 64), 80));

        var ex = Refused(payload, header, EndpointSecret);

        Assert.Multiple(() =>
        {
            Assert.That(ex.Reason, Is.EqualTo(SignatureVerificationFailure.MalformedHeader));
            Assert.That(ex.Message, Does.Contain("4096"));
        });
    }

    [TestCase("zz")]
    [TestCase("0123")]
    public void A_v1_that_is_not_a_64_digit_hex_string_never_matches(string v1) =>
        Assert.That(Refused(EventJson(), $"t={NowSeconds},v1={v1}", EndpointSecret).Reason, Is.EqualTo(SignatureVerificationFailure.SignatureMismatch));

    [TestCase(-299, true)]
    [TestCase(-300, true)]
    [TestCase(-301, false)]
    [TestCase(299, true)]
    [TestCase(300, true)]
    [TestCase(301, false)]
    public void The_timestamp_must_be_within_the_default_tolerance(int offsetSeconds, bool accepted)
    {
        var payload = EventJson();
        var header = Header(payload, timestamp: NowSeconds + offsetSeconds);

        if (accepted)
        {
            Assert.That(StripeWebhook.ConstructEvent(payload, header, [EndpointSecret], null, Clock()).Id, Is.EqualTo("evt_1Test"));
        }
        else
        {
            var ex = Refused(payload, header, EndpointSecret);
            Assert.Multiple(() =>
            {
                Assert.That(ex.Reason, Is.EqualTo(offsetSeconds < 0 ? SignatureVerificationFailure.TimestampTooOld : SignatureVerificationFailure.TimestampInFuture));
                Assert.That(ex.Timestamp, Is.EqualTo(Now.AddSeconds(offsetSeconds)));
            });
        }
    }

    [Test]
    public void The_clock_moving_on_makes_a_captured_request_expire()
    {
        var payload = EventJson();
        var header = Header(payload);
        var time = Clock();
        Assert.That(StripeWebhook.ConstructEvent(payload, header, EndpointSecret, TimeSpan.FromSeconds(10), time).Id, Is.EqualTo("evt_1Test"));

        time.Advance(TimeSpan.FromSeconds(11));

        var ex = Assert.Throws<SignatureVerificationException>(() => StripeWebhook.ConstructEvent(payload, header, EndpointSecret, TimeSpan.FromSeconds(10), time));
        Assert.That(ex!.Reason, Is.EqualTo(SignatureVerificationFailure.TimestampTooOld));
    }

    [Test]
    public void An_infinite_tolerance_skips_the_timestamp_check()
    {
        var payload = EventJson();
        var header = Header(payload, timestamp: NowSeconds - (400L * 24 * 3600));

        var evt = StripeWebhook.ConstructEvent(payload, header, EndpointSecret, Timeout.InfiniteTimeSpan, Clock());

        Assert.That(evt.Id, Is.EqualTo("evt_1Test"));
    }

    [Test]
    public void The_signature_is_checked_before_the_timestamp()
    {
        var payload = EventJson();
        var header = Header(payload, WrongSecret, NowSeconds - 3600);

        Assert.That(Refused(payload, header, EndpointSecret).Reason, Is.EqualTo(SignatureVerificationFailure.SignatureMismatch));
    }

    [Test]
    public void Bad_arguments_are_refused_without_showing_a_secret()
    {
        var payload = EventJson();
        var header = Header(payload);

        Assert.Multiple(() =>
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => StripeWebhook.ConstructEvent(payload, header, EndpointSecret, TimeSpan.Zero));
            Assert.Throws<ArgumentOutOfRangeException>(() => StripeWebhook.ConstructEvent(payload, header, EndpointSecret, TimeSpan.FromSeconds(-1)));
            Assert.Throws<ArgumentException>(() => StripeWebhook.ConstructEvent(payload, header, ""));
            Assert.Throws<ArgumentException>(() => StripeWebhook.ConstructEvent(payload, header, Array.Empty<string>()));
            var ex = Assert.Throws<ArgumentException>(() => StripeWebhook.ConstructEvent(payload, header, [EndpointSecret, " "]));
            Assert.That(ex!.Message, Does.Not.Contain(EndpointSecret));
        });
    }

    [Test]
    public void A_signed_payload_that_is_not_an_event_is_refused()
    {
        const string NotJson = "hello";
        const string Charge = """{"id":"ch_1","object":"charge"}""";
        const string NoData = """{"id":"evt_1","object":"event","type":"account.updated"}""";

        Assert.Multiple(() =>
        {
            Assert.That(Refused(NotJson, Header(NotJson), EndpointSecret).Reason, Is.EqualTo(SignatureVerificationFailure.InvalidPayload));
            Assert.That(Refused(Charge, Header(Charge), EndpointSecret).Reason, Is.EqualTo(SignatureVerificationFailure.InvalidPayload));
            var ex = Refused(NoData, Header(NoData), EndpointSecret);
            Assert.That(ex.Reason, Is.EqualTo(SignatureVerificationFailure.InvalidPayload));
            Assert.That(ex.InnerException, Is.InstanceOf<JsonException>());
        });
    }

    [Test]
    public void The_api_version_check_is_optional_and_explains_a_mismatch()
    {
        var payload = EventJson(apiVersion: "2024-06-20");
        var header = Header(payload);

        Assert.That(StripeWebhook.ConstructEvent(payload, header, [EndpointSecret], null, Clock()).ApiVersion, Is.EqualTo("2024-06-20"));

        var ex = Assert.Throws<SignatureVerificationException>(() =>
            StripeWebhook.ConstructEvent(payload, header, [EndpointSecret], null, Clock(), ConnectClientOptions.DefaultApiVersion))!;
        Assert.Multiple(() =>
        {
            Assert.That(ex.Reason, Is.EqualTo(SignatureVerificationFailure.ApiVersionMismatch));
            Assert.That(ex.Message, Does.Contain("2024-06-20").And.Contain(ConnectClientOptions.DefaultApiVersion).And.Contain("evt_1Test"));
        });

        var current = EventJson();
        Assert.That(
            StripeWebhook.ConstructEvent(current, Header(current), [EndpointSecret], null, Clock(), ConnectClientOptions.DefaultApiVersion).ApiVersion,
            Is.EqualTo(ConnectClientOptions.DefaultApiVersion));
    }
}
