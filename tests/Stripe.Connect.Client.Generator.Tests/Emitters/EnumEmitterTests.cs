using static Stripe.Connect.Client.Generator.Tests.GeneratorTestSupport;

namespace Stripe.Connect.Client.Generator.Tests.Emitters;

public class EnumEmitterTests
{
    [Test]
    public void Enums_become_extensible_partial_structs_named_owner_plus_property()
    {
        var result = Run(SpecBuilder.Document("\"status\": { \"type\": \"string\", \"enum\": [\"account_onboarding\", \"rejected.fraud\", \"3d_secure\", \"value\", \"*\", \"\"] }"));
        Assert.That(File(result, "Widget.cs"), Does.Contain("public WidgetStatus? Status { get; set; }"));
        var e = File(result, "Enums/WidgetStatus.cs");
        Assert.Multiple(() =>
        {
            Assert.That(e, Does.Contain("public readonly partial struct WidgetStatus : IStripeEnum<WidgetStatus>"));
            Assert.That(e, Does.Contain("[JsonConverter(typeof(StripeEnumJsonConverter<WidgetStatus>))]"));
            Assert.That(e, Does.Contain("public static WidgetStatus AccountOnboarding { get; } = new(\"account_onboarding\");"));
            Assert.That(e, Does.Contain("public static WidgetStatus RejectedFraud { get; } = new(\"rejected.fraud\");"));
            Assert.That(e, Does.Contain("public static WidgetStatus Value3dSecure { get; } = new(\"3d_secure\");"));
            Assert.That(e, Does.Contain("public static WidgetStatus ValueValue { get; } = new(\"value\");"), "a member that clashes with Value gets a suffix");
            Assert.That(e, Does.Contain("public static WidgetStatus All { get; } = new(\"*\");"), "the wildcard says what it means");
            Assert.That(e, Does.Not.Contain("new(\"\")"), "the empty string is expressed with Emptyable, never a member");
            Assert.That(e, Does.Contain("if (utf8.SequenceEqual(\"account_onboarding\"u8))"));
            Assert.That(e, Does.Contain("public static implicit operator WidgetStatus(string value) => FromWire(value);"));
        });
    }

    [Test]
    public void A_request_enum_and_a_response_enum_of_the_same_field_are_one_type_with_both_sets_of_values()
    {
        var result = Run(SpecBuilder.Document(
            "\"tier\": { \"type\": \"string\", \"enum\": [\"gold\", \"silver\"] }",
            createBody: """{ "properties": { "tier": { "type": "string", "enum": ["gold", "bronze"] } } }"""));
        var e = File(result, "WidgetTier.cs");
        Assert.Multiple(() =>
        {
            Assert.That(e, Does.Contain("Bronze").And.Contain("Gold").And.Contain("Silver"));
            Assert.That(File(result, "WidgetCreateRequest.cs"), Does.Contain("public WidgetTier? Tier { get; init; }"));
            Assert.That(result.Files.Keys.Count(k => k.Contains("Tier", StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }
}
