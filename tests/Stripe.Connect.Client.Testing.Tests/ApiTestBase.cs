using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;

namespace Stripe.Connect.Client.Testing.Tests;

/// <summary>A fresh API, fake clock and HttpClient per test, plus short helpers to call the API.</summary>
public abstract class ApiTestBase
{
    protected const string ApiKey = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

    protected FakeTimeProvider Time { get; private set; } = null!;

    protected InMemoryConnectApi Api { get; private set; } = null!;

    protected HttpClient Http { get; private set; } = null!;

    [SetUp]
    public void CreateApi()
    {
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero));
        Api = new InMemoryConnectApi(Time);
        Http = new HttpClient(Api.CreateHandler()) { BaseAddress = new Uri("https://api.stripe.com") };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
    }

    [TearDown]
    public void DisposeClient() => Http.Dispose();

    protected Task<Reply> Post(string path, string form = "", string? account = null, string? idempotencyKey = null) =>
        Send(HttpMethod.Post, path, form, account, idempotencyKey);

    protected Task<Reply> Get(string path, string? account = null) => Send(HttpMethod.Get, path, null, account, null);

    protected Task<Reply> Delete(string path, string? account = null) => Send(HttpMethod.Delete, path, null, account, null);

    protected async Task<Reply> Send(HttpMethod method, string path, string? form, string? account, string? idempotencyKey)
    {
        using var request = new HttpRequestMessage(method, path);
        if (form is not null)
        {
            request.Content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");
        }

        if (account is not null)
        {
            request.Headers.Add("Stripe-Account", account);
        }

        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, JsonNode.Parse(text)!.AsObject(), response.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>Creates a connected account and returns its id.</summary>
    protected async Task<string> CreateAccount(string form = "type=custom&country=US")
    {
        var reply = await Post("/v1/accounts", form);
        Assert.That(reply.Status, Is.EqualTo(HttpStatusCode.OK), reply.Json.ToJsonString());
        return reply.Str("id");
    }

    /// <summary>Creates a connected account whose transfers capability is active.</summary>
    protected async Task<string> CreateAccountWithTransfers()
    {
        var id = await CreateAccount("type=custom&capabilities[transfers][requested]=true");
        Api.ActivateCapability(id, "transfers");
        return id;
    }

    protected static void AssertError(Reply reply, HttpStatusCode status, string type, string? code, string? param)
    {
        Assert.Multiple(() =>
        {
            Assert.That(reply.Status, Is.EqualTo(status), reply.Json.ToJsonString());
            Assert.That(reply.Json["error"]?["type"]?.GetValue<string>(), Is.EqualTo(type));
            Assert.That(reply.Json["error"]?["code"]?.GetValue<string>(), Is.EqualTo(code));
            Assert.That(reply.Json["error"]?["param"]?.GetValue<string>(), Is.EqualTo(param));
            Assert.That(reply.Json["error"]?["message"]?.GetValue<string>(), Is.Not.Empty);
        });
    }
}

/// <summary>A parsed response.</summary>
public sealed record Reply(HttpStatusCode Status, JsonObject Json, IReadOnlyDictionary<string, string> Headers)
{
    public string Str(string name) => Json[name]!.GetValue<string>();

    public long Long(string name) => Json[name]!.GetValue<long>();

    public bool Bool(string name) => Json[name]!.GetValue<bool>();

    public IReadOnlyList<string> Ids => Json["data"]!.AsArray().Select(d => d!["id"]!.GetValue<string>()).ToList();
}
