using System.Text.Json;

namespace Stripe.Connect.Client.Tests.Json;

/// <summary>
/// Members whose default is a new instance (a page, a nested record) are created by the public constructor, and by
/// the generated reader only when the JSON lacks them: either way the record looks and compares as before.
/// </summary>
public class ReaderDefaultsTests
{
    [Test]
    public void The_public_constructor_still_creates_the_defaults()
    {
        var fee = new ApplicationFee();
        var settings = new AccountSettings();
        Assert.Multiple(() =>
        {
            Assert.That(fee.Refunds, Is.EqualTo(new StripeList<ApplicationFeeRefund>()));
            Assert.That(new Transfer().Reversals, Is.EqualTo(new StripeList<TransferReversal>()));
            Assert.That(settings.Branding, Is.EqualTo(new AccountBrandingSettings()));
            Assert.That(settings.Dashboard, Is.Not.Null);
            Assert.That(new ApplicationFee(), Is.EqualTo(fee));
            Assert.That(new ApplicationFee().GetHashCode(), Is.EqualTo(fee.GetHashCode()));
        });
    }

    [Test]
    public void A_member_the_JSON_lacks_gets_its_default_and_the_record_equals_a_new_one()
    {
        var fee = JsonSerializer.Deserialize("{}", ConnectJsonContext.Default.ApplicationFee)!;
        var settings = JsonSerializer.Deserialize("""{"dashboard":{"display_name":"Shop"}}""", ConnectJsonContext.Default.AccountSettings)!;
        Assert.Multiple(() =>
        {
            Assert.That(fee.Refunds, Is.Not.Null.And.EqualTo(new StripeList<ApplicationFeeRefund>()));
            Assert.That(fee, Is.EqualTo(new ApplicationFee()));
            Assert.That(fee.GetHashCode(), Is.EqualTo(new ApplicationFee().GetHashCode()));
            Assert.That(settings.Dashboard.DisplayName, Is.EqualTo("Shop"));
            Assert.That(settings.Branding, Is.Not.Null.And.EqualTo(new AccountBrandingSettings()));
            Assert.That(settings.CardPayments, Is.Not.Null);
            Assert.That(settings.Payments, Is.Not.Null);
            Assert.That(settings with { Dashboard = new AccountDashboardSettings() }, Is.EqualTo(new AccountSettings()));
        });
    }

    [Test]
    public void A_null_member_gets_its_default_and_a_present_one_is_read()
    {
        var reversal = """{"object":"list","data":[{"id":"trr_1","object":"transfer_reversal","amount":5}],"has_more":false,"url":"/v1/transfers/tr_1/reversals"}""";
        var withNull = JsonSerializer.Deserialize("""{"id":"tr_1","reversals":null}""", ConnectJsonContext.Default.Transfer)!;
        var withPage = JsonSerializer.Deserialize("""{"id":"tr_1","reversals":""" + reversal + "}", ConnectJsonContext.Default.Transfer)!;
        Assert.Multiple(() =>
        {
            Assert.That(withNull.Reversals, Is.EqualTo(new StripeList<TransferReversal>()));
            Assert.That(withPage.Reversals.Data.Single().Id, Is.EqualTo("trr_1"));
            Assert.That(withPage.Reversals.Url, Is.EqualTo("/v1/transfers/tr_1/reversals"));
        });
    }

    [Test]
    public void Setting_null_still_restores_the_default()
    {
        var fee = new ApplicationFee { Refunds = null! };
        Assert.That(fee.Refunds, Is.EqualTo(new StripeList<ApplicationFeeRefund>()));
    }
}
