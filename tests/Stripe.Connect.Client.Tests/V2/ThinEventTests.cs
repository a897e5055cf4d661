using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RichardSzalay.MockHttp;

namespace Stripe.Connect.Client.V2.Core.Tests;

/// <summary>Thin events signed here with HMAC-SHA256, parsed into their classes, dispatched, and fetched in their context.</summary>
public class ThinEventTests
{
    private const string Secret = "whsec_thin_test_secret";
    private static readonly DateTimeOffset Now = new(2026, 10, 30, 9, 41, 30, TimeSpan.Zero);

    private const string CapabilityEvent = """{"id":"evt_1","object":"v2.core.event","type":"v2.core.account[configuration.merchant].capability_status_updated","created":"2026-10-30T09:41:28.052Z","livemode":false,"context":"acct_9","reason":{"type":"request","request":{"id":"req_1","idempotency_key":"key-1"}},"related_object":{"id":"acct_1","type":"v2.core.account","url":"/v2/core/accounts/acct_1"}}""";

    private static string Sign(string payload, long timestamp, string secret = Secret)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var signature = Convert.ToHexStringLower(hmac.ComputeHash(Encoding.UTF8.GetBytes($"{timestamp}.{payload}")));
        return $"t={timestamp},v1={signature}";
    }

    private static string Header(string payload) => Sign(payload, Now.ToUnixTimeSeconds());

    private static FakeTimeProvider Clock() => new(Now);

    [Test]
    public void A_signed_thin_event_reads_into_its_class_with_every_common_field()
    {
        var n = StripeWebhook.ParseEventNotification(CapabilityEvent, Header(CapabilityEvent), Secret, StripeWebhook.DefaultTolerance, Clock());
        Assert.Multiple(() =>
        {
            Assert.That(n, Is.TypeOf<V2CoreAccountIncludingConfigurationMerchantCapabilityStatusUpdatedEventNotification>());
            Assert.That(n.Id, Is.EqualTo("evt_1"));
            Assert.That(n.Type, Is.EqualTo(V2CoreAccountIncludingConfigurationMerchantCapabilityStatusUpdatedEventNotification.EventType));
            Assert.That(n.Created, Is.EqualTo(new DateTimeOffset(2026, 10, 30, 9, 41, 28, 52, TimeSpan.Zero)));
            Assert.That(n.Livemode, Is.False);
            Assert.That(n.Context, Is.EqualTo("acct_9"));
            Assert.That(n.Reason!.Type, Is.EqualTo("request"));
            Assert.That(n.Reason.Request!.IdempotencyKey, Is.EqualTo("key-1"));
            Assert.That(n.RelatedObject, Is.EqualTo(new EventNotificationRelatedObject { Id = "acct_1", Type = "v2.core.account", Url = "/v2/core/accounts/acct_1" }));
        });
    }

    [Test]
    public void Every_overload_verifies_bytes_several_secrets_and_the_injectable_verifier()
    {
        var bytes = Encoding.UTF8.GetBytes(CapabilityEvent);
        var header = Header(CapabilityEvent);
        var options = new StripeWebhookOptions();
        options.Secrets.Add("whsec_old");
        options.Secrets.Add(Secret);
        var verifier = new StripeWebhookVerifier(options, Clock());
        Assert.Multiple(() =>
        {
            Assert.That(StripeWebhook.ParseEventNotification(bytes, header, Secret, StripeWebhook.DefaultTolerance, Clock()).Id, Is.EqualTo("evt_1"));
            Assert.That(StripeWebhook.ParseEventNotification(CapabilityEvent, header, ["whsec_old", Secret], null, Clock()).Id, Is.EqualTo("evt_1"));
            Assert.That(StripeWebhook.ParseEventNotification(bytes, header, ["whsec_old", Secret], TimeSpan.FromMinutes(1), Clock()).Id, Is.EqualTo("evt_1"));
            Assert.That(verifier.ParseEventNotification(CapabilityEvent, header).Id, Is.EqualTo("evt_1"));
            Assert.That(verifier.ParseEventNotification(bytes, header).Id, Is.EqualTo("evt_1"));
        });
    }

    [Test]
    public async Task The_verifier_reads_a_request_body_stream()
    {
        var options = new StripeWebhookOptions();
        options.Secrets.Add(Secret);
        var verifier = new StripeWebhookVerifier(options, Clock());
        using var body = new MemoryStream(Encoding.UTF8.GetBytes(CapabilityEvent));
        var n = await verifier.ParseEventNotificationAsync(body, Header(CapabilityEvent));
        Assert.That(n, Is.TypeOf<V2CoreAccountIncludingConfigurationMerchantCapabilityStatusUpdatedEventNotification>());
    }

    [Test]
    public void A_bad_signature_an_old_timestamp_and_a_wrong_secret_are_refused()
    {
        var tampered = CapabilityEvent.Replace("acct_9", "acct_8", StringComparison.Ordinal);
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<SignatureVerificationException>(() => StripeWebhook.ParseEventNotification(tampered, Header(CapabilityEvent), Secret, StripeWebhook.DefaultTolerance, Clock()))!.Reason,
                Is.EqualTo(SignatureVerificationFailure.SignatureMismatch));
            Assert.That(Assert.Throws<SignatureVerificationException>(() => StripeWebhook.ParseEventNotification(CapabilityEvent, Sign(CapabilityEvent, Now.AddHours(-1).ToUnixTimeSeconds()), Secret, StripeWebhook.DefaultTolerance, Clock()))!.Reason,
                Is.EqualTo(SignatureVerificationFailure.TimestampTooOld));
            Assert.That(() => StripeWebhook.ParseEventNotification(CapabilityEvent, Header(CapabilityEvent), "whsec_other", StripeWebhook.DefaultTolerance, Clock()), Throws.TypeOf<SignatureVerificationException>());
        });
    }

    [Test]
    public void A_snapshot_payload_and_a_thin_payload_name_the_right_method()
    {
        var snapshot = """{"id":"evt_2","object":"event","type":"account.updated","api_version":"2026-10-28.endive","created":1700000000,"data":{"object":{"id":"acct_1","object":"account"}}}""";
        var toThin = Assert.Throws<SignatureVerificationException>(() => StripeWebhook.ParseEventNotification(snapshot, Header(snapshot), Secret, StripeWebhook.DefaultTolerance, Clock()));
        var toSnapshot = Assert.Throws<SignatureVerificationException>(() => StripeWebhook.ConstructEvent(CapabilityEvent, Header(CapabilityEvent), Secret, StripeWebhook.DefaultTolerance, Clock()));
        Assert.Multiple(() =>
        {
            Assert.That(toThin!.Message, Does.Contain("ConstructEvent"));
            Assert.That(toThin.Reason, Is.EqualTo(SignatureVerificationFailure.InvalidPayload));
            Assert.That(toSnapshot!.Message, Does.Contain("ParseEventNotification"));
        });
    }

    [Test]
    public void An_unknown_type_is_an_UnknownEventNotification_and_every_known_type_has_its_class()
    {
        var payload = """{"id":"evt_3","object":"v2.core.event","type":"v2.money_management.thing.happened","created":"2026-10-30T09:41:28Z","livemode":true,"related_object":{"id":"thing_1","type":"v2.thing","url":"/v2/things/thing_1"}}""";
        var n = StripeWebhook.ParseEventNotification(payload, Header(payload), Secret, StripeWebhook.DefaultTolerance, Clock());
        Assert.Multiple(() =>
        {
            Assert.That(n, Is.TypeOf<UnknownEventNotification>());
            Assert.That(n.Livemode, Is.True);
            Assert.That(EventNotificationTypes.Known, Has.Count.EqualTo(47));
            Assert.That(EventNotificationTypes.Known.Select(t => EventNotificationTypes.Create(t)).Where(x => x is UnknownEventNotification), Is.Empty);
            Assert.That(EventNotificationTypes.Known.Select(t => EventNotificationTypes.Create(t).GetType()).Distinct().Count(), Is.EqualTo(47));
        });
    }

    [Test]
    public async Task Fetching_sends_the_events_context_and_reads_typed_data_and_the_related_object()
    {
        var sent = new List<(string Path, string? Context)>();
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(request =>
        {
            sent.Add((request.RequestUri!.AbsolutePath, request.Headers.TryGetValues("Stripe-Context", out var c) ? c.Single() : null));
            var json = request.RequestUri.AbsolutePath.StartsWith("/v2/core/events/", StringComparison.Ordinal)
                ? CapabilityEvent.Replace("\"related_object\"", "\"data\":{\"updated_capability\":\"card_payments\"},\"related_object\"", StringComparison.Ordinal)
                : """{"id":"acct_1","object":"v2.core.account","created":"2026-10-29T14:02:11.517Z","display_name":"Shop"}""";
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        });
        using var client = new ConnectClient(new ConnectClientOptions { ApiKey = "sk_test_1", StripeAccount = "acct_default" }, mock.ToHttpClient());
        var n = (V2CoreAccountIncludingConfigurationMerchantCapabilityStatusUpdatedEventNotification)StripeWebhook.ParseEventNotification(CapabilityEvent, Header(CapabilityEvent), Secret, StripeWebhook.DefaultTolerance, Clock());

        var fetched = await n.FetchEventAsync(client);
        var account = await n.FetchRelatedObjectAsync(client);
        var untyped = await ((EventNotification)n).FetchEventAsync(client);
        Assert.Multiple(() =>
        {
            Assert.That(fetched.Data.UpdatedCapability, Is.EqualTo("card_payments"));
            Assert.That(fetched.Event.Id, Is.EqualTo("evt_1"));
            Assert.That(untyped.Data!.Value.GetProperty("updated_capability").GetString(), Is.EqualTo("card_payments"));
            Assert.That(account, Is.TypeOf<Account>());
            Assert.That(account.DisplayName, Is.EqualTo("Shop"));
            Assert.That(sent, Is.EqualTo(new[] { ("/v2/core/events/evt_1", (string?)"acct_9"), ("/v2/core/accounts/acct_1", "acct_9"), ("/v2/core/events/evt_1", "acct_9") }));
        });
    }

    [Test]
    public async Task A_v1_thin_event_fetches_its_v1_object()
    {
        var payload = """{"id":"evt_4","object":"v2.core.event","type":"v1.transfer.created","created":"2026-11-02T03:12:44.775Z","livemode":false,"context":"acct_7","related_object":{"id":"tr_1","type":"transfer","url":"/v1/transfers/tr_1"}}""";
        string? context = null;
        var mock = new MockHttpMessageHandler();
        mock.When("https://api.stripe.com/v1/transfers/tr_1").Respond(request =>
        {
            context = request.Headers.GetValues("Stripe-Context").Single();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("""{"id":"tr_1","object":"transfer","amount":1100,"currency":"usd","created":1700000000}""", Encoding.UTF8, "application/json") };
        });
        using var client = new ConnectClient(new ConnectClientOptions { ApiKey = "sk_test_1" }, mock.ToHttpClient());
        var n = (V1TransferCreatedEventNotification)StripeWebhook.ParseEventNotification(payload, Header(payload), Secret, StripeWebhook.DefaultTolerance, Clock());
        Stripe.Connect.Client.Transfer transfer = await n.FetchRelatedObjectAsync(client);
        Assert.Multiple(() =>
        {
            Assert.That(transfer.Amount, Is.EqualTo(1100));
            Assert.That(context, Is.EqualTo("acct_7"));
        });
    }

    [Test]
    public async Task The_dispatcher_runs_typed_handlers_handlers_by_type_and_the_fallback()
    {
        var seen = new List<string>();
        var dispatcher = new EventNotificationDispatcher()
            .On<V2CoreAccountIncludingConfigurationMerchantCapabilityStatusUpdatedEventNotification>((n, _) => { seen.Add("typed " + n.RelatedObject!.Id); return Task.CompletedTask; })
            .On("v2.money_management.thing.happened", (n, _) => { seen.Add("by type " + n.Id); return Task.CompletedTask; })
            .OnUnhandled((n, _) => { seen.Add("fallback " + n.Type); return Task.CompletedTask; });

        var unknown = """{"id":"evt_5","object":"v2.core.event","type":"v2.money_management.thing.happened","created":"2026-10-30T09:41:28Z"}""";
        var ping = """{"id":"evt_6","object":"v2.core.event","type":"v2.core.event_destination.ping","created":"2026-10-30T09:41:28Z"}""";
        Assert.That(await dispatcher.DispatchAsync(StripeWebhook.ParseEventNotification(CapabilityEvent, Header(CapabilityEvent), Secret, StripeWebhook.DefaultTolerance, Clock())), Is.True);
        Assert.That(await dispatcher.DispatchAsync(StripeWebhook.ParseEventNotification(unknown, Header(unknown), Secret, StripeWebhook.DefaultTolerance, Clock())), Is.True);
        Assert.That(await dispatcher.DispatchAsync(StripeWebhook.ParseEventNotification(ping, Header(ping), Secret, StripeWebhook.DefaultTolerance, Clock())), Is.False);
        Assert.That(seen, Is.EqualTo(new[] { "typed acct_1", "by type evt_5", "fallback v2.core.event_destination.ping" }));
    }

    [Test]
    public async Task The_dispatcher_comes_from_dependency_injection_with_handlers_that_resolve_services()
    {
        var services = new ServiceCollection();
        services.AddSingleton<List<string>>();
        services.AddEventNotificationDispatcher((sp, d) => d.On<V2CoreEventDestinationPingEventNotification>((n, _) =>
        {
            sp.GetRequiredService<List<string>>().Add(n.Id);
            return Task.CompletedTask;
        }));
        using var provider = services.BuildServiceProvider();
        var ping = """{"id":"evt_7","object":"v2.core.event","type":"v2.core.event_destination.ping","created":"2026-10-30T09:41:28Z"}""";
        await provider.GetRequiredService<EventNotificationDispatcher>().DispatchAsync(StripeWebhook.ParseEventNotification(ping, Header(ping), Secret, StripeWebhook.DefaultTolerance, Clock()));
        Assert.That(provider.GetRequiredService<List<string>>(), Is.EqualTo(new[] { "evt_7" }));
    }
}
