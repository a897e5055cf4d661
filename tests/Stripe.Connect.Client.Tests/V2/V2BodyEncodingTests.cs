using System.Text;
using Stripe.Connect.Client.Http;
using V2Core = Stripe.Connect.Client.V2.Core;

namespace Stripe.Connect.Client.Tests.V2;

/// <summary>The v2 JSON body writer is reused per thread: each body must come out whole and alone.</summary>
public class V2BodyEncodingTests
{
    [Test]
    public void A_body_encoded_after_a_larger_one_carries_nothing_of_it()
    {
        var large = new V2Core.AccountCreateRequest { DisplayName = new string('x', 5000), ContactEmail = "jo@example.com" };
        var small = new V2Core.AccountCreateRequest { DisplayName = "Shop" };

        var first = Encoding.UTF8.GetString(RequestPreparer.EncodeJson(large));
        var second = Encoding.UTF8.GetString(RequestPreparer.EncodeJson(small));
        var again = Encoding.UTF8.GetString(RequestPreparer.EncodeJson(large));

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo("""{"display_name":"Shop"}"""));
            Assert.That(again, Is.EqualTo(first));
            Assert.That(first, Does.StartWith("""{"contact_email":"jo@example.com","display_name":"xxx""").And.EndWith("\"}"));
        });
    }

    [Test]
    public void A_body_larger_than_the_kept_buffer_is_still_written_whole()
    {
        var huge = new V2Core.AccountCreateRequest { DisplayName = new string('y', 100_000) };

        var bytes = RequestPreparer.EncodeJson(huge);
        var next = RequestPreparer.EncodeJson(new V2Core.AccountCreateRequest { DisplayName = "Shop" });

        Assert.That(bytes, Has.Length.EqualTo(100_000 + """{"display_name":""}""".Length));
        Assert.That(Encoding.UTF8.GetString(next), Is.EqualTo("""{"display_name":"Shop"}"""));
    }
}
