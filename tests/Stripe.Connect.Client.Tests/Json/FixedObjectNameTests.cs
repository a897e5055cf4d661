using System.Text.Json;

namespace Stripe.Connect.Client.Tests.Json;

public class FixedObjectNameTests
{
    [TestCase("""{"object":"account_link","url":"https://x"}""", TestName = "Plain")]
    [TestCase("""{"object":"account\u005flink","url":"https://x"}""", TestName = "Escaped")]
    public void The_expected_object_name_is_the_shared_literal(string json)
    {
        var link = JsonSerializer.Deserialize(json, ConnectJsonContext.Default.AccountLink)!;

        Assert.That(link.Object, Is.SameAs(string.IsInterned("account_link")), "no new string per read");
    }

    [Test]
    public void Another_object_name_is_kept_as_sent()
    {
        var link = JsonSerializer.Deserialize("""{"object":"account_link_v2"}""", ConnectJsonContext.Default.AccountLink)!;

        Assert.That(link.Object, Is.EqualTo("account_link_v2"));
    }

    [Test]
    public void A_number_where_the_name_belongs_is_a_json_error()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("""{"object":5}""", ConnectJsonContext.Default.AccountLink));
    }
}
