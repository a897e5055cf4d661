using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Tests;

public class HandlerTests : ApiTestBase
{
    [Test]
    public async Task Concurrent_requests_are_safe()
    {
        var replies = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Post("/v1/topups", $"amount={i + 1}&currency=usd")));
        var list = await Get("/v1/topups?limit=100");

        Assert.That(replies.Select(r => r.Str("id")).Distinct().Count(), Is.EqualTo(40));
        Assert.That(list.Ids, Has.Count.EqualTo(40));
    }

    [Test]
    public void Synchronous_send_is_served()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/topups")
        {
            Content = new StringContent("amount=100&currency=usd", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        using var response = Http.Send(request);
        using var reader = new StreamReader(response.Content.ReadAsStream());
        var json = JsonNode.Parse(reader.ReadToEnd())!;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(json["status"]!.GetValue<string>(), Is.EqualTo("pending"));
    }

    [Test]
    public async Task Reset_forgets_everything()
    {
        await Post("/v1/topups", "amount=100&currency=usd", idempotencyKey: "k");
        var oldPlatform = Api.PlatformAccountId;
        Api.Faults.FailNext(5, HttpStatusCode.InternalServerError, "/v1/transfers");

        Api.Reset();
        var list = await Get("/v1/topups");
        var again = await Post("/v1/topups", "amount=100&currency=usd", idempotencyKey: "k");

        Assert.Multiple(() =>
        {
            Assert.That(list.Ids, Is.Empty);
            Assert.That(again.Headers.ContainsKey("Idempotent-Replayed"), Is.False);
            Assert.That(Api.PlatformAccountId, Is.Not.EqualTo(oldPlatform));
            Assert.That(Api.Faults.Pending, Is.Zero);
            Assert.That(Api.Requests, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task Two_handlers_share_one_api()
    {
        using var other = new HttpClient(Api.CreateHandler()) { BaseAddress = new Uri("https://example.invalid") };
        other.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        var created = await Post("/v1/topups", "amount=100&currency=usd");

        using var response = await other.GetAsync(new Uri($"/v1/topups/{created.Str("id")}", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public void Seed_helpers_check_their_arguments()
    {
        Assert.That(() => Api.SeedApplicationFee("acct_missing", 100), Throws.ArgumentException);
        Assert.That(() => Api.ActivateCapability("acct_missing", "transfers"), Throws.ArgumentException);
        Assert.That(() => Api.SucceedTopup("tu_missing"), Throws.ArgumentException);
        Assert.That(() => Api.CapabilityActivationDelay = TimeSpan.FromSeconds(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
