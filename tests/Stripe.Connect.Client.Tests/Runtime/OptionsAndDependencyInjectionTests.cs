using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

public class OptionsAndDependencyInjectionTests
{
    private const string SecretKey = "sk_live_51SuperSecretValueThatMustNotLeak";

    [TestCase(null, "ApiKey is required")]
    [TestCase("", "ApiKey is required")]
    [TestCase("pk_live_51SuperSecretValueThatMustNotLeak", "publishable key")]
    [TestCase("whatever_51SuperSecretValueThatMustNotLeak", "must start with sk_ or rk_")]
    [TestCase("sk_live_51Super SecretValueThatMustNotLeak", "whitespace")]
    public void Bad_keys_are_refused_with_a_message_that_names_the_setting_and_hides_the_key(string? key, string expected)
    {
        var ex = Assert.Throws<ArgumentException>(() => new ConnectClient(new ConnectClientOptions { ApiKey = key }));

        Assert.That(ex!.Message, Does.Contain("ConnectClientOptions.ApiKey").And.Contain(expected));
        Assert.That(ex.Message, Does.Not.Contain("SuperSecret"));
        Assert.That(ex.ParamName, Is.EqualTo("options"));
    }

    [TestCase("http://api.stripe.com/", false)]
    [TestCase("http://10.0.0.5:8080/", false)]
    [TestCase("ftp://localhost/", false)]
    [TestCase("http://localhost:12111/", true)]
    [TestCase("http://127.0.0.1:5000/", true)]
    [TestCase("https://api.stripe.com/", true)]
    public void Plain_http_is_only_allowed_on_loopback(string address, bool allowed)
    {
        var problems = new ConnectClientOptions { ApiKey = SecretKey, BaseAddress = new Uri(address) }.Validate();

        Assert.That(problems, allowed ? Is.Empty : Has.Some.Contains("ConnectClientOptions.BaseAddress"));
    }

    [Test]
    public void Other_settings_are_validated_by_name()
    {
        var problems = new ConnectClientOptions
        {
            ApiKey = SecretKey,
            MaxNetworkRetries = -1,
            Timeout = TimeSpan.Zero,
            ApiVersion = " ",
            MaxRequestsPerSecond = 0,
            StripeAccount = "cus_123",
        }.Validate();

        Assert.That(string.Join("\n", problems), Does.Contain("MaxNetworkRetries").And.Contain("Timeout").And.Contain("ApiVersion").And.Contain("MaxRequestsPerSecond").And.Contain("StripeAccount"));
    }

    [Test]
    public void Defaults_match_stripe()
    {
        var options = new ConnectClientOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.ApiVersion, Is.EqualTo("2026-10-28.endive"));
            Assert.That(options.BaseAddress, Is.EqualTo(new Uri("https://api.stripe.com/")));
            Assert.That(options.MaxNetworkRetries, Is.EqualTo(2));
            Assert.That(options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(80)));
            Assert.That(options.MaxRequestsPerSecond, Is.Null);
        });
    }

    [Test]
    public void ToString_masks_keys()
    {
        Assert.That(new ConnectClientOptions { ApiKey = SecretKey }.ToString(), Does.Contain("sk_live_***").And.Not.Contain("SuperSecret"));
        Assert.That(new RequestOptions { ApiKey = SecretKey }.ToString(), Does.Contain("sk_live_***").And.Not.Contain("SuperSecret"));
    }

    [Test]
    public void Di_registers_the_client_and_its_services_and_validates_on_first_resolve()
    {
        var services = new ServiceCollection();
        var builder = services.AddConnectClient(o => o.ApiKey = "pk_test_nope_SuperSecret");

        Assert.That(builder.Name, Is.EqualTo(ConnectServiceCollectionExtensions.HttpClientName));
        using var provider = services.BuildServiceProvider();
        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ConnectClient>());
        Assert.That(ex!.Message, Does.Contain("ConnectClientOptions.ApiKey").And.Not.Contain("SuperSecret"));
    }

    [Test]
    public void Di_binds_a_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StripeConnect:ApiKey"] = "sk_test_fromconfig",
            ["StripeConnect:MaxNetworkRetries"] = "4",
            ["StripeConnect:Timeout"] = "00:00:20",
            ["StripeConnect:StripeAccount"] = "acct_cfg",
            ["StripeConnect:AppInfo:Name"] = "Platform",
        }).Build();
        var services = new ServiceCollection();
        services.AddConnectClient(configuration.GetSection("StripeConnect"));

        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<ConnectClient>();

        Assert.Multiple(() =>
        {
            Assert.That(client.Options.ApiKey, Is.EqualTo("sk_test_fromconfig"));
            Assert.That(client.Options.MaxNetworkRetries, Is.EqualTo(4));
            Assert.That(client.Options.Timeout, Is.EqualTo(TimeSpan.FromSeconds(20)));
            Assert.That(client.Options.StripeAccount, Is.EqualTo("acct_cfg"));
            Assert.That(client.Options.AppInfo!.Name, Is.EqualTo("Platform"));
            Assert.That(provider.GetRequiredService<AccountLinkService>(), Is.SameAs(client.AccountLinks));
            Assert.That(provider.GetRequiredService<ConnectClient>(), Is.SameAs(client), "one client per container");
        });
    }

    [Test]
    public async Task Di_builder_accepts_a_custom_primary_handler()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When("https://api.stripe.com/v1/account_links").Respond("application/json", TestClients.LinkJson);
        var services = new ServiceCollection();
        services.AddConnectClient(o => o.ApiKey = "sk_test_di").ConfigurePrimaryHttpMessageHandler(() => mock);

        await using var provider = services.BuildServiceProvider();
        var link = await provider.GetRequiredService<AccountLinkService>().CreateAsync(TestClients.LinkRequest());

        Assert.That(link.Url, Does.StartWith("https://connect.stripe.com"));
    }
}
