using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

/// <summary>Checks made before anything is sent, with messages that say what is wrong (and never show a key).</summary>
public class InputCheckTests
{
    private static readonly string[] BadAccounts = ["acct_1 ", " acct_1", "acct_1\n", "", " ", "acct_", "cus_123", "acct_1/../x", "acct_1\r\nX-Evil: 1", "acct_é"];

    [TestCaseSource(nameof(BadAccounts))]
    public void A_bad_per_call_StripeAccount_is_refused_before_sending(string account)
    {
        var (client, sent) = Capture();
        using var _ = client;

        var error = Assert.ThrowsAsync<ArgumentException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest(), new RequestOptions { StripeAccount = account }));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("RequestOptions.StripeAccount"));
            Assert.That(error.ParamName, Is.EqualTo("options"));
            Assert.That(sent, Is.Empty, "nothing may be sent");
        });
    }

    [TestCaseSource(nameof(BadAccounts))]
    public void A_bad_client_wide_StripeAccount_is_refused_by_the_same_rules(string account)
    {
        var error = Assert.Throws<ArgumentException>(() => new ConnectClient(new ConnectClientOptions { ApiKey = TestClients.ApiKey, StripeAccount = account }));

        Assert.That(error!.Message, Does.Contain("ConnectClientOptions.StripeAccount"));
    }

    [TestCase("acct_1 ")]
    [TestCase(" acct_1")]
    public void Surrounding_white_space_in_an_account_id_is_named(string account)
    {
        var (client, _) = Capture();
        using var __ = client;

        var error = Assert.ThrowsAsync<ArgumentException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest(), new RequestOptions { StripeAccount = account }));

        Assert.That(error!.Message, Does.Contain("white space before or after"));
    }

    [TestCase("acct_1")]
    [TestCase("acct_1Seller")]
    [TestCase("acct_changed_later")]
    public async Task Good_account_ids_are_sent_as_they_are(string account)
    {
        var (client, sent) = Capture();
        using var _ = client;

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest(), new RequestOptions { StripeAccount = account });

        Assert.That(sent.Single().Headers.GetValues("Stripe-Account").Single(), Is.EqualTo(account));
    }

    [TestCase(" sk_test_51WhiteSpaceKeyMustNotLeak")]
    [TestCase("sk_test_51WhiteSpaceKeyMustNotLeak ")]
    [TestCase("sk_test_51WhiteSpaceKeyMustNotLeak\n")]
    [TestCase("\trk_live_51WhiteSpaceKeyMustNotLeak")]
    public void A_key_with_surrounding_white_space_gets_a_message_that_says_so(string key)
    {
        var asOption = Assert.Throws<ArgumentException>(() => new ConnectClient(new ConnectClientOptions { ApiKey = key }));
        var (client, sent) = Capture();
        using var _ = client;
        var asRequestOption = Assert.ThrowsAsync<ArgumentException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest(), new RequestOptions { ApiKey = key }));

        Assert.Multiple(() =>
        {
            Assert.That(asOption!.Message, Does.Contain("ConnectClientOptions.ApiKey has white space before or after the key"));
            Assert.That(asRequestOption!.Message, Does.Contain("RequestOptions.ApiKey has white space before or after the key"));
            Assert.That(asOption.Message + asRequestOption.Message, Does.Not.Contain("must start with").And.Not.Contain("WhiteSpaceKey"));
            Assert.That(sent, Is.Empty);
        });
    }

    [TestCase(" 2026-10-28.endive")]
    [TestCase("2026-10-28.endive\n")]
    public void An_api_version_with_white_space_is_refused_client_wide_and_per_call(string version)
    {
        var asOption = Assert.Throws<ArgumentException>(() => new ConnectClient(new ConnectClientOptions { ApiKey = TestClients.ApiKey, ApiVersion = version }));
        var (client, sent) = Capture();
        using var _ = client;
        var asRequestOption = Assert.ThrowsAsync<ArgumentException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest(), new RequestOptions { ApiVersion = version }));

        Assert.Multiple(() =>
        {
            Assert.That(asOption!.Message, Does.Contain("ConnectClientOptions.ApiVersion"));
            Assert.That(asRequestOption!.Message, Does.Contain("RequestOptions.ApiVersion"));
            Assert.That(sent, Is.Empty);
        });
    }

    [TestCase("StripeConect")]
    [TestCase("Stripe:Connect")]
    public void A_missing_or_misspelled_configuration_section_is_named_in_the_options_error(string section)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["StripeConnect:ApiKey"] = "sk_test_51ConfiguredKeyMustNotLeak",
        }).Build();
        var services = new ServiceCollection();
        services.AddConnectClient(configuration.GetSection(section));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ConnectClient>());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("ConnectClientOptions.ApiKey is required"));
            Assert.That(error.Message, Does.Contain($"configuration section '{section}', which does not exist or is empty"));
            Assert.That(error.Message, Does.Not.Contain("ConfiguredKey"));
        });
    }

    [Test]
    public void A_section_that_exists_but_holds_a_bad_value_is_named_too()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Payments:Stripe:ApiKey"] = "pk_test_51PublishableKeyMustNotLeak",
        }).Build();
        var services = new ServiceCollection();
        services.AddConnectClient(configuration.GetSection("Payments:Stripe"));
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ConnectClient>());

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("publishable key"));
            Assert.That(error.Message, Does.Contain("configuration section 'Payments:Stripe'").And.Contain("Payments:Stripe:ApiKey"));
            Assert.That(error.Message, Does.Not.Contain("does not exist").And.Not.Contain("PublishableKeyMustNotLeak"));
        });
    }

    [Test]
    public void Options_bound_from_the_configuration_root_say_so()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Unrelated"] = "1" }).Build();
        var services = new ServiceCollection();
        services.AddConnectClient(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ConnectClient>());

        Assert.That(error!.Message, Does.Contain("root of the configuration"));
    }

    [Test]
    public void Options_configured_in_code_carry_no_section_note()
    {
        var services = new ServiceCollection();
        services.AddConnectClient(o => o.ApiKey = "whatever");
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ConnectClient>());

        Assert.That(error!.Message, Does.Contain("ConnectClientOptions.ApiKey").And.Not.Contain("configuration"));
    }

    private static (ConnectClient Client, List<HttpRequestMessage> Sent) Capture()
    {
        var sent = new List<HttpRequestMessage>();
        var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(request =>
        {
            sent.Add(request);
            return TestClients.Json(HttpStatusCode.OK, TestClients.LinkJson);
        });
        return (TestClients.Create(mock, o => o.MaxNetworkRetries = 0), sent);
    }
}
