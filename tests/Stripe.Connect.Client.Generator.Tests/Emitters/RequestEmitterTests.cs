using static Stripe.Connect.Client.Generator.Tests.GeneratorTestSupport;

namespace Stripe.Connect.Client.Generator.Tests.Emitters;

public class RequestEmitterTests
{
    private const string Body = """
    {
      "type": "object", "required": ["name", "parts"],
      "properties": {
        "name": { "type": "string" },
        "size": { "type": "string", "enum": ["", "small", "large"] },
        "parts": { "type": "array", "items": { "type": "object", "required": ["sku"], "properties": { "sku": { "type": "string" }, "count": { "type": "integer" } } } },
        "days": { "type": "array", "items": { "type": "integer" } },
        "dims": { "anyOf": [ { "type": "object", "properties": { "height": { "type": "number" } } }, { "type": "string", "enum": [""] } ] },
        "metadata": { "anyOf": [ { "type": "object", "additionalProperties": { "type": "string" } }, { "type": "string", "enum": [""] } ] },
        "kind": { "type": "string", "enum": ["gear"], "deprecated": true }
      }
    }
    """;

    [Test]
    public void Form_bodies_with_nested_objects_lists_and_emptyable_values()
    {
        var result = Run(SpecBuilder.Document(string.Empty, createBody: Body));
        var request = File(result, "Requests/WidgetCreateRequest.cs");
        Assert.Multiple(() =>
        {
            Assert.That(request, Does.Contain("public sealed partial record WidgetCreateRequest : IFormEncodable"));
            Assert.That(request, Does.Contain("public required string Name { get; init; }"));
            Assert.That(request, Does.Contain("writer.Require(\"name\", !string.IsNullOrEmpty(Name));"), "a null that slips past `required` is refused");
            Assert.That(request, Does.Contain("public required IReadOnlyList<WidgetPartsInput> Parts { get; init; }"), "nested parameter records end in Input");
            Assert.That(request, Does.Contain("public Emptyable<WidgetSize>? Size { get; init; }"));
            Assert.That(request, Does.Contain("public Emptyable<WidgetDimsInput>? Dims { get; init; }"));
            Assert.That(request, Does.Contain("public IReadOnlyList<long>? Days { get; init; }"));
            Assert.That(request, Does.Contain("writer.BeginListItem(\"parts\", i"));
            Assert.That(request, Does.Contain("writer.AddEmpty(\"dims\");"));
            Assert.That(request, Does.Contain("writer.AddList(\"days\", Days);"));
            Assert.That(File(result, "WidgetPartsInput.cs"), Does.Contain("public required string Sku { get; init; }"));
        });
    }

    [Test]
    public void Metadata_is_one_type_everywhere_and_clearable_where_the_document_allows_it()
    {
        var result = Run(SpecBuilder.Document(string.Empty, createBody: Body));
        var request = File(result, "WidgetCreateRequest.cs");
        Assert.That(request, Does.Contain("public IEnumerable<KeyValuePair<string, string>>? Metadata { get; init; }"));
        Assert.That(request, Does.Contain("writer.AddMetadata(\"metadata\", Metadata, clearable: true);"));

        var plain = Run(SpecBuilder.Document(string.Empty, createBody: """{ "properties": { "metadata": { "type": "object", "additionalProperties": { "type": "string" } } } }"""));
        Assert.That(File(plain, "WidgetCreateRequest.cs"), Does.Contain("public IEnumerable<KeyValuePair<string, string>>? Metadata { get; init; }"), "the same type where it cannot be cleared");
        Assert.That(File(plain, "WidgetCreateRequest.cs"), Does.Contain("writer.AddMetadata(\"metadata\", Metadata, clearable: false);"));
    }

    [Test]
    public void A_discriminator_with_one_value_is_sent_by_the_record_itself()
    {
        var result = Run(SpecBuilder.Document(string.Empty, createBody: """
            { "properties": { "payout_to": { "type": "object", "required": ["object", "number"], "properties": { "object": { "type": "string", "enum": ["bank_account"] }, "number": { "type": "string" } } } } }
            """));
        var input = File(result, "WidgetPayoutToInput.cs");
        Assert.Multiple(() =>
        {
            Assert.That(input, Does.Not.Contain(" Object "), "no member to set");
            Assert.That(input, Does.Contain("writer.Add(\"object\", \"bank_account\");"));
            Assert.That(Generated(result, "WidgetPayoutToObject.cs"), Is.False, "no enum for it either");
        });
    }

    [Test]
    public void A_deprecated_parameter_is_obsolete_and_still_sent()
    {
        var result = Run(SpecBuilder.Document(string.Empty, createBody: Body));
        var request = File(result, "WidgetCreateRequest.cs");
        Assert.That(request, Does.Contain("[Obsolete(\"Deprecated by the API.\")]\n    public WidgetKind? Kind { get; init; }"));
        Assert.That(request, Does.Contain("#pragma warning disable CS0618"));
        Assert.That(request, Does.Contain("writer.Add(\"kind\", Kind);"));
    }

    [Test]
    public void Secret_and_configured_sensitive_parameters_are_masked_in_to_string()
    {
        const string body = """
        {
          "type": "object", "required": ["account_number"],
          "properties": {
            "account_number": { "type": "string" },
            "client_secret": { "type": "string" },
            "label": { "type": "string" },
            "owner": { "type": "object", "properties": { "id_number": { "type": "string" }, "name": { "type": "string" } } }
          }
        }
        """;
        var result = Run(SpecBuilder.Document(string.Empty, createBody: body), SpecBuilder.Config("\"secretParameters\": [\"account_number\", \"id_number\"]"));
        var request = File(result, "Requests/WidgetCreateRequest.cs");
        var owner = File(result, "Requests/WidgetOwnerInput.cs");
        Assert.Multiple(() =>
        {
            Assert.That(request, Does.Contain("using System.Text;"));
            Assert.That(request, Does.Contain("private bool PrintMembers(StringBuilder builder)"), "a sealed record without a base prints through a private PrintMembers");
            Assert.That(request, Does.Contain("builder.Append(AccountNumber is null ? \"null\" : \"***\");"), "a configured parameter");
            Assert.That(request, Does.Contain("builder.Append(ClientSecret is null ? \"null\" : \"***\");"), "any name with secret in it");
            Assert.That(request, Does.Contain("builder.Append((object?)Label);"));
            Assert.That(request, Does.Contain("builder.Append((object?)Owner);"), "a nested record masks its own members");
            Assert.That(request, Does.Contain("Sensitive: <c>ToString()</c> masks it."));
            Assert.That(owner, Does.Contain("builder.Append(IdNumber is null ? \"null\" : \"***\");"));
        });
        var plain = File(Run(SpecBuilder.Document(string.Empty, createBody: Body)), "Requests/WidgetCreateRequest.cs");
        Assert.That(plain, Does.Not.Contain("PrintMembers"), "a request without secrets keeps the compiler's ToString()");
    }
}
