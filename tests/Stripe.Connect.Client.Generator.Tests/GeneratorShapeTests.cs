namespace Stripe.Connect.Client.Generator.Tests;

/// <summary>The generator on small documents, one tricky shape each.</summary>
public class GeneratorShapeTests
{
    private static GenerationResult Run(string document) => CodeGenerator.Generate(document, SpecBuilder.Config());

    private static string File(GenerationResult result, string name)
    {
        Assert.That(result.Files.ContainsKey(name), Is.True, $"{name} was not generated; files: {string.Join(", ", result.Files.Keys)}");
        return result.Files[name];
    }

    [Test]
    public void Ref_to_a_nested_schema_becomes_its_own_record_with_its_own_empty_default()
    {
        var result = Run(SpecBuilder.Document(
            "\"part\": { \"$ref\": \"#/components/schemas/widget_part\" }",
            "\"widget_part\": { \"type\": \"object\", \"properties\": { \"size\": { \"type\": \"integer\" } } }",
            required: "\"id\", \"part\""));
        var widget = File(result, "Widget.cs");
        Assert.That(widget, Does.Contain("public WidgetPart Part { get; set => field = value ?? new WidgetPart(); }\n"));
        Assert.That(widget, Does.Contain("public Widget()\n    {\n        Part = new WidgetPart();\n    }"), "the public constructor creates the default");
        Assert.That(widget, Does.Contain("internal Widget(WithoutDefaults unset)"), "the reader's constructor leaves it to the reader");
        var reader = File(result, "WidgetJsonConverter.cs");
        Assert.That(reader, Does.Contain("var value = new Widget(default(WithoutDefaults));"));
        Assert.That(reader, Does.Contain("value.Part ??= new WidgetPart();"), "the reader gives a missing member its default");
        Assert.That(File(result, "WidgetPart.cs"), Does.Contain("public sealed record WidgetPart : StripeEntity"));
        Assert.That(File(result, "WidgetPart.cs"), Does.Not.Contain("static readonly WidgetPart Empty"), "records are mutable, so no shared empty instance");
        Assert.That(File(result, "WidgetPart.cs"), Does.Contain("public long? Size { get; set; }"));
    }

    [Test]
    public void Inline_nested_object_is_named_owner_plus_property()
    {
        var result = Run(SpecBuilder.Document("\"settings\": { \"type\": \"object\", \"properties\": { \"color\": { \"type\": \"string\", \"nullable\": true } } }"));
        Assert.That(File(result, "Widget.cs"), Does.Contain("public WidgetSettings? Settings { get; set; }"));
        Assert.That(File(result, "WidgetSettings.cs"), Does.Contain("[JsonPropertyName(\"color\")]"));
    }

    [Test]
    public void AnyOf_string_or_ref_is_an_expandable_field_and_stubs_become_StripeObject()
    {
        var result = Run(SpecBuilder.Document(
            "\"owner\": { \"anyOf\": [ { \"type\": \"string\" }, { \"$ref\": \"#/components/schemas/widget\" } ], \"nullable\": true }, "
            + "\"charge\": { \"anyOf\": [ { \"type\": \"string\" }, { \"$ref\": \"#/components/schemas/charge\" } ] }",
            "\"charge\": { \"type\": \"object\", \"x-resourceId\": \"charge\", \"x-stripeStub\": true, \"properties\": { \"id\": { \"type\": \"string\" } } }"));
        var widget = File(result, "Widget.cs");
        Assert.That(widget, Does.Contain("[JsonConverter(typeof(ExpandableJsonConverter<Widget>))]"));
        Assert.That(widget, Does.Contain("public Expandable<Widget>? Owner { get; set; }"));
        Assert.That(widget, Does.Contain("public Expandable<StripeObject>? Charge { get; set; }"));
        Assert.That(result.Files.ContainsKey("Charge.cs"), Is.False, "stubs are not generated");
    }

    [Test]
    public void AnyOf_refs_with_a_named_union_become_an_abstract_base_with_a_converter()
    {
        var shape = "\"type\": \"object\", \"required\": [\"id\"], \"properties\": { \"id\": { \"type\": \"string\" }, \"object\": { \"type\": \"string\", \"enum\": [\"{0}\"] }, \"{1}\": { \"type\": \"string\" } }";
        var result = Run(SpecBuilder.Document(
            "\"payout_to\": { \"anyOf\": [ { \"$ref\": \"#/components/schemas/bank_account\" }, { \"$ref\": \"#/components/schemas/card\" } ] }",
            "\"bank_account\": {" + shape.Replace("{0}", "bank_account").Replace("{1}", "bank_name") + "},"
            + "\"card\": {" + shape.Replace("{0}", "card").Replace("{1}", "brand") + "},"
            + "\"external_account\": { \"anyOf\": [ { \"$ref\": \"#/components/schemas/bank_account\" }, { \"$ref\": \"#/components/schemas/card\" } ] }"));
        Assert.That(File(result, "Widget.cs"), Does.Contain("public ExternalAccount? PayoutTo { get; set; }"));
        var union = File(result, "ExternalAccount.cs");
        Assert.That(union, Does.Contain("[JsonConverter(typeof(ExternalAccountJsonConverter))]"));
        Assert.That(union, Does.Contain("public abstract record ExternalAccount : StripeEntity, IHasId"));
        Assert.That(union, Does.Contain("public string Id { get; set => field = value ?? string.Empty; } = string.Empty;"));
        var bank = File(result, "BankAccount.cs");
        Assert.That(bank, Does.Contain("public sealed record BankAccount : ExternalAccount"));
        Assert.That(bank, Does.Contain("Object = \"bank_account\";"));
        Assert.That(bank, Does.Not.Contain("public string Id"));
        var converter = File(result, "ExternalAccountJsonConverter.cs");
        Assert.That(converter, Does.Contain("JsonObjectType.Peek(reader)"));
        Assert.That(converter, Does.Contain("\"card\" => CardJsonConverter.Instance.Read(ref reader, typeof(Card), options),"), "variants are read by their generated readers, no options lookup");
        Assert.That(converter, Does.Contain("_ => BankAccountJsonConverter.Instance.Read(ref reader, typeof(BankAccount), options),"), "unknown kinds fall back to the first variant");
        Assert.That(converter, Does.Contain("CardJsonConverter.Instance.Write(writer, v, options);"));
        Assert.That(bank, Does.Contain("[JsonConverter(typeof(BankAccountJsonConverter))]"));
        var bankReader = File(result, "BankAccountJsonConverter.cs");
        Assert.That(bankReader, Does.Contain("if (name.SequenceEqual(\"id\"u8))"), "members inherited from the union base are read too");
        Assert.That(bankReader, Does.Contain("if (name.SequenceEqual(\"bank_name\"u8))"));
    }

    [Test]
    public void Nullable_and_required_decide_nullability_and_defaults()
    {
        var result = Run(SpecBuilder.Document(
            "\"name\": { \"type\": \"string\" }, \"nickname\": { \"type\": \"string\", \"nullable\": true }, \"note\": { \"type\": \"string\" }, \"count\": { \"type\": \"integer\" }, \"ratio\": { \"type\": \"number\", \"nullable\": true }, \"tags\": { \"type\": \"array\", \"items\": { \"type\": \"string\" } }, \"metadata\": { \"type\": \"object\", \"additionalProperties\": { \"type\": \"string\" } }",
            required: "\"id\", \"name\", \"nickname\", \"count\", \"tags\", \"metadata\""));
        var widget = File(result, "Widget.cs");
        Assert.That(widget, Does.Contain("public string Name { get; set => field = value ?? string.Empty; } = string.Empty;"));
        Assert.That(widget, Does.Contain("public string? Nickname { get; set; }"));
        Assert.That(widget, Does.Contain("public string? Note { get; set; }"));
        Assert.That(widget, Does.Contain("public long Count { get; set; }"));
        Assert.That(widget, Does.Contain("public decimal? Ratio { get; set; }"));
        Assert.That(widget, Does.Contain("public IReadOnlyList<string> Tags { get; set => field = value ?? []; } = [];"));
        Assert.That(widget, Does.Contain("public IReadOnlyDictionary<string, string> Metadata { get; set => field = value ?? System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty; } = System.Collections.ObjectModel.ReadOnlyDictionary<string, string>.Empty;"));
    }

    [Test]
    public void Enums_become_extensible_structs_named_owner_plus_property()
    {
        var result = Run(SpecBuilder.Document("\"status\": { \"type\": \"string\", \"enum\": [\"account_onboarding\", \"rejected.fraud\", \"3d_secure\", \"value\", \"\"] }"));
        Assert.That(File(result, "Widget.cs"), Does.Contain("public WidgetStatus? Status { get; set; }"));
        var e = File(result, "WidgetStatus.cs");
        Assert.That(e, Does.Contain("public readonly struct WidgetStatus : IStripeEnum<WidgetStatus>"));
        Assert.That(e, Does.Contain("[JsonConverter(typeof(StripeEnumJsonConverter<WidgetStatus>))]"));
        Assert.That(e, Does.Contain("public static WidgetStatus AccountOnboarding { get; } = new(\"account_onboarding\");"));
        Assert.That(e, Does.Contain("public static WidgetStatus RejectedFraud { get; } = new(\"rejected.fraud\");"));
        Assert.That(e, Does.Contain("public static WidgetStatus Value3dSecure { get; } = new(\"3d_secure\");"));
        Assert.That(e, Does.Contain("public static WidgetStatus ValueValue { get; } = new(\"value\");"));
        Assert.That(e, Does.Not.Contain("new(\"\")"));
        Assert.That(e, Does.Contain("if (utf8.SequenceEqual(\"account_onboarding\"u8))"));
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
    public void Lists_get_a_page_method_an_auto_paging_method_and_json_metadata()
    {
        var result = Run(SpecBuilder.Document(string.Empty));
        var service = File(result, "WidgetService.cs");
        Assert.That(service, Does.Contain("public virtual Task<StripeList<Widget>> ListAsync(WidgetListRequest? request = null, RequestOptions? options = null, CancellationToken cancellationToken = default)"));
        Assert.That(service, Does.Contain("public virtual IAsyncEnumerable<Widget> ListAutoPagingAsync(WidgetListRequest? request = null, RequestOptions? options = null, CancellationToken cancellationToken = default)"));
        Assert.That(service, Does.Contain("return AutoPageAsync(\"/v1/widgets\", request, ConnectJsonContext.Default.StripeListWidget, options, cancellationToken);"));
        Assert.That(File(result, "ConnectJsonContext.cs"), Does.Contain("[JsonSerializable(typeof(StripeList<Widget>))]"));
        var request = File(result, "WidgetListRequest.cs");
        Assert.That(request, Does.Contain("public DateRangeFilter? Created { get; init; }"));
        Assert.That(request, Does.Contain("public long? Limit { get; init; }"));
        Assert.That(File(result, "DateRangeFilter.cs"), Does.Contain("public DateTimeOffset? Exact { get; init; }"));
    }

    [Test]
    public void Paths_without_ids_are_static_fields_that_keep_their_parsed_url()
    {
        var result = Run(SpecBuilder.Document(string.Empty));
        var service = File(result, "WidgetService.cs");
        Assert.That(service, Does.Contain("using Stripe.Connect.Client.Http;"));
        Assert.That(service, Does.Contain("private static readonly ConstantPath WidgetsPath = new(\"/v1/widgets\");"));
        Assert.That(service, Does.Contain("return SendAsync(HttpMethod.Post, WidgetsPath, null, ConnectJsonContext.Default.Widget, options, cancellationToken);"));
        Assert.That(service, Does.Contain("return SendAsync(HttpMethod.Get, WidgetsPath, request, ConnectJsonContext.Default.StripeListWidget, options, cancellationToken);"), "one field per path, shared by its methods");
        Assert.That(service, Does.Not.Contain("ConstantPath WidgetsWidgetPath"), "a path with an id stays an interpolated string");
    }

    [Test]
    public void A_fixed_object_name_is_read_without_allocating_a_string()
    {
        var result = Run(SpecBuilder.Document(string.Empty, required: "\"id\", \"object\""));
        Assert.That(File(result, "Widget.cs"), Does.Contain("public string Object { get; set => field = value ?? \"widget\"; } = \"widget\";"));
        Assert.That(File(result, "WidgetJsonConverter.cs"), Does.Contain("JsonReading.StringOr(ref reader, \"widget\"u8, \"widget\")"));
    }

    [Test]
    public void Deleted_objects_and_path_ids_are_generated()
    {
        var result = Run(SpecBuilder.Document(string.Empty));
        Assert.That(File(result, "DeletedWidget.cs"), Does.Contain("public bool Deleted { get; set; }"));
        var service = File(result, "WidgetService.cs");
        Assert.That(service, Does.Contain("public virtual Task<DeletedWidget> DeleteAsync(string widgetId, RequestOptions? options = null, CancellationToken cancellationToken = default)"));
        Assert.That(service, Does.Contain("$\"/v1/widgets/{PathId(widgetId, nameof(widgetId))}\""));
        Assert.That(service, Does.Contain("public virtual Task<Widget> GetAsync(string widgetId, WidgetGetRequest? request = null,"));
        Assert.That(File(result, "WidgetGetRequest.cs"), Does.Contain("public IReadOnlyList<string>? Expand { get; init; }"));
    }

    [Test]
    public void Titled_request_objects_with_the_same_shape_share_one_record_named_after_the_title()
    {
        const string panel = """{ "type": "object", "title": "panel_specs", "properties": { "color": { "type": "string" }, "hinge": { "type": "object", "properties": { "size": { "type": "integer" } } } } }""";
        const string body = """
        {
          "type": "object",
          "properties": {
            "front": PANEL,
            "back": PANEL,
            "side": { "type": "object", "title": "panel_specs", "required": ["color"], "properties": { "color": { "type": "string" } } },
            "trim": { "type": "object", "title": "edge_param", "properties": { "a": { "type": "string" } } },
            "edge": { "type": "object", "title": "edge_param", "properties": { "b": { "type": "string" } } }
          }
        }
        """;
        var result = Run(SpecBuilder.Document(string.Empty, createBody: body.Replace("PANEL", panel, StringComparison.Ordinal)));
        var request = File(result, "WidgetCreateRequest.cs");

        // Same title, same shape: one record named after the title, its nested records named after it.
        Assert.That(request, Does.Contain("public PanelOptions? Front { get; init; }"));
        Assert.That(request, Does.Contain("public PanelOptions? Back { get; init; }"));
        Assert.That(File(result, "PanelOptions.cs"), Does.Contain("public sealed record PanelOptions : IFormEncodable"));
        Assert.That(File(result, "PanelOptions.cs"), Does.Contain("public PanelOptionsHinge? Hinge { get; init; }"));
        Assert.That(File(result, "PanelOptionsHinge.cs"), Does.Contain("public long? Size { get; init; }"));
        Assert.That(result.Files.Keys, Has.None.StartsWith("WidgetCreateRequestFront").And.None.StartsWith("WidgetCreateRequestBack"));
        Assert.That(result.SharedRenames["WidgetCreateRequestBack"], Is.EqualTo("PanelOptions"));

        // Same title, another shape: keeps its path name.
        Assert.That(request, Does.Contain("public WidgetCreateRequestSide? Side { get; init; }"));
        Assert.That(File(result, "WidgetCreateRequestSide.cs"), Does.Contain("public required string Color { get; init; }"));

        // Same title, two shapes of one place each: nothing is shared.
        Assert.That(request, Does.Contain("public WidgetCreateRequestTrim? Trim { get; init; }"));
        Assert.That(request, Does.Contain("public WidgetCreateRequestEdge? Edge { get; init; }"));
        Assert.That(result.Files.ContainsKey("EdgeOptions.cs"), Is.False);

        // Deterministic.
        Assert.That(Run(SpecBuilder.Document(string.Empty, createBody: body.Replace("PANEL", panel, StringComparison.Ordinal))).Files, Is.EqualTo(result.Files));
    }

    [Test]
    public void Titled_request_objects_with_different_shapes_are_not_shared_when_no_group_is_largest()
    {
        const string body = """
        {
          "type": "object",
          "properties": {
            "front": { "type": "object", "title": "panel_specs", "properties": { "color": { "type": "string" } } },
            "back": { "type": "object", "title": "panel_specs", "properties": { "color": { "type": "string" } } },
            "left": { "type": "object", "title": "panel_specs", "properties": { "width": { "type": "integer" } } },
            "right": { "type": "object", "title": "panel_specs", "properties": { "width": { "type": "integer" } } }
          }
        }
        """;
        var result = Run(SpecBuilder.Document(string.Empty, createBody: body));
        Assert.That(result.Files.ContainsKey("PanelOptions.cs"), Is.False, "two groups of two: ambiguous, so path names stay");
        Assert.That(File(result, "WidgetCreateRequest.cs"), Does.Contain("public WidgetCreateRequestFront? Front { get; init; }"));
        Assert.That(File(result, "WidgetCreateRequest.cs"), Does.Contain("public WidgetCreateRequestRight? Right { get; init; }"));
    }

    [TestCase("capability_param", "CapabilityOptions")]
    [TestCase("capabilities_param", "CapabilitiesOptions")]
    [TestCase("company_specs", "CompanyOptions")]
    [TestCase("date_of_birth_specs", "DateOfBirthOptions")]
    [TestCase("company_ownership_declaration", "CompanyOwnershipDeclarationOptions")]
    public void Shared_record_names_come_from_the_title(string title, string name) => Assert.That(Naming.SharedOptions(title), Is.EqualTo(name));

    [Test]
    public void Form_bodies_with_nested_objects_arrays_and_emptyable_values()
    {
        const string body = """
        {
          "type": "object", "required": ["name", "parts"],
          "properties": {
            "name": { "type": "string" },
            "size": { "type": "string", "enum": ["", "small", "large"] },
            "parts": { "type": "array", "items": { "type": "object", "required": ["sku"], "properties": { "sku": { "type": "string" }, "count": { "type": "integer" } } } },
            "days": { "type": "array", "items": { "type": "integer" } },
            "dims": { "anyOf": [ { "type": "object", "properties": { "height": { "type": "number" } } }, { "type": "string", "enum": [""] } ] },
            "metadata": { "anyOf": [ { "type": "object", "additionalProperties": { "type": "string" } }, { "type": "string", "enum": [""] } ] },
            "source": { "anyOf": [ { "type": "object", "properties": { "object": { "type": "string", "enum": ["card"] }, "number": { "type": "string" } } }, { "type": "string" } ] }
          }
        }
        """;
        var result = Run(SpecBuilder.Document(string.Empty, createBody: body));
        var request = File(result, "WidgetCreateRequest.cs");
        Assert.That(request, Does.Contain("public sealed record WidgetCreateRequest : IFormEncodable"));
        Assert.That(request, Does.Contain("public required string Name { get; init; }"));
        Assert.That(request, Does.Contain("writer.Require(\"name\", !string.IsNullOrEmpty(Name));"), "a null that slips past `required` is refused");
        Assert.That(request, Does.Contain("public required IReadOnlyList<WidgetCreateRequestParts> Parts { get; init; }"));
        Assert.That(request, Does.Contain("public Emptyable<WidgetSize>? Size { get; init; }"));
        Assert.That(request, Does.Contain("public Emptyable<WidgetCreateRequestDims>? Dims { get; init; }"));
        Assert.That(request, Does.Contain("public Emptyable<IReadOnlyDictionary<string, string>>? Metadata { get; init; }"));
        Assert.That(request, Does.Contain("public IReadOnlyList<long>? Days { get; init; }"));
        Assert.That(request, Does.Contain("public WidgetCreateRequestSource? Source { get; init; }"));
        Assert.That(request, Does.Contain("writer.BeginListItem(\"parts\", i"));
        Assert.That(request, Does.Contain("writer.AddEmpty(\"dims\");"));
        Assert.That(request, Does.Contain("writer.AddList(\"days\", Days);"));
        Assert.That(File(result, "WidgetCreateRequestParts.cs"), Does.Contain("public required string Sku { get; init; }"));
        var union = File(result, "WidgetCreateRequestSource.cs");
        Assert.That(union, Does.Contain("public WidgetCreateRequestSourceCard? Card { get; init; }"));
        Assert.That(union, Does.Contain("public static implicit operator WidgetCreateRequestSource(string value) => new() { Value = value };"));
        var service = File(result, "WidgetService.cs");
        Assert.That(service, Does.Contain("public virtual Task<Widget> CreateAsync(WidgetCreateRequest request, RequestOptions? options = null,"));
        Assert.That(service, Does.Contain("ArgumentNullException.ThrowIfNull(request);"));
    }

    [Test]
    public void Secret_fields_are_masked_in_ToString()
    {
        var result = Run(SpecBuilder.Document("\"client_secret\": { \"type\": \"string\" }"));
        var widget = File(result, "Widget.cs");
        Assert.That(widget, Does.Contain("protected override bool PrintMembers(StringBuilder builder)"));
        Assert.That(widget, Does.Contain("builder.Append(ClientSecret is null ? \"null\" : \"***\");"));
    }

    [Test]
    public void A_configured_operation_missing_from_the_document_is_reported_not_fatal()
    {
        var result = Run(SpecBuilder.Document(string.Empty, includeList: false));
        Assert.That(result.MissingOperations, Has.Some.Contains("POST /v1/widgets/{widget}/polish"));
        Assert.That(result.MissingOperations, Has.Some.Contains("GET /v1/widgets"));
        Assert.That(File(result, "WidgetService.cs"), Does.Not.Contain("ListAsync"));
        Assert.That(File(result, "WidgetService.cs"), Does.Contain("CreateAsync"));
    }

    [Test]
    public void Operations_the_configuration_does_not_name_are_not_generated()
    {
        var doc = SpecBuilder.Document(string.Empty).Replace("\"/v1/widgets\":{", "\"/v1/gadgets\":{\"get\":{\"operationId\":\"GetGadgets\",\"responses\":{}}},\"/v1/widgets\":{", StringComparison.Ordinal);
        var result = Run(doc);
        Assert.That(result.Files.Keys, Has.None.Contains("Gadget"));
    }

    [Test]
    public void Output_is_deterministic_with_a_header_and_lf_line_endings()
    {
        var doc = SpecBuilder.Document("\"status\": { \"type\": \"string\", \"enum\": [\"b\", \"a\"] }");
        var first = Run(doc);
        var second = Run(doc);
        Assert.That(second.Files.Keys, Is.EqualTo(first.Files.Keys));
        foreach (var (name, content) in first.Files)
        {
            Assert.That(second.Files[name], Is.EqualTo(content), name);
            Assert.That(content, Does.StartWith("// <auto-generated>\n// Generated by `dotnet run --project tools/Stripe.Connect.Client.Generator`"), name);
            Assert.That(content, Does.Contain("\n#nullable enable\n"), name);
            Assert.That(content, Does.Not.Contain("\r"), name);
        }
    }

    [Test]
    public void Services_are_wired_into_the_client_and_dependency_injection()
    {
        var result = Run(SpecBuilder.Document(string.Empty));
        Assert.That(File(result, "ConnectClient.Services.cs"), Does.Contain("public virtual WidgetService Widgets { get; private set; } = null!;"));
        Assert.That(File(result, "ConnectClient.Services.cs"), Does.Contain("Widgets = new WidgetService(this);"));
        Assert.That(File(result, "ConnectServiceRegistrations.cs"), Does.Contain("services.TryAddSingleton(static sp => sp.GetRequiredService<ConnectClient>().Widgets);"));
        Assert.That(File(result, "ConnectJsonContext.cs"), Does.Contain("[JsonSerializable(typeof(StripeObject))]"));
    }

    [Test]
    public void Every_record_gets_a_generated_reader_and_writer()
    {
        var result = Run(SpecBuilder.Document(
            "\"name\": { \"type\": \"string\" }, \"nickname\": { \"type\": \"string\", \"nullable\": true }, \"count\": { \"type\": \"integer\" }, \"created\": { \"type\": \"integer\", \"format\": \"unix-time\" }, \"tags\": { \"type\": \"array\", \"items\": { \"type\": \"string\" } }, \"part\": { \"$ref\": \"#/components/schemas/widget_part\" }",
            "\"widget_part\": { \"type\": \"object\", \"properties\": { \"size\": { \"type\": \"integer\" } } }",
            required: "\"id\", \"name\", \"count\", \"created\", \"tags\", \"part\""));
        Assert.That(File(result, "Widget.cs"), Does.Contain("[JsonConverter(typeof(WidgetJsonConverter))]\npublic sealed record Widget"));
        var reader = File(result, "WidgetJsonConverter.cs");
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
            Assert.That(reader, Does.Contain("private static readonly UnixTimeJsonConverter Converter0 = new();"));
            Assert.That(reader, Does.Contain("value.Created = Converter0.Read(ref reader, typeof(DateTimeOffset), options);"));
            Assert.That(reader, Does.Contain("value.Tags = reader.TokenType == JsonTokenType.Null ? null! : JsonLists.ReadStrings(ref reader)!;"), "lists are read by the hand-written loops");
            Assert.That(reader, Does.Not.Contain("JsonSerializer.Deserialize"));
            Assert.That(reader, Does.Contain("JsonSerializer.Serialize(writer, v"), "lists are still written by System.Text.Json");
            Assert.That(reader, Does.Contain("WidgetPartJsonConverter.Instance.Read(ref reader, typeof(WidgetPart), options)"), "nested records are read by their own reader");
            Assert.That(reader, Does.Contain("JsonReading.Skip(ref reader);"), "unknown members are skipped");
            Assert.That(reader, Does.Contain("writer.WritePropertyName(\"count\"u8);\n        writer.WriteNumberValue(value.Count);"));
            Assert.That(reader, Does.Contain("if (value.Nickname is { } v"), "null members are not written");
        });
        Assert.That(File(result, "ConnectJsonContext.cs"), Does.Contain("[JsonSerializable(typeof(IReadOnlyList<string>))]"), "member types keep their metadata");
    }

    [Test]
    public void Lists_maps_and_pages_are_read_by_the_json_helpers_with_their_item_converters()
    {
        var result = Run(SpecBuilder.Document(
            "\"codes\": { \"type\": \"array\", \"items\": { \"type\": \"string\" }, \"nullable\": true }, "
            + "\"days\": { \"type\": \"array\", \"items\": { \"type\": \"integer\" }, \"nullable\": true }, "
            + "\"kinds\": { \"type\": \"array\", \"items\": { \"type\": \"string\", \"enum\": [\"a\", \"b\"] }, \"nullable\": true }, "
            + "\"parts\": { \"type\": \"array\", \"items\": { \"$ref\": \"#/components/schemas/widget_part\" }, \"nullable\": true }, "
            + "\"metadata\": { \"type\": \"object\", \"additionalProperties\": { \"type\": \"string\" }, \"nullable\": true }, "
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
            Assert.That(reader, Does.Contain("private static readonly StripeEnumJsonConverter<WidgetKinds> Converter0 = new();"));
            Assert.That(reader, Does.Contain("value.Kinds = reader.TokenType == JsonTokenType.Null ? null : JsonLists.ReadList(ref reader, Converter0, options);"), "enum items by the enum converter");
            Assert.That(reader, Does.Contain("value.Parts = reader.TokenType == JsonTokenType.Null ? null : JsonLists.ReadList(ref reader, WidgetPartJsonConverter.Instance, options);"), "record items by their reader");
            Assert.That(reader, Does.Contain("value.Metadata = reader.TokenType == JsonTokenType.Null ? null : JsonMaps.ReadStrings(ref reader);"));
            Assert.That(reader, Does.Contain("value.Currencies = reader.TokenType == JsonTokenType.Null ? null! : JsonMaps.ReadStringLists(ref reader)!;"));
            Assert.That(reader, Does.Contain("value.Children = reader.TokenType == JsonTokenType.Null ? null! : JsonPages.Read(ref reader, WidgetPartJsonConverter.Instance, options)!;"), "pages by the page reader");
            Assert.That(reader, Does.Contain("value.Children ??= new StripeList<WidgetPart>();"), "a page default is only created when the JSON lacks it");
            Assert.That(reader, Does.Contain("JsonSerializer.Deserialize(ref reader, JsonInfo<IReadOnlyList<IReadOnlyList<string>>>.Get(options))"), "other shapes still go through System.Text.Json");
        });
    }
}
