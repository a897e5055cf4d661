using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace Stripe.Connect.Client.Testing.Tests;

public class DependencyInjectionTests
{
    [Test]
    public async Task UseInMemoryConnectApi_serves_the_given_api()
    {
        var api = new InMemoryConnectApi();
        var services = new ServiceCollection();
        services.AddHttpClient("stripe", c => c.BaseAddress = new Uri("https://api.stripe.com")).UseInMemoryConnectApi(api);
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("stripe");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_123456");
        using var response = await client.GetAsync(new Uri("/v1/account", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(api.Requests, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task UseInMemoryConnectApi_without_an_api_registers_a_singleton()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new Microsoft.Extensions.Time.Testing.FakeTimeProvider());
        services.AddHttpClient("stripe", c => c.BaseAddress = new Uri("https://api.stripe.com")).UseInMemoryConnectApi();
        await using var provider = services.BuildServiceProvider();

        var api = provider.GetRequiredService<InMemoryConnectApi>();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("stripe");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "sk_test_123456");
        using var response = await client.GetAsync(new Uri("/v1/accounts", UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(api.Requests, Has.Count.EqualTo(1));
        Assert.That(api.TimeProvider, Is.SameAs(provider.GetRequiredService<TimeProvider>()));
    }
}
