using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

/// <summary><c>required</c> is a compile-time promise only; a null that slips past it is refused before sending.</summary>
public class RequiredParameterTests
{
    private static (ConnectClient Client, MockHttpMessageHandler Mock, MockedRequest Any) Create()
    {
        var mock = new MockHttpMessageHandler();
        var any = mock.When("*").Respond("application/json", "{}");
        return (TestClients.Create(mock), mock, any);
    }

    [Test]
    public void A_null_required_string_is_named()
    {
        var (client, mock, any) = Create();
        using (client)
        using (mock)
        {
            var ex = Assert.Throws<ArgumentException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest() with { Account = null! }));

            Assert.That(ex!.ParamName, Is.EqualTo("request"));
            Assert.That(ex.Message, Does.Contain("'account'"));
            Assert.That(mock.GetMatchCount(any), Is.Zero);
        }
    }

    [Test]
    public void A_default_required_enum_is_named()
    {
        var (client, mock, any) = Create();
        using (client)
        using (mock)
        {
            var ex = Assert.Throws<ArgumentException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest() with { Type = default }));

            Assert.That(ex!.Message, Does.Contain("'type'"));
            Assert.That(mock.GetMatchCount(any), Is.Zero);
        }
    }

    [Test]
    public void A_missing_nested_parameter_is_named_with_its_bracket_path()
    {
        var (client, mock, any) = Create();
        using (client)
        using (mock)
        {
            var request = new ExternalAccountCreateRequest
            {
                ExternalAccount = new BankAccountInput
                {
                    Country = "US",
                    AccountNumber = null!,
                },
            };

            var ex = Assert.Throws<ArgumentException>(() => client.ExternalAccounts.CreateAsync("acct_1", request));

            Assert.That(ex!.Message, Does.Contain("'external_account[account_number]'"));
            Assert.That(mock.GetMatchCount(any), Is.Zero);
        }
    }
}
