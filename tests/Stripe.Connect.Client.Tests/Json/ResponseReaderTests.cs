using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Json;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Json;

/// <summary>
/// A success body is read by the record's generated converter directly (no serializer entry point): it must give
/// what the serializer gives, and refuse what the serializer refuses.
/// </summary>
public class ResponseReaderTests
{
    private static ResponseReader<Account> Direct => ResponseReader<Account>.Direct(AccountJsonConverter.Instance, ConnectJsonContext.Default.Options);

    private static ResponseReader<Account> Contract => ResponseReader<Account>.Of(ConnectJsonContext.Default.Account);

    [Test]
    public void The_direct_read_of_the_account_fixture_equals_the_serializers() =>
        AssertReadsAsTheSerializer(Path.Combine(RepoPaths.FixturesFolder(), "account.json"), Direct, ConnectJsonContext.Default.Account, account => account.Id);

    [Test]
    public void The_direct_read_of_the_v2_account_fixture_equals_the_serializers()
    {
        var context = Stripe.Connect.Client.V2.Core.V2CoreJsonContext.Default;
        AssertReadsAsTheSerializer(
            Path.Combine(RepoPaths.FixturesFolder(), "v2", "v2.core.account.json"),
            ResponseReader<Stripe.Connect.Client.V2.Core.Account>.Direct(Stripe.Connect.Client.V2.Core.AccountJsonConverter.Instance, context.Options),
            context.Account,
            account => account.Id);
    }

    [Test]
    public void An_expanded_object_inside_is_read_through_the_family_options()
    {
        var json = """{"id":"fee_1","object":"application_fee","account":{"id":"acct_1","object":"account","email":"a@example.com"}}"""u8.ToArray();

        var fee = ResponseReader<ApplicationFee>.Direct(ApplicationFeeJsonConverter.Instance, ConnectJsonContext.Default.Options).Read(json)!;

        Assert.Multiple(() =>
        {
            Assert.That(fee.Account!.Id, Is.EqualTo("acct_1"));
            Assert.That(fee.Account.Value!.Email, Is.EqualTo("a@example.com"));
        });
    }

    [TestCase("  {\"id\":\"acct_1\"}  \n")]
    [TestCase("{\"id\":\"acct_1\",\"unknown\":{\"deep\":[1,2,{\"x\":null}]}}")]
    public void White_space_around_the_value_and_unknown_members_are_accepted(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        Assert.Multiple(() =>
        {
            Assert.That(Direct.Read(bytes)!.Id, Is.EqualTo("acct_1"));
            Assert.That(Contract.Read(bytes)!.Id, Is.EqualTo("acct_1"));
        });
    }

    [Test]
    public void A_JSON_null_is_null_both_ways()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Direct.Read("null"u8), Is.Null);
            Assert.That(Contract.Read("null"u8), Is.Null);
        });
    }

    [TestCase("", TestName = "an empty body")]
    [TestCase("   ", TestName = "white space only")]
    [TestCase("{\"id\":\"acct_1\"}{\"id\":\"acct_2\"}", TestName = "a second object after the first")]
    [TestCase("{\"id\":\"acct_1\"} 1", TestName = "a number after the object")]
    [TestCase("{\"id\":\"acct_1\"} // note", TestName = "a comment after the object")]
    [TestCase("{\"id\":\"acct_1\",}", TestName = "a trailing comma")]
    [TestCase("{\"id\":\"acct_1\"", TestName = "a truncated object")]
    [TestCase("[{\"id\":\"acct_1\"}]", TestName = "an array instead of an object")]
    public void What_the_serializer_refuses_the_direct_read_refuses(string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        Assert.Multiple(() =>
        {
            Assert.That(() => Contract.Read(bytes), Throws.InstanceOf<JsonException>(), "the serializer");
            Assert.That(() => Direct.Read(bytes), Throws.InstanceOf<JsonException>(), "the direct read");
        });
    }

    [Test]
    public void Nesting_deeper_than_64_levels_is_refused()
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":\"acct_1\",\"unknown\":" + new string('[', 70) + new string(']', 70) + "}");
        Assert.That(() => Direct.Read(body), Throws.InstanceOf<JsonException>());
    }

    [Test]
    public void A_second_value_after_the_account_reaches_the_caller_as_an_ApiException()
    {
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => TestClients.Json(HttpStatusCode.OK, """{"id":"acct_1","object":"account"} {"id":"acct_2"}"""));
        using var client = TestClients.Create(mock, o => o.MaxNetworkRetries = 0);

        var error = Assert.ThrowsAsync<ApiException>(() => client.Accounts.GetAsync("acct_1"));

        Assert.Multiple(() =>
        {
            Assert.That(error!.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(error.Message, Does.Contain("not valid JSON"));
        });
    }

    private static void AssertReadsAsTheSerializer<T>(string fixture, ResponseReader<T> reader, JsonTypeInfo<T> contract, Func<T, string?> id)
        where T : class
    {
        var json = File.ReadAllBytes(fixture);

        var direct = reader.Read(json);
        var serialized = JsonSerializer.Deserialize(json, contract);

        Assert.Multiple(() =>
        {
            Assert.That(direct, Is.Not.Null);
            Assert.That(id(direct!), Is.EqualTo(id(serialized!)));
            Assert.That(JsonSerializer.Serialize(direct!, contract), Is.EqualTo(JsonSerializer.Serialize(serialized!, contract)));
        });
    }
}
