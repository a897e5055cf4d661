using System.Net;
using System.Reflection;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Http;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

/// <summary>The three rooms of a call: preparation (one entry point), resilience, the attempt.</summary>
public class PipelineRoomTests
{
    [Test]
    public void Preparation_has_one_entry_point_and_the_prepared_request_needs_nothing_passed_back()
    {
        var prepare = typeof(RequestPreparer).GetMethods(BindingFlags.Public | BindingFlags.Instance).Where(m => m.Name == nameof(RequestPreparer.Prepare)).ToList();
        var createMessage = typeof(PreparedRequest).GetMethod(nameof(PreparedRequest.CreateMessage))!;
        var writable = typeof(PreparedRequest).GetProperties().Where(p => p.SetMethod is { IsPublic: true } setter && !IsInitOnly(setter)).Select(p => p.Name);

        Assert.Multiple(() =>
        {
            Assert.That(prepare, Has.Count.EqualTo(1), "no overloads to be ambiguous with null");
            Assert.That(createMessage.GetParameters(), Is.Empty, "no defaults passed back in");
            Assert.That(writable, Is.Empty, "immutable: no counters on it");
            Assert.That(typeof(ConnectPipeline).GetProperty("TimeProvider"), Is.Null);
            Assert.That(typeof(ConnectPipeline).GetProperty("UserAgent"), Is.Null);
        });

        static bool IsInitOnly(MethodInfo setter) =>
            setter.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(System.Runtime.CompilerServices.IsExternalInit));
    }

    [Test]
    public void A_prepared_request_builds_the_same_message_every_time_with_the_callers_overrides_applied()
    {
        var preparer = new RequestPreparer(new ConnectClientOptions { ApiKey = TestClients.ApiKey, StripeAccount = "acct_default", AppInfo = new AppInfo { Name = "Platform" } });
        var request = preparer.Prepare(HttpMethod.Post, "/v1/account_links", null, TestClients.LinkRequest(), new RequestOptions { ApiKey = "rk_test_override", StripeAccount = "acct_call" });

        using var first = request.CreateMessage();
        using var second = request.CreateMessage();

        Assert.Multiple(() =>
        {
            Assert.That(Headers(first), Is.EqualTo(Headers(second)));
            Assert.That(first.Headers.GetValues("Authorization").Single(), Is.EqualTo("Bearer rk_test_override"));
            Assert.That(first.Headers.GetValues("Stripe-Account").Single(), Is.EqualTo("acct_call"));
            Assert.That(first.Headers.GetValues("Idempotency-Key").Single(), Is.EqualTo(request.IdempotencyKey));
            Assert.That(first.Headers.UserAgent.ToString(), Does.Contain("Platform"));
            Assert.That(first.Content!.ReadAsStringAsync().Result, Is.EqualTo(second.Content!.ReadAsStringAsync().Result));
            Assert.That(request.ToString(), Is.EqualTo("POST /v1/account_links"), "never the key");
        });

        static string Headers(HttpRequestMessage message) => string.Join("\n", message.Headers.Select(h => h.Key + ": " + string.Join(",", h.Value)));
    }

    [Test]
    public async Task A_raw_request_goes_through_the_same_encoding_as_a_typed_one()
    {
        var bodies = new List<string>();
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(async request =>
        {
            bodies.Add(await request.Content!.ReadAsStringAsync());
            return TestClients.Json(HttpStatusCode.OK, TestClients.LinkJson);
        });
        using var client = TestClients.Create(mock);
        var typed = TestClients.LinkRequest() with { Expand = ["account"] };

        await client.AccountLinks.CreateAsync(typed);
        await client.RawRequestAsync(HttpMethod.Post, "/v1/account_links",
        [
            new("account", "acct_123"),
            new("expand[]", "account"),
            new("refresh_url", "https://platform.example/refresh"),
            new("return_url", "https://platform.example/return"),
            new("type", "account_onboarding"),
        ]);

        Assert.That(bodies[1], Is.EqualTo(bodies[0]));
    }
}
