using static Stripe.Connect.Client.Generator.Tests.GeneratorTestSupport;

namespace Stripe.Connect.Client.Generator.Tests.Emitters;

public class RecordEmitterTests
{
    [Test]
    public void Ref_to_a_nested_schema_becomes_its_own_record_with_its_own_empty_default()
    {
        var result = Run(SpecBuilder.Document(
            "\"part\": { \"$ref\": \"#/components/schemas/widget_part\" }",
            "\"widget_part\": { \"type\": \"object\", \"properties\": { \"size\": { \"type\": \"integer\" } } }",
            required: "\"id\", \"part\""));
        var widget = File(result, "Models/Widget.cs");
        Assert.Multiple(() =>
        {
            Assert.That(widget, Does.Contain("public sealed partial record Widget : StripeEntity, IHasId"));
            Assert.That(widget, Does.Contain("public WidgetPart Part { get; set => field = value ?? new WidgetPart(); }\n"));
            Assert.That(widget, Does.Contain("public Widget()\n    {\n        Part = new WidgetPart();\n    }"), "the public constructor creates the default");
            Assert.That(widget, Does.Contain("internal Widget(WithoutDefaults unset)"), "the reader's constructor leaves it to the reader");
            Assert.That(File(result, "WidgetPart.cs"), Does.Contain("public sealed partial record WidgetPart : StripeEntity"));
            Assert.That(File(result, "WidgetPart.cs"), Does.Not.Contain("static readonly WidgetPart Empty"), "records are mutable, so no shared empty instance");
            Assert.That(File(result, "WidgetPart.cs"), Does.Contain("public long? Size { get; set; }"));
        });
    }

    [Test]
    public void Inline_nested_object_is_named_owner_plus_property()
    {
        var result = Run(SpecBuilder.Document("\"settings\": { \"type\": \"object\", \"properties\": { \"color\": { \"type\": \"string\", \"nullable\": true } } }"));
        Assert.That(File(result, "Widget.cs"), Does.Contain("public WidgetSettings? Settings { get; set; }"));
        Assert.That(File(result, "WidgetSettings.cs"), Does.Contain("[JsonPropertyName(\"color\")]"));
    }

    [Test]
    public void Nullable_and_required_decide_nullability_and_defaults_and_metadata_is_never_null()
    {
        var result = Run(SpecBuilder.Document(
            "\"name\": { \"type\": \"string\" }, \"nickname\": { \"type\": \"string\", \"nullable\": true }, \"note\": { \"type\": \"string\" }, \"count\": { \"type\": \"integer\" }, \"ratio\": { \"type\": \"number\", \"nullable\": true }, \"tags\": { \"type\": \"array\", \"items\": { \"type\": \"string\" } }, \"metadata\": { \"type\": \"object\", \"additionalProperties\": { \"type\": \"string\" }, \"nullable\": true }",
            required: "\"id\", \"name\", \"nickname\", \"count\", \"tags\""));
        var widget = File(result, "Widget.cs");
        Assert.Multiple(() =>
        {
            Assert.That(widget, Does.Contain("public string Name { get; set => field = value ?? string.Empty; } = string.Empty;"));
            Assert.That(widget, Does.Contain("public string? Nickname { get; set; }"));
            Assert.That(widget, Does.Contain("public string? Note { get; set; }"));
            Assert.That(widget, Does.Contain("public long Count { get; set; }"));
            Assert.That(widget, Does.Contain("public decimal? Ratio { get; set; }"));
            Assert.That(widget, Does.Contain("public IReadOnlyList<string> Tags { get; set => field = value ?? []; } = [];"));
            Assert.That(widget, Does.Contain("public IReadOnlyDictionary<string, string> Metadata { get; set => field = value ?? System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;"), "metadata is never null, even when optional and nullable");
        });
    }

    [Test]
    public void Unix_time_uses_the_time_converters()
    {
        var result = Run(SpecBuilder.Document(
            "\"created\": { \"type\": \"integer\", \"format\": \"unix-time\" }, \"expires_at\": { \"type\": \"integer\", \"format\": \"unix-time\", \"nullable\": true }",
            required: "\"id\", \"created\", \"expires_at\""));
        var widget = File(result, "Widget.cs");
        Assert.That(widget, Does.Contain("[JsonConverter(typeof(UnixTimeJsonConverter))]\n    public DateTimeOffset Created { get; set; }"));
        Assert.That(widget, Does.Contain("[JsonConverter(typeof(NullableUnixTimeJsonConverter))]\n    public DateTimeOffset? ExpiresAt { get; set; }"));
    }

    [Test]
    public void A_fixed_object_name_is_the_default_and_secret_fields_are_masked()
    {
        var result = Run(SpecBuilder.Document("\"client_secret\": { \"type\": \"string\" }", required: "\"id\", \"object\""));
        var widget = File(result, "Widget.cs");
        Assert.Multiple(() =>
        {
            Assert.That(widget, Does.Contain("public string Object { get; set => field = value ?? \"widget\"; } = \"widget\";"));
            Assert.That(widget, Does.Contain("protected override bool PrintMembers(StringBuilder builder)"));
            Assert.That(widget, Does.Contain("builder.Append(ClientSecret is null ? \"null\" : \"***\");"));
        });
    }

    [Test]
    public void A_deprecated_member_is_obsolete_with_the_overlay_replacement()
    {
        var docs = Stripe.Connect.Client.Generator.Docs.DocsOverlay.Parse("""{ "obsolete": { "Widget.source": "Read Origin instead." } }""");
        var result = Run(SpecBuilder.Document("\"source\": { \"type\": \"string\", \"deprecated\": true }, \"origin\": { \"type\": \"string\" }"), docs: docs);
        Assert.That(File(result, "Widget.cs"), Does.Contain("[Obsolete(\"Read Origin instead.\")]\n    public string? Source { get; set; }"));
        Assert.That(File(result, "WidgetJsonConverter.cs"), Does.Contain("#pragma warning disable CS0618"), "the converter still reads and writes it");
        Assert.That(docs.Unused(), Is.Empty);
    }
}
