using Stripe.Connect.Client.Generator.Building;
using Stripe.Connect.Client.Generator.Configuration;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Tests.Building;

public class NamingTests
{
    private static TypeNamer Namer(string extra = "") => new(SpecBuilder.Config(extra), new GenerationReport());

    [TestCase("account_session_components_*_features", "{0}Features", "account_session_components_payments_features", "PaymentsFeatures")]
    [TestCase("Account*Request.settings", "AccountSettingsInput", "AccountUpdateRequest.settings", "AccountSettingsInput")]
    [TestCase("account_capabilities.*", "AccountCapabilityStatus", "account_capabilities.transfers", "AccountCapabilityStatus")]
    [TestCase("account_capabilities.*", "AccountCapabilityStatus", "account_capabilities.a.b", null)]
    [TestCase("exact_key", "Exact", "exact_key", "Exact")]
    [TestCase("a_*_b", "{0}", "a_b", null)]
    public void Name_patterns_have_one_wildcard_within_one_path_segment(string match, string name, string key, string? expected) =>
        Assert.That(new NamePattern(match, name).Apply(key), Is.EqualTo(expected));

    [Test]
    public void Configured_names_win_then_patterns_then_the_path()
    {
        var namer = Namer("\"typeNames\": { \"WidgetCreateRequest.a\": \"Explicit\" }, \"namePatterns\": [ { \"match\": \"Widget*Request.b\", \"name\": \"Pattern\" } ]");
        var resources = new Dictionary<string, string> { ["WidgetCreateRequest"] = "Widget" };
        Assert.Multiple(() =>
        {
            Assert.That(namer.InputName("WidgetCreateRequest.a", resources).Text, Is.EqualTo("Explicit"));
            Assert.That(namer.InputName("WidgetCreateRequest.b", resources).Text, Is.EqualTo("Pattern"));
            Assert.That(namer.InputName("WidgetCreateRequest.c.d", resources).Text, Is.EqualTo("WidgetCDInput"), "resource + path + Input, without the verb");
            Assert.That(namer.InputName("WidgetCreateRequest.c#card", resources).Text, Is.EqualTo("WidgetCCardInput"));
            Assert.That(namer.InputName("WidgetCreateRequest.c", resources, qualified: true).Text, Is.EqualTo("WidgetCreateCInput"), "a place whose name is taken keeps its method");
        });
    }

    [Test]
    public void A_name_over_40_characters_drops_path_segments_keeping_the_longest_tail()
    {
        var namer = Namer();
        var parts = new NameParts(["Account", "Settings", "PaypayPayments", "Site", "InDevelopment"], "Input");
        Assert.That(parts.Text.Length, Is.GreaterThan(40));
        Assert.That(namer.Claim(parts, "a"), Is.EqualTo("PaypayPaymentsSiteInDevelopmentInput"));
        Assert.That(namer.Claim(parts, "b"), Is.EqualTo("AccountSiteInDevelopmentInput"), "the next candidate when the first is taken");
        Assert.That(namer.Claim(NameParts.Fixed("AVeryLongConfiguredNameThatIsLongerThanForty"), "c"), Is.EqualTo("AVeryLongConfiguredNameThatIsLongerThanForty"), "configured names are taken as given");
    }

    [Test]
    public void A_name_another_shape_holds_gets_a_number_and_reserved_names_are_never_used()
    {
        var namer = Namer();
        Assert.Multiple(() =>
        {
            Assert.That(namer.Claim(NameParts.Fixed("Gadget"), "one"), Is.EqualTo("Gadget"));
            Assert.That(namer.Claim(NameParts.Fixed("Gadget"), "one"), Is.EqualTo("Gadget"), "the same owner gets its name back");
            Assert.That(namer.Claim(NameParts.Fixed("Gadget"), "two"), Is.EqualTo("Gadget2"));
            Assert.That(namer.Claim(NameParts.Fixed("StripeObject"), "three"), Is.EqualTo("StripeObject2"));
            Assert.That(namer.Claim(NameParts.Fixed("WidgetService"), "four"), Is.EqualTo("WidgetService2"), "service classes are taken");
        });
    }

    [Test]
    public void Shared_shapes_are_named_after_what_their_places_have_in_common()
    {
        var namer = Namer("\"typeNames\": { \"b.place\": \"Chosen\" }");
        NameParts P(params string[] segments) => new(segments, string.Empty);
        Assert.Multiple(() =>
        {
            Assert.That(namer.GroupName(["a.place", "b.place"], [P("X"), P("Y")], [null, null], string.Empty)!.Text, Is.EqualTo("Chosen"), "a typeNames entry of any place");
            Assert.That(namer.GroupName(["a", "b"], [P("AccountSettingsInput"), P("AccountSettingsInput")], [null, null], string.Empty)!.Text, Is.EqualTo("AccountSettingsInput"), "twins keep their name");
            Assert.That(namer.GroupName(["a", "b"], [P("AccountAddress"), P("PersonHome")], ["address_specs", null], "Input")!.Text, Is.EqualTo("AddressInput"), "the title all titled places share");
            Assert.That(namer.GroupName(["a", "b"], [P("AccountRequirements"), P("AccountFutureRequirements")], [null, null], string.Empty)!.Text, Is.EqualTo("AccountRequirements"), "common first and last words");
            Assert.That(namer.GroupName(["a", "b"], [P("AccountCompanyStructure"), P("LegalEntityCompanyStructure")], [null, null], string.Empty)!.Text, Is.EqualTo("CompanyStructure"));
            Assert.That(namer.GroupName(["a", "b"], [P("WidgetDeclaration"), P("PersonAcceptance")], [null, null], string.Empty), Is.Null, "nothing in common: the places stay apart");
            Assert.That(namer.GroupName(["a", "b"], [P("BalanceFeatures"), P("PayoutFeatures")], [null, null], string.Empty), Is.Null, "one common word is too little to name a shape");
        });
    }

    [TestCase("company_specs", "company")]
    [TestCase("capability_param", "capability")]
    [TestCase("settings_specs_update", "settings")]
    [TestCase("company_ownership_declaration", "company_ownership_declaration")]
    public void Titles_lose_their_suffix(string title, string stem) => Assert.That(TypeNamer.TitleStem(title), Is.EqualTo(stem));
}
