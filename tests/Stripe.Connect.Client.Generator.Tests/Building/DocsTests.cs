using Stripe.Connect.Client.Generator.Docs;
using static Stripe.Connect.Client.Generator.Tests.GeneratorTestSupport;

namespace Stripe.Connect.Client.Generator.Tests.Building;

/// <summary>The docs rules for the common kinds, the overlay, and how they combine.</summary>
public class DocsTests
{
    private static GenerationResult Widget(string properties, DocsOverlay? docs = null, string createBody = "{}") =>
        Run(SpecBuilder.Document(properties, createBody: createBody), SpecBuilder.Config("\"idPrefixes\": { \"widget\": \"wgt_\" }"), docs: docs);

    private static string Doc(string file, string member)
    {
        var line = file.Split('\n').Select((l, i) => (l, i)).First(x => x.l.Contains($" {member} {{", StringComparison.Ordinal)).i;
        return file.Split('\n')[..line].Last(l => l.TrimStart().StartsWith("/// <summary>", StringComparison.Ordinal));
    }

    [Test]
    public void Amounts_currencies_countries_timestamps_ids_and_enums_have_rules()
    {
        var widget = File(Widget(
            "\"amount_refunded\": { \"type\": \"integer\" }, \"currency\": { \"type\": \"string\" }, \"country\": { \"type\": \"string\" }, "
            + "\"expires_at\": { \"type\": \"integer\", \"format\": \"unix-time\" }, \"tier\": { \"type\": \"string\", \"enum\": [\"gold\", \"silver\"] }, "
            + "\"owner\": { \"anyOf\": [ { \"type\": \"string\" }, { \"$ref\": \"#/components/schemas/widget\" } ] }"), "Widget.cs");
        Assert.Multiple(() =>
        {
            Assert.That(Doc(widget, "AmountRefunded"), Does.Contain("in the smallest unit of the currency").And.Contain("<c>1000</c> is 10.00 USD"));
            Assert.That(Doc(widget, "Currency"), Does.Contain("three-letter ISO 4217 currency code in lower case"));
            Assert.That(Doc(widget, "Country"), Does.Contain("two-letter ISO 3166-1 alpha-2 country code"));
            Assert.That(Doc(widget, "ExpiresAt"), Does.Contain("On the wire a Unix time: whole seconds since 1970-01-01 UTC."));
            Assert.That(Doc(widget, "Tier"), Does.Contain("Known values: one of <c>gold</c> or <c>silver</c> (<see cref=\"WidgetTier\"/>)"));
            Assert.That(Doc(widget, "Id"), Does.Contain("Unique identifier of the widget, starting with <c>wgt_</c>."));
            Assert.That(Doc(widget, "Owner"), Does.Contain("Holds the id (<c>wgt_...</c>); when the request expands <c>owner</c>"));
            Assert.That(Doc(widget, "Owner"), Does.Contain("<see langword=\"null\"/> when the response leaves it out."), "what null means");
        });
    }

    [Test]
    public void The_overlay_wins_and_a_request_member_falls_back_to_the_resource_members_text()
    {
        var docs = DocsOverlay.Parse("""{ "properties": { "Widget.color": "The paint on the widget's outside.", "WidgetCreateRequest.size": "How large to make it." } }""");
        var result = Widget("\"color\": { \"type\": \"string\" }", docs, """{ "properties": { "color": { "type": "string" }, "size": { "type": "string" } } }""");
        Assert.Multiple(() =>
        {
            Assert.That(Doc(File(result, "Widget.cs"), "Color"), Does.Contain("The paint on the widget's outside."));
            Assert.That(Doc(File(result, "WidgetCreateRequest.cs"), "Color"), Does.Contain("The paint on the widget's outside."), "the resource's text");
            Assert.That(Doc(File(result, "WidgetCreateRequest.cs"), "Size"), Does.Contain("How large to make it."));
            Assert.That(docs.Unused(), Is.Empty);
        });
    }

    [Test]
    public void Without_overlay_or_rule_a_member_gets_a_bare_fallback_the_surface_test_lists()
    {
        var widget = File(Widget("\"sparkles\": { \"type\": \"boolean\" }, \"label\": { \"type\": \"string\" }"), "Widget.cs");
        Assert.That(Doc(widget, "Sparkles"), Does.Contain("Whether sparkles."));
        Assert.That(Doc(widget, "Label"), Does.Contain("The label."));
    }

    [Test]
    public void Unused_overlay_entries_are_reported()
    {
        var docs = DocsOverlay.Parse("""{ "properties": { "Widget.gone": "x" }, "types": { "NoSuchType": "y" }, "events": { "widget.exploded": "z" } }""");
        _ = Widget(string.Empty, docs);
        Assert.That(docs.Unused(), Is.EqualTo(new[] { "events:widget.exploded", "properties:Widget.gone", "types:NoSuchType" }));
    }

    [Test]
    public void An_event_without_an_overlay_entry_gets_a_sentence_from_its_name()
    {
        var type = File(Run(SpecBuilder.Document(string.Empty), events: Events("widget", "widget.polished")), "StripeEventType.cs");
        Assert.That(type, Does.Contain("Wire value <c>widget.polished</c>. Widget: polished. Its <see cref=\"StripeEventData.Object\"/> is a widget (<see cref=\"Widget\"/>)."));
    }
}
