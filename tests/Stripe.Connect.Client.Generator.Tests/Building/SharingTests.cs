using static Stripe.Connect.Client.Generator.Tests.GeneratorTestSupport;

namespace Stripe.Connect.Client.Generator.Tests.Building;

/// <summary>Twins merge, identical shapes share one type, and what only looks alike stays apart.</summary>
public class SharingTests
{
    private const string Address = """{ "type": "object", "properties": { "city": { "type": "string" }, "line1": { "type": "string" } } }""";

    private const string CreateBody = """
    { "properties": {
        "settings": { "type": "object", "properties": { "color": { "type": "string" }, "size": { "type": "string" } } },
        "payout_to": { "type": "object", "required": ["object", "number", "currency"],
                       "properties": { "object": { "type": "string" }, "holder_type": { "type": "string" }, "number": { "type": "string" }, "currency": { "type": "string" } } },
        "address": ADDRESS_TITLED,
        "company": { "type": "object", "properties": { "structure": { "type": "string", "enum": ["corp", "llc"] }, "kind": { "type": "string", "enum": ["a", "b"] } } }
    } }
    """;

    private const string UpdateBody = """
    { "properties": {
        "settings": { "type": "object", "properties": { "color": { "type": "string" }, "size": { "type": "string" },
                      "tax_ids": { "anyOf": [ { "type": "array", "items": { "type": "string" } }, { "type": "string", "enum": [""] } ] } } },
        "payout_to": { "type": "object", "required": ["object", "number"],
                       "properties": { "object": { "type": "string", "enum": ["bank_account"] }, "holder_type": { "type": "string", "enum": ["company", "individual"] }, "number": { "type": "string" }, "currency": { "type": "string" } } },
        "home": ADDRESS
    } }
    """;

    private static GenerationResult Twins(string extraSchemas = "", string widgetProperties = "")
    {
        var doc = SpecBuilder.Document(widgetProperties, extraSchemas, createBody: CreateBody.Replace("ADDRESS_TITLED", Address.Replace("\"type\": \"object\"", "\"type\": \"object\", \"title\": \"address_specs\"", StringComparison.Ordinal), StringComparison.Ordinal));
        doc = SpecBuilder.WithOperation(doc, "/v1/widgets/{widget}", "post", "PostWidgetsWidget", UpdateBody.Replace("ADDRESS", Address, StringComparison.Ordinal));
        doc = SpecBuilder.WithOperation(doc, "/v1/widgets/search", "get", "GetWidgetsSearch", """{ "properties": { "settings": { "type": "object", "properties": { "color": { "type": "string" } } } } }""");
        return Run(doc, SpecBuilder.ConfigWithUpdate());
    }

    [Test]
    public void Create_and_update_twins_are_one_record_and_members_only_one_accepts_say_so()
    {
        var result = Twins();
        var settings = File(result, "Requests/WidgetSettingsInput.cs");
        Assert.Multiple(() =>
        {
            Assert.That(File(result, "WidgetCreateRequest.cs"), Does.Contain("public WidgetSettingsInput? Settings { get; init; }"));
            Assert.That(File(result, "WidgetUpdateRequest.cs"), Does.Contain("public WidgetSettingsInput? Settings { get; init; }"));
            Assert.That(settings, Does.Contain("public Emptyable<IReadOnlyList<string>>? TaxIds { get; init; }"));
            Assert.That(settings, Does.Contain("Accepted only by <see cref=\"WidgetUpdateRequest\"/>"));
            Assert.That(result.Files.Keys, Has.None.Contains("WidgetCreateSettings").And.None.Contains("WidgetUpdateSettings"));
        });
    }

    [Test]
    public void Twins_merge_a_free_string_into_an_enum_and_into_a_one_value_discriminator_and_require_only_what_both_require()
    {
        var payout = File(Twins(), "WidgetPayoutToInput.cs");
        Assert.Multiple(() =>
        {
            Assert.That(payout, Does.Contain("public WidgetPayoutToHolderType? HolderType { get; init; }"), "the enum wins over the string");
            Assert.That(payout, Does.Contain("writer.Add(\"object\", \"bank_account\");"), "the discriminator wins: no Object member");
            Assert.That(payout, Does.Not.Contain("Object {"));
            Assert.That(payout, Does.Contain("public string? Currency { get; init; }"), "required by one twin only");
            Assert.That(payout, Does.Contain("public required string Number { get; init; }"));
        });
    }

    [Test]
    public void A_member_only_one_twin_requires_is_checked_by_that_twins_request_before_sending()
    {
        var result = Twins();
        Assert.Multiple(() =>
        {
            Assert.That(File(result, "WidgetCreateRequest.cs"), Does.Contain("if (PayoutTo is { } p)\n        {\n            writer.Require(\"payout_to[currency]\", !string.IsNullOrEmpty(p.Currency));"));
            Assert.That(File(result, "WidgetUpdateRequest.cs"), Does.Not.Contain("payout_to[currency]"));
            Assert.That(File(result, "WidgetPayoutToInput.cs"), Does.Contain("Required by <see cref=\"WidgetCreateRequest\"/>, which checks it before sending."));
        });
    }

    [Test]
    public void A_place_that_is_not_a_twin_keeps_its_method_in_its_name()
    {
        var result = Twins();
        Assert.That(File(result, "WidgetSearchRequest.cs"), Does.Contain("public WidgetSearchSettingsInput? Settings { get; init; }"));
        Assert.That(File(result, "WidgetSearchSettingsInput.cs"), Does.Not.Contain("Size"));
        Assert.That(result.Report.Notes, Has.Some.StartsWith("WidgetSearchRequest.settings: another shape has its default name"));
    }

    [Test]
    public void Identical_request_shapes_under_different_names_share_the_title_they_have()
    {
        var result = Twins();
        Assert.Multiple(() =>
        {
            Assert.That(File(result, "WidgetCreateRequest.cs"), Does.Contain("public AddressInput? Address { get; init; }"));
            Assert.That(File(result, "WidgetUpdateRequest.cs"), Does.Contain("public AddressInput? Home { get; init; }"), "the untitled place shares the titled one's type");
            Assert.That(Generated(result, "WidgetHomeInput.cs"), Is.False);
        });
    }

    [Test]
    public void Identical_response_shapes_share_a_record_named_after_their_common_words_but_empty_ones_stay_apart()
    {
        const string requirements = "{ \"type\": \"object\", \"properties\": { \"currently_due\": { \"type\": \"array\", \"items\": { \"type\": \"string\" } } } }";
        var result = Twins(
            $"\"widget_requirements\": {requirements}, \"widget_future_requirements\": {requirements}, \"widget_a_features\": {{ \"type\": \"object\", \"properties\": {{}} }}, \"widget_b_features\": {{ \"type\": \"object\", \"properties\": {{}} }}",
            "\"requirements\": { \"$ref\": \"#/components/schemas/widget_requirements\" }, \"future_requirements\": { \"$ref\": \"#/components/schemas/widget_future_requirements\" }, "
            + "\"a\": { \"$ref\": \"#/components/schemas/widget_a_features\" }, \"b\": { \"$ref\": \"#/components/schemas/widget_b_features\" }");
        var widget = File(result, "Models/Widget.cs");
        Assert.Multiple(() =>
        {
            Assert.That(widget, Does.Contain("public WidgetRequirements? Requirements { get; set; }"));
            Assert.That(widget, Does.Contain("public WidgetRequirements? FutureRequirements { get; set; }"));
            Assert.That(Generated(result, "WidgetFutureRequirements.cs"), Is.False);
            Assert.That(widget, Does.Contain("public WidgetAFeatures? A { get; set; }").And.Contain("public WidgetBFeatures? B { get; set; }"), "empty objects say nothing about what they are");
        });
    }

    [Test]
    public void Enums_of_the_same_field_with_the_same_values_are_one_type_and_other_fields_with_those_values_are_not()
    {
        var result = Twins(
            "\"legal_entity_company\": { \"type\": \"object\", \"properties\": { \"structure\": { \"type\": \"string\", \"enum\": [\"corp\", \"llc\"] }, \"category\": { \"type\": \"string\", \"enum\": [\"a\", \"b\"] } } }",
            "\"company\": { \"$ref\": \"#/components/schemas/legal_entity_company\" }");
        Assert.Multiple(() =>
        {
            Assert.That(File(result, "LegalEntityCompany.cs"), Does.Contain("public CompanyStructure? Structure { get; set; }"));
            Assert.That(File(result, "WidgetCompanyInput.cs"), Does.Contain("public CompanyStructure? Structure { get; init; }"), "AccountCompanyStructure + LegalEntityCompanyStructure");
            Assert.That(File(result, "LegalEntityCompany.cs"), Does.Contain("public LegalEntityCompanyCategory? Category { get; set; }"));
            Assert.That(File(result, "WidgetCompanyInput.cs"), Does.Contain("public WidgetCompanyKind? Kind { get; init; }"), "same values, another field: apart");
        });
    }
}
