// Receiving Connect webhooks safely: verify the Stripe-Signature header over the exact bytes received,
// then dispatch on the typed event. The events here are built and signed locally, the way Stripe signs
// them, so the sample runs without a webhook endpoint. Events a handler missed are listed through the API and
// replayed through the same handler: they are the same typed StripeEvent.
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Stripe.Connect.Client;
using Stripe.Connect.Client.Samples;

// In a real app this comes from configuration (the endpoint's signing secret in the dashboard).
var endpointSecret = "whsec_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();

return await SampleHost.RunAsync("Webhooks", args, async (services, context) =>
{
    var client = services.GetRequiredService<ConnectClient>();
    var verifier = services.GetRequiredService<StripeWebhookVerifier>();

    // A connected account to report on; the event carries the fields a handler reads.
    var account = await client.Accounts.CreateAsync(new AccountCreateRequest { Controller = AccountControllerInput.Express, Country = "US", Email = "seller@market.example" });
    var accountJson = AccountJson(account);

    var payload = BuildEvent("evt_sample_1", "account.updated", account.Id, accountJson);
    var header = Sign(payload, endpointSecret, DateTimeOffset.UtcNow);

    var stripeEvent = verifier.ConstructEvent(payload, header);
    Dispatch(stripeEvent);

    // What a handler must refuse: a body that was changed (or re-serialized) after Stripe signed it.
    var tampered = payload.Replace("seller@market.example", "attacker@evil.example", StringComparison.Ordinal);
    try
    {
        verifier.ConstructEvent(tampered, header);
        throw new InvalidOperationException("A tampered payload was accepted.");
    }
    catch (SignatureVerificationException e)
    {
        Console.WriteLine($"Tampered payload refused ({e.Reason}): respond 400 and do nothing.");
    }

    // An event type this SDK version does not know yet stays readable instead of failing.
    var future = BuildEvent("evt_sample_2", "account.future_event", account.Id, accountJson);
    Dispatch(verifier.ConstructEvent(future, Sign(future, endpointSecret, DateTimeOffset.UtcNow)));

    // Missed deliveries (an outage, a deploy): list the recent events and replay them through the same handler.
    // Handlers must be idempotent (skip an event id already handled), since a replayed event may also be delivered.
    await client.Accounts.UpdateAsync(account.Id, new AccountUpdateRequest { Email = "payouts@market.example" });
    var replayed = 0;
    // A connected account's events are read with its id as Stripe-Account, as a Connect endpoint receives them.
    await foreach (var missed in client.Events.ListAutoPagingAsync(new EventListRequest { Type = "account.*", Limit = 100 }, new RequestOptions { StripeAccount = account.Id }))
    {
        Dispatch(missed);
        if (++replayed == 5)
        {
            break;
        }
    }

    Console.WriteLine($"Replayed {replayed} event(s) from GET /v1/events through the webhook handler.");
}, services => services.AddStripeWebhookVerifier(options =>
{
    options.Secrets.Add(endpointSecret);
    options.ExpectedApiVersion = ConnectClientOptions.DefaultApiVersion;
}));

static void Dispatch(StripeEvent stripeEvent)
{
    switch (stripeEvent.Data.Object)
    {
        case Account account when stripeEvent.Type == StripeEventType.AccountUpdated:
            Console.WriteLine($"{stripeEvent.Id}: account {account.Id} updated (charges enabled: {account.ChargesEnabled}, payouts enabled: {account.PayoutsEnabled})");
            break;
        case Capability capability:
            Console.WriteLine($"{stripeEvent.Id}: capability {capability.Id} is now {capability.Status}");
            break;
        default:
            Console.WriteLine($"{stripeEvent.Id}: {(stripeEvent.Type.IsKnown ? "unhandled" : "unknown")} event type '{stripeEvent.Type}' on {stripeEvent.Account ?? "the platform"}; acknowledged.");
            break;
    }
}

static JsonElement AccountJson(Account account)
{
    using var buffer = new MemoryStream();
    using (var writer = new Utf8JsonWriter(buffer))
    {
        writer.WriteStartObject();
        writer.WriteString("id", account.Id);
        writer.WriteString("object", "account");
        writer.WriteBoolean("charges_enabled", account.ChargesEnabled);
        writer.WriteBoolean("details_submitted", account.DetailsSubmitted);
        writer.WriteString("email", account.Email);
        writer.WriteBoolean("payouts_enabled", account.PayoutsEnabled);
        writer.WriteEndObject();
    }

    using var document = JsonDocument.Parse(buffer.ToArray());
    return document.RootElement.Clone();
}

static string BuildEvent(string id, string type, string connectedAccount, JsonElement dataObject)
{
    using var buffer = new MemoryStream();
    using (var writer = new Utf8JsonWriter(buffer))
    {
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("object", "event");
        writer.WriteString("account", connectedAccount);
        writer.WriteString("api_version", ConnectClientOptions.DefaultApiVersion);
        writer.WriteNumber("created", DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        writer.WriteStartObject("data");
        writer.WritePropertyName("object");
        dataObject.WriteTo(writer);
        writer.WriteEndObject();
        writer.WriteBoolean("livemode", false);
        writer.WriteNumber("pending_webhooks", 1);
        writer.WriteStartObject("request");
        writer.WriteNull("id");
        writer.WriteNull("idempotency_key");
        writer.WriteEndObject();
        writer.WriteString("type", type);
        writer.WriteEndObject();
    }

    return Encoding.UTF8.GetString(buffer.ToArray());
}

// Stripe's scheme: v1 = hex(HMAC-SHA256(secret, "{timestamp}.{payload}")).
static string Sign(string payload, string secret, DateTimeOffset at)
{
    var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
    var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + "." + payload));
    return $"t={timestamp},v1={Convert.ToHexString(signature).ToLowerInvariant()}";
}
