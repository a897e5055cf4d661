using static Stripe.Connect.Client.Generator.Tests.GeneratorTestSupport;

namespace Stripe.Connect.Client.Generator.Tests.Emitters;

public class RecordConverterEmitterTests
{
    [Test]
    public void Every_record_gets_a_generated_reader_and_writer()
    {
        var result = Run(SpecBuilder.Document(
            "\"name\": { \"type\": \"string\" }, \"nickname\": { \"type\": \"string\", \"nullable\": true }, \"count\": { \"type\": \"integer\" }, \"created\": { \"type\": \"integer\", \"format\": \"unix-time\" }, \"tags\": { \"type\": \"array\", \"items\": { \"type\": \"string\" } }, \"part\": { \"$ref\": \"#/components/schemas/widget_part\" }",
            "\"widget_part\": { \"type\": \"object\", \"properties\": { \"size\": { \"type\": \"integer\" } } }",
            required: "\"id\", \"name\", \"count\", \"created\", \"tags\", \"part\""));
        Assert.That(File(result, "Widget.cs"), Does.Contain("[JsonConverter(typeof(WidgetJsonConverter))]\npublic sealed partial record Widget"));
        var reader = File(result, "Serialization/WidgetJsonConverter.cs");
        Assert.Multiple(() =>
        {
            Assert.That(reader, Does.Contain("internal sealed class WidgetJsonConverter : JsonConverter<Widget>"));
            Assert.That(reader, Does.Contain("internal static readonly WidgetJsonConverter Instance = new();"));
            Assert.That(reader, Does.Contain("switch (name.Length)"), "names are matched by length first");
            Assert.That(reader, Does.Contain("case 4:"));
            Assert.That(reader, Does.Contain("if (name.SequenceEqual(\"name\"u8))"));
            Assert.That(reader, Does.Contain("value.Name = reader.TokenType == JsonTokenType.Null ? null! : reader.GetString()!;"), "the setter turns null into the default");
            Assert.That(reader, Does.Contain("value.Nickname = reader.TokenType == JsonTokenType.Null ? null : reader.GetString();"));
            Assert.That(reader, Does.Contain("value.Count = reader.GetInt64();"));
            Assert.That(reader, Does.Contain("value.Created = JsonUnixTime.Read(ref reader);"), "Unix times without a converter instance");
            Assert.That(reader, Does.Contain("JsonUnixTime.Write(writer, value.Created);"));
            Assert.That(reader, Does.Not.Contain("UnixTimeJsonConverter"));
            Assert.That(reader, Does.Contain("value.Tags = reader.TokenType == JsonTokenType.Null ? null! : JsonLists.ReadStrings(ref reader)!;"), "lists are read by the hand-written loops");
            Assert.That(reader, Does.Not.Contain("JsonSerializer.Deserialize"));
            Assert.That(reader, Does.Contain("JsonSerializer.Serialize(writer, v"), "lists are still written by System.Text.Json");
            Assert.That(reader, Does.Contain("WidgetPartJsonConverter.Instance.Read(ref reader, typeof(WidgetPart), options)"), "nested records are read by their own reader");
            Assert.That(reader, Does.Contain("var value = new Widget(default(WithoutDefaults));"));
            Assert.That(reader, Does.Contain("value.Part ??= new WidgetPart();"), "the reader gives a missing member its default");
            Assert.That(reader, Does.Contain("JsonReading.Skip(ref reader);"), "unknown members are skipped");
            Assert.That(reader, Does.Contain("writer.WritePropertyName(\"count\"u8);\n        writer.WriteNumberValue(value.Count);"));
            Assert.That(reader, Does.Contain("if (value.Nickname is { } v"), "null members are not written");
            Assert.That(reader, Does.Contain("JsonReading.StringOr(ref reader, \"widget\"u8, \"widget\")"), "a fixed object name is read without allocating");
        });
    }

    [Test]
    public void Lists_maps_and_pages_are_read_by_the_json_helpers_with_their_item_converters()
    {
        var result = Run(SpecBuilder.Document(
            "\"codes\": { \"type\": \"array\", \"items\": { \"type\": \"string\" }, \"nullable\": true }, "
            + "\"days\": { \"type\": \"array\", \"items\": { \"type\": \"integer\" }, \"nullable\": true }, "
            + "\"kinds\": { \"type\": \"array\", \"items\": { \"type\": \"string\", \"enum\": [\"a\", \"b\"] }, \"nullable\": true }, "
            + "\"parts\": { \"type\": \"array\", \"items\": { \"$ref\": \"#/components/schemas/widget_part\" }, \"nullable\": true }, "
            + "\"labels\": { \"type\": \"object\", \"additionalProperties\": { \"type\": \"string\" }, \"nullable\": true }, "
            + "\"currencies\": { \"type\": \"object\", \"additionalProperties\": { \"type\": \"array\", \"items\": { \"type\": \"string\" } } }, "
            + "\"grid\": { \"type\": \"array\", \"items\": { \"type\": \"array\", \"items\": { \"type\": \"string\" } }, \"nullable\": true }, "
            + "\"children\": { \"type\": \"object\", \"properties\": { \"object\": { \"type\": \"string\", \"enum\": [\"list\"] }, \"data\": { \"type\": \"array\", \"items\": { \"$ref\": \"#/components/schemas/widget_part\" } }, \"has_more\": { \"type\": \"boolean\" }, \"url\": { \"type\": \"string\" } }, \"required\": [\"data\", \"has_more\", \"object\", \"url\"] }",
            "\"widget_part\": { \"type\": \"object\", \"properties\": { \"size\": { \"type\": \"integer\" } } }",
            required: "\"id\", \"currencies\", \"children\""));
        var reader = File(result, "WidgetJsonConverter.cs");
        Assert.Multiple(() =>
        {
            Assert.That(reader, Does.Contain("value.Codes = reader.TokenType == JsonTokenType.Null ? null : JsonLists.ReadStrings(ref reader);"));
            Assert.That(reader, Does.Contain("value.Days = reader.TokenType == JsonTokenType.Null ? null : JsonLists.ReadLongs(ref reader);"));
            Assert.That(reader, Does.Contain("value.Kinds = reader.TokenType == JsonTokenType.Null ? null : JsonLists.ReadEnums<WidgetKinds>(ref reader);"), "enum items by JsonEnums, no converter instance");
            Assert.That(reader, Does.Contain("value.Parts = reader.TokenType == JsonTokenType.Null ? null : JsonLists.ReadList(ref reader, WidgetPartJsonConverter.Instance, options);"), "record items by their reader");
            Assert.That(reader, Does.Contain("value.Labels = reader.TokenType == JsonTokenType.Null ? null : JsonMaps.ReadStrings(ref reader);"));
            Assert.That(reader, Does.Contain("value.Currencies = reader.TokenType == JsonTokenType.Null ? null! : JsonMaps.ReadStringLists(ref reader)!;"));
            Assert.That(reader, Does.Contain("value.Children = reader.TokenType == JsonTokenType.Null ? null! : JsonPages.Read(ref reader, WidgetPartJsonConverter.Instance, options)!;"), "pages by the page reader");
            Assert.That(reader, Does.Contain("value.Children ??= new StripeList<WidgetPart>();"), "a page default is only created when the JSON lacks it");
            Assert.That(reader, Does.Contain("JsonSerializer.Deserialize(ref reader, JsonInfo<IReadOnlyList<IReadOnlyList<string>>>.Get(options))"), "other shapes still go through System.Text.Json");
        });
    }

    [Test]
    public void A_scalar_enum_is_read_and_written_by_JsonEnums_without_a_converter_field()
    {
        var result = Run(SpecBuilder.Document(
            "\"status\": { \"type\": \"string\", \"enum\": [\"on\", \"off\"] }, \"mode\": { \"type\": \"string\", \"enum\": [\"a\", \"b\"], \"nullable\": true }",
            required: "\"id\", \"status\""));
        var reader = File(result, "WidgetJsonConverter.cs");
        Assert.Multiple(() =>
        {
            Assert.That(reader, Does.Contain("value.Status = JsonEnums.Read<WidgetStatus>(ref reader);"));
            Assert.That(reader, Does.Contain("value.Mode = reader.TokenType == JsonTokenType.Null ? null : (WidgetMode?)JsonEnums.Read<WidgetMode>(ref reader);"));
            Assert.That(reader, Does.Contain("JsonEnums.Write(writer, value.Status);"));
            Assert.That(reader, Does.Not.Contain("StripeEnumJsonConverter"), "no converter instance per enum: its generic code would go to the JIT on first use");
        });
    }

    [Test]
    public void Rfc3339_timestamps_and_decimal_and_int64_strings_have_their_own_codecs()
    {
        var result = Run(SpecBuilder.Document(
            "\"updated\": { \"type\": \"string\", \"format\": \"date-time\" }, \"percent\": { \"type\": \"string\", \"format\": \"decimal\" }, \"big\": { \"type\": \"string\", \"format\": \"int64\" }",
            required: "\"id\", \"updated\", \"percent\", \"big\""));
        var widget = File(result, "Widget.cs");
        var reader = File(result, "WidgetJsonConverter.cs");
        Assert.Multiple(() =>
        {
            Assert.That(widget, Does.Contain("public DateTimeOffset Updated { get; set; }"));
            Assert.That(widget, Does.Contain("public decimal Percent { get; set; }"));
            Assert.That(widget, Does.Contain("public long Big { get; set; }"));
            Assert.That(reader, Does.Contain("value.Updated = reader.GetDateTimeOffset();"));
            Assert.That(reader, Does.Contain("value.Percent = JsonWireStrings.ReadDecimal(ref reader);"));
            Assert.That(reader, Does.Contain("JsonWireStrings.WriteDecimal(writer, value.Percent);"));
            Assert.That(reader, Does.Contain("value.Big = JsonWireStrings.ReadInt64(ref reader);"));
            Assert.That(result.Report.Skipped, Is.Empty, "known formats are not reported");
        });
    }
}
