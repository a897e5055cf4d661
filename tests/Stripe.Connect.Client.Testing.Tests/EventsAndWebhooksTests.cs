using System.Net;
using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Tests;

public class EventsAndWebhooksTests : ApiTestBase
{
    private const string Url = "https://platform.example/stripe/webhooks";

    private async Task<(string Id, string Secret)> Endpoint(string form)
    {
        var created = await Post("/v1/webhook_endpoints", form);
        Assert.That(created.Status, Is.EqualTo(HttpStatusCode.OK), created.Json.ToJsonString());
        return (created.Str("id"), created.Str("secret"));
    }

    [Test]
    public async Task Webhook_endpoints_are_created_with_a_secret_shown_once_updated_listed_and_deleted()
    {
        var (id, secret) = await Endpoint($"url={Uri.EscapeDataString(Url)}&enabled_events[]=payout.paid&description=Payouts&metadata[team]=finance");

        var fetched = await Get($"/v1/webhook_endpoints/{id}");
        var updated = await Post($"/v1/webhook_endpoints/{id}", "disabled=true&enabled_events[]=*");
        var list = await Get("/v1/webhook_endpoints");
        var deleted = await Delete($"/v1/webhook_endpoints/{id}");
        var gone = await Get($"/v1/webhook_endpoints/{id}");

        Assert.Multiple(() =>
        {
            Assert.That(secret, Does.StartWith("whsec_"));
            Assert.That(fetched.Json.ContainsKey("secret"), Is.False, "the secret is only in the creation's answer");
            Assert.That(fetched.Str("status"), Is.EqualTo("enabled"));
            Assert.That(fetched.Json["metadata"]!["team"]!.GetValue<string>(), Is.EqualTo("finance"));
            Assert.That(updated.Str("status"), Is.EqualTo("disabled"));
            Assert.That(updated.Json["enabled_events"]!.ToJsonString(), Is.EqualTo("""["*"]"""));
            Assert.That(list.Ids, Is.EqualTo(new[] { id }));
            Assert.That(deleted.Bool("deleted"), Is.True);
        });
        AssertError(gone, HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
        AssertError(await Post("/v1/webhook_endpoints", $"url={Uri.EscapeDataString(Url)}"), HttpStatusCode.BadRequest, "invalid_request_error", "parameter_missing", "enabled_events");
        AssertError(await Post("/v1/webhook_endpoints", $"url={Uri.EscapeDataString(Url)}&enabled_events[]=payout.teleported"), HttpStatusCode.BadRequest, "invalid_request_error", null, "enabled_events[0]");
    }

    [Test]
    public async Task State_changes_write_events_that_can_be_listed_filtered_and_retrieved()
    {
        var seller = await CreateAccountWithTransfers();
        Api.FundBalance(5_000);
        var transfer = await Post("/v1/transfers", $"amount=1000&currency=usd&destination={seller}", idempotencyKey: "order-1");
        await Post($"/v1/transfers/{transfer.Str("id")}", "description=Order%201");

        var all = await Get("/v1/events?limit=100");
        var transfers = await Get("/v1/events?type=transfer.*");
        var created = await Get($"/v1/events/{transfers.Ids[^1]}");
        var connected = await Get("/v1/events?limit=100", account: seller);

        Assert.Multiple(() =>
        {
            Assert.That(transfers.Json["data"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()), Is.EqualTo(new[] { "transfer.updated", "transfer.created" }));
            Assert.That(created.Str("type"), Is.EqualTo("transfer.created"));
            Assert.That(created.Json["data"]!["object"]!["id"]!.GetValue<string>(), Is.EqualTo(transfer.Str("id")));
            Assert.That(created.Json["request"]!["idempotency_key"]!.GetValue<string>(), Is.EqualTo("order-1"));
            Assert.That(created.Str("api_version"), Is.EqualTo(InMemoryConnectApi.ApiVersion));
            Assert.That(transfers.Json["data"]![0]!["data"]!["previous_attributes"]!["description"], Is.Null);
            Assert.That(transfers.Json["data"]![0]!["data"]!.AsObject().ContainsKey("previous_attributes"), Is.True);
            Assert.That(all.Json["data"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()), Does.Contain("balance.available"));
            Assert.That(connected.Json["data"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()), Does.Contain("capability.updated"));
            Assert.That(connected.Json["data"]!.AsArray().Select(e => e!["account"]!.GetValue<string>()), Is.All.EqualTo(seller));
        });
        AssertError(await Get("/v1/events/evt_missing"), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
        AssertError(await Get($"/v1/events/{transfers.Ids[0]}", account: seller), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "id");
    }

    [Test]
    public async Task Events_are_delivered_signed_to_a_callback_and_retried_on_a_non_2xx_answer()
    {
        var (_, secret) = await Endpoint($"url={Uri.EscapeDataString(Url)}&enabled_events[]=transfer.created");
        var received = new List<WebhookDelivery>();
        var answers = new Queue<HttpStatusCode>([HttpStatusCode.InternalServerError, HttpStatusCode.OK]);
        Api.Webhooks.RegisterCallback(Url, (delivery, _) =>
        {
            received.Add(delivery);
            return Task.FromResult(answers.Dequeue());
        });
        var seller = await CreateAccountWithTransfers();
        Api.FundBalance(5_000);

        var transfer = await Post("/v1/transfers", $"amount=1000&currency=usd&destination={seller}");
        await Api.Webhooks.WhenIdleAsync();
        var afterFirst = Api.Webhooks.Attempts;
        var pending = await Get("/v1/events?delivery_success=false");
        Time.Advance(TimeSpan.FromMinutes(5));
        await Api.Webhooks.WhenIdleAsync();
        var delivered = await Get("/v1/events?delivery_success=true&type=transfer.created");

        Assert.That(received, Has.Count.EqualTo(2));
        var verified = StripeWebhook.ConstructEvent(received[1].Payload, received[1].SignatureHeader, secret, StripeWebhook.DefaultTolerance, Time);
        Assert.Multiple(() =>
        {
            Assert.That(received.Select(r => r.Attempt), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(received[0].EventType, Is.EqualTo("transfer.created"));
            Assert.That(received[0].Payload, Is.EqualTo(received[1].Payload), "a retry sends the same event");
            Assert.That(verified.Type, Is.EqualTo(StripeEventType.TransferCreated));
            Assert.That(((Transfer)verified.Data.Object).Id, Is.EqualTo(transfer.Str("id")));
            Assert.That(afterFirst, Has.Count.EqualTo(1));
            Assert.That(afterFirst[0].StatusCode, Is.EqualTo(500));
            Assert.That(afterFirst[0].NextRetryAt, Is.EqualTo(Time.GetUtcNow()));
            Assert.That(pending.Ids, Has.Count.EqualTo(1));
            Assert.That(delivered.Ids, Has.Count.EqualTo(1));
            Assert.That(Api.Webhooks.Attempts[^1].Succeeded, Is.True);
        });
    }

    [Test]
    public async Task A_failing_endpoint_is_retried_three_times_over_a_few_hours_then_given_up()
    {
        await Endpoint($"url={Uri.EscapeDataString(Url)}&enabled_events[]=*");
        var attempts = 0;
        Api.Webhooks.RegisterCallback(Url, (_, _) =>
        {
            attempts++;
            return Task.FromResult(HttpStatusCode.ServiceUnavailable);
        });

        await Post("/v1/topups", "amount=100&currency=usd");
        foreach (var delay in new[] { TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromDays(3) })
        {
            await Api.Webhooks.WhenIdleAsync();
            Time.Advance(delay);
        }

        await Api.Webhooks.WhenIdleAsync();
        Assert.Multiple(() =>
        {
            Assert.That(attempts, Is.EqualTo(4));
            Assert.That(Api.Webhooks.Attempts[^1].NextRetryAt, Is.Null);
        });
    }

    [Test]
    public async Task Connect_endpoints_receive_the_events_of_connected_accounts_and_plain_ones_the_platforms_own()
    {
        const string ConnectUrl = "https://platform.example/connect";
        await Endpoint($"url={Uri.EscapeDataString(Url)}&enabled_events[]=*");
        await Endpoint($"url={Uri.EscapeDataString(ConnectUrl)}&enabled_events[]=*&connect=true");
        var platform = new List<string>();
        var connect = new List<string>();
        Api.Webhooks.RegisterCallback(Url, (d, _) => { platform.Add(d.EventType); return Task.FromResult(HttpStatusCode.OK); });
        Api.Webhooks.RegisterCallback(ConnectUrl, (d, _) => { connect.Add(d.EventType); return Task.FromResult(HttpStatusCode.OK); });

        var seller = await CreateAccountWithTransfers();
        await Post("/v1/topups", "amount=100&currency=usd");
        await Api.Webhooks.WhenIdleAsync();

        Assert.Multiple(() =>
        {
            Assert.That(platform, Is.EqualTo(new[] { "topup.created" }));
            Assert.That(connect, Does.Contain("capability.updated"));
            Assert.That(connect, Does.Not.Contain("topup.created"));
        });
    }

    [Test]
    public async Task Oauth_codes_become_tokens_that_act_for_the_account_once_and_deauthorize_disconnects_it()
    {
        var code = Api.CreateOAuthAuthorizationCode();

        var token = await Post("/oauth/token", $"grant_type=authorization_code&code={code}");
        var reused = await Post("/oauth/token", $"grant_type=authorization_code&code={code}");
        var unknown = await Post("/oauth/token", "grant_type=authorization_code&code=ac_nope");
        var badGrant = await Post("/oauth/token", "grant_type=password");
        var refreshed = await Post("/oauth/token", $"grant_type=refresh_token&refresh_token={token.Str("refresh_token")}");
        var account = token.Str("stripe_user_id");
        var wrongClient = await Post("/oauth/deauthorize", $"client_id=ca_other&stripe_user_id={account}");
        var deauthorized = await Post("/oauth/deauthorize", $"client_id={Api.ClientId}&stripe_user_id={account}");
        var afterwards = await Get("/v1/account", account: account);

        Assert.Multiple(() =>
        {
            Assert.That(token.Str("access_token"), Does.StartWith("sk_test_"));
            Assert.That(token.Str("refresh_token"), Does.StartWith("rt_"));
            Assert.That(token.Str("stripe_publishable_key"), Does.StartWith("pk_test_"));
            Assert.That(token.Str("token_type"), Is.EqualTo("bearer"));
            Assert.That(token.Str("scope"), Is.EqualTo("read_write"));
            Assert.That(account, Does.StartWith("acct_"));
            Assert.That(reused.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(reused.Str("error"), Is.EqualTo("invalid_grant"));
            Assert.That(reused.Str("error_description"), Does.Contain("already been used"));
            Assert.That(unknown.Str("error"), Is.EqualTo("invalid_grant"));
            Assert.That(badGrant.Str("error"), Is.EqualTo("unsupported_grant_type"));
            Assert.That(refreshed.Str("error"), Is.EqualTo("invalid_grant"), "the reused code revoked what it gave");
            Assert.That(wrongClient.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(wrongClient.Str("error"), Is.EqualTo("invalid_client"));
            Assert.That(deauthorized.Str("stripe_user_id"), Is.EqualTo(account));
            Assert.That(afterwards.Status, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task An_oauth_access_token_is_an_api_key_for_its_account()
    {
        var code = Api.CreateOAuthAuthorizationCode();
        var token = await Post("/oauth/token", $"grant_type=authorization_code&code={code}");
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Str("access_token"));

        var current = await Get("/v1/account");

        Assert.That(current.Str("id"), Is.EqualTo(token.Str("stripe_user_id")));
        Http.DefaultRequestHeaders.Authorization = null;
        var noKey = await Post("/oauth/token", $"grant_type=refresh_token&refresh_token={token.Str("refresh_token")}");
        Assert.Multiple(() =>
        {
            Assert.That(noKey.Status, Is.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(noKey.Str("error"), Is.EqualTo("invalid_client"));
        });
    }
}
