using static Stripe.Connect.Client.Generator.Tests.GeneratorTestSupport;

namespace Stripe.Connect.Client.Generator.Tests.Emitters;

public class UnionEmitterTests
{
    private const string Shape = "\"type\": \"object\", \"required\": [\"id\"], \"properties\": { \"id\": { \"type\": \"string\" }, \"object\": { \"type\": \"string\", \"enum\": [\"{0}\"] }, \"{1}\": { \"type\": \"string\" } }";

    internal static GenerationResult ExternalAccounts() => Run(SpecBuilder.Document(
        "\"payout_to\": { \"anyOf\": [ { \"$ref\": \"#/components/schemas/bank_account\" }, { \"$ref\": \"#/components/schemas/card\" } ] }",
        "\"bank_account\": {" + Shape.Replace("{0}", "bank_account").Replace("{1}", "bank_name") + "},"
        + "\"card\": {" + Shape.Replace("{0}", "card").Replace("{1}", "brand") + "},"
        + "\"external_account\": { \"anyOf\": [ { \"$ref\": \"#/components/schemas/bank_account\" }, { \"$ref\": \"#/components/schemas/card\" } ] }"));

    [Test]
    public void AnyOf_refs_with_a_named_union_become_an_abstract_base_with_the_shared_members()
    {
        var result = ExternalAccounts();
        Assert.That(File(result, "Widget.cs"), Does.Contain("public ExternalAccount? PayoutTo { get; set; }"));
        var union = File(result, "Models/ExternalAccount.cs");
        var bank = File(result, "BankAccount.cs");
        Assert.Multiple(() =>
        {
            Assert.That(union, Does.Contain("[JsonConverter(typeof(ExternalAccountJsonConverter))]"));
            Assert.That(union, Does.Contain("public abstract partial record ExternalAccount : StripeEntity, IHasId"));
            Assert.That(union, Does.Contain("public string Id { get; set => field = value ?? string.Empty; } = string.Empty;"));
            Assert.That(bank, Does.Contain("public sealed partial record BankAccount : ExternalAccount"));
            Assert.That(bank, Does.Contain("Object = \"bank_account\";"), "each variant sets its object name");
            Assert.That(bank, Does.Not.Contain("public string Id"));
        });
    }

    [Test]
    public void The_union_converter_picks_the_variant_from_the_object_field()
    {
        var converter = File(ExternalAccounts(), "Serialization/ExternalAccountJsonConverter.cs");
        Assert.Multiple(() =>
        {
            Assert.That(converter, Does.Contain("JsonObjectType.Peek(reader)"));
            Assert.That(converter, Does.Contain("\"card\" => CardJsonConverter.Instance.Read(ref reader, typeof(Card), options),"), "variants are read by their generated readers, no options lookup");
            Assert.That(converter, Does.Contain("_ => BankAccountJsonConverter.Instance.Read(ref reader, typeof(BankAccount), options),"), "unknown kinds fall back to the first variant");
            Assert.That(converter, Does.Contain("CardJsonConverter.Instance.Write(writer, v, options);"));
        });
        var bankReader = File(ExternalAccounts(), "BankAccountJsonConverter.cs");
        Assert.That(bankReader, Does.Contain("if (name.SequenceEqual(\"id\"u8))"), "members inherited from the union base are read too");
    }

    [Test]
    public void Expandable_fields_and_stubs_become_expandable_stripe_objects()
    {
        var result = Run(SpecBuilder.Document(
            "\"owner\": { \"anyOf\": [ { \"type\": \"string\" }, { \"$ref\": \"#/components/schemas/widget\" } ], \"nullable\": true }, "
            + "\"charge\": { \"anyOf\": [ { \"type\": \"string\" }, { \"$ref\": \"#/components/schemas/charge\" } ] }",
            "\"charge\": { \"type\": \"object\", \"x-resourceId\": \"charge\", \"x-stripeStub\": true, \"properties\": { \"id\": { \"type\": \"string\" } } }"));
        var widget = File(result, "Widget.cs");
        Assert.Multiple(() =>
        {
            Assert.That(widget, Does.Contain("[JsonConverter(typeof(ExpandableJsonConverter<Widget>))]"));
            Assert.That(widget, Does.Contain("public Expandable<Widget>? Owner { get; set; }"));
            Assert.That(widget, Does.Contain("public Expandable<StripeObject>? Charge { get; set; }"));
            Assert.That(Generated(result, "Charge.cs"), Is.False, "stubs are not generated");
        });
    }

    [Test]
    public void A_typed_inline_union_has_its_in_scope_variants_and_a_generic_fallback_for_the_rest()
    {
        var result = Run(
            SpecBuilder.Document(
                "\"source\": { \"anyOf\": [ { \"type\": \"string\" }, { \"$ref\": \"#/components/schemas/gadget\" }, { \"$ref\": \"#/components/schemas/charge\" }, { \"$ref\": \"#/components/schemas/gizmo\" } ], \"nullable\": true }",
                "\"gadget\": {" + Shape.Replace("{0}", "gadget").Replace("{1}", "color") + "},"
                + "\"gizmo\": {" + Shape.Replace("{0}", "gizmo").Replace("{1}", "size") + "},"
                + "\"charge\": { \"type\": \"object\", \"x-resourceId\": \"charge\", \"x-stripeStub\": true, \"properties\": { \"id\": { \"type\": \"string\" } } }"),
            SpecBuilder.Config("\"typedUnions\": [\"widget.source\"]"));
        var union = File(result, "Models/WidgetSource.cs");
        var other = File(result, "Models/OtherWidgetSource.cs");
        var converter = File(result, "Serialization/WidgetSourceJsonConverter.cs");
        var gadget = File(result, "Models/Gadget.cs");
        Assert.Multiple(() =>
        {
            Assert.That(File(result, "Models/Widget.cs"), Does.Contain("public Expandable<WidgetSource>? Source { get; set; }"));
            Assert.That(union, Does.Contain("public abstract partial record WidgetSource : StripeEntity, IHasId"));
            Assert.That(union, Does.Contain("any other <c>object</c> value is read as <see cref=\"OtherWidgetSource\"/>"));
            Assert.That(union, Does.Not.Contain("Color").And.Not.Contain("Size"), "the base holds only id and object");
            Assert.That(gadget, Does.Contain("public sealed partial record Gadget : WidgetSource"));
            Assert.That(other, Does.Contain("public sealed partial record OtherWidgetSource : WidgetSource"));
            Assert.That(other, Does.Contain("public JsonElement Json { get; }"));
            Assert.That(other, Does.Contain("public override string ToString() => $\"{Object} {Id}\";"), "the raw JSON is never printed");
            Assert.That(converter, Does.Contain("\"gadget\" => GadgetJsonConverter.Instance.Read(ref reader, typeof(Gadget), options),"), "every variant is matched, the first too");
            Assert.That(converter, Does.Contain("\"gizmo\" => GizmoJsonConverter.Instance.Read(ref reader, typeof(Gizmo), options),"));
            Assert.That(converter, Does.Not.Contain("\"charge\""), "a stub is no variant: it reads as the fallback");
            Assert.That(converter, Does.Contain("_ => ReadOther(ref reader),"));
            Assert.That(converter, Does.Contain("case OtherWidgetSource v:"));
        });
    }

    [Test]
    public void An_inline_union_not_listed_in_typed_unions_stays_a_stripe_object()
    {
        var result = Run(SpecBuilder.Document(
            "\"source\": { \"anyOf\": [ { \"type\": \"string\" }, { \"$ref\": \"#/components/schemas/gadget\" }, { \"$ref\": \"#/components/schemas/gizmo\" } ], \"nullable\": true }",
            "\"gadget\": {" + Shape.Replace("{0}", "gadget").Replace("{1}", "color") + "},"
            + "\"gizmo\": {" + Shape.Replace("{0}", "gizmo").Replace("{1}", "size") + "}"));
        Assert.Multiple(() =>
        {
            Assert.That(File(result, "Models/Widget.cs"), Does.Contain("public Expandable<StripeObject>? Source { get; set; }"));
            Assert.That(result.Files.Keys, Has.None.Contains("WidgetSource"));
        });
    }
}
