using static Stripe.Connect.Client.Generator.Tests.GeneratorTestSupport;

namespace Stripe.Connect.Client.Generator.Tests.Emitters;

/// <summary>The v2 Core run (connect-operations.v2.json over the repository's document): JSON bodies, v2 pages, its own namespace and folder.</summary>
public class V2EmittersTests
{
    private static readonly Lazy<GenerationResult> V2 = new(() =>
    {
        var root = CommittedCodeTests.RepoRoot();
        var spec = CodeGenerator.DefaultSpecPath(root);
        var (config, docs) = CodeGenerator.RepositoryV2Inputs(root);
        return CodeGenerator.Generate(System.IO.File.ReadAllText(spec), config, null, docs);
    });

    [Test]
    public void Every_file_is_under_V2_in_the_V2_Core_namespace()
    {
        Assert.Multiple(() =>
        {
            Assert.That(V2.Value.Files.Keys.Where(k => !k.StartsWith("V2/", StringComparison.Ordinal)), Is.Empty);
            Assert.That(V2.Value.Files.Values.Where(c => !c.Contains("\nnamespace Stripe.Connect.Client.V2.Core;\n", StringComparison.Ordinal)), Is.Empty);
            Assert.That(V2.Value.MissingOperations, Is.Empty);
            Assert.That(V2.Value.Model.Services.Sum(s => s.Methods.Count), Is.EqualTo(25));
        });
    }

    [Test]
    public void Post_bodies_are_written_by_Utf8JsonWriter_with_nullable_metadata_values()
    {
        var request = File(V2.Value, "V2/Requests/AccountCreateRequest.cs");
        Assert.Multiple(() =>
        {
            Assert.That(request, Does.Contain("public sealed partial record AccountCreateRequest : IJsonEncodable"));
            Assert.That(request, Does.Contain("void IJsonEncodable.WriteJson(Utf8JsonWriter writer)"));
            Assert.That(request, Does.Contain("public IEnumerable<KeyValuePair<string, string?>>? Metadata { get; init; }"));
            Assert.That(request, Does.Contain("JsonBody.WriteMetadata(writer, "));
            Assert.That(request, Does.Contain("writer.WritePropertyName(\"include\"u8);"));
            Assert.That(request, Does.Not.Contain("IFormEncodable"));
        });
        var link = File(V2.Value, "V2/Requests/AccountLinkCreateRequest.cs");
        Assert.That(link, Does.Contain("JsonBody.Require(\"account\", !string.IsNullOrEmpty(Account));"));
        var relationship = File(V2.Value, "V2/Requests/AccountPersonRelationshipInput.cs");
        Assert.That(relationship, Does.Contain("JsonWireStrings.WriteDecimal(writer, "), "decimal strings keep their wire form in bodies");
    }

    [Test]
    public void Queries_index_their_lists_and_pages_are_V2List()
    {
        Assert.That(File(V2.Value, "V2/Requests/AccountGetRequest.cs"), Does.Contain("writer.AddIndexedList(\"include\", Include);"));
        var service = File(V2.Value, "V2/Services/AccountService.cs");
        Assert.Multiple(() =>
        {
            Assert.That(service, Does.Contain("public virtual Task<V2List<Account>> ListAsync("));
            Assert.That(service, Does.Contain("return V2AutoPageAsync(\"/v2/core/accounts\", request, V2CoreJsonContext.Default.V2ListAccount, options, cancellationToken);"));
            Assert.That(service, Does.Contain("private static readonly ConstantPath CoreAccountsPath = new(\"/v2/core/accounts\");"));
            Assert.That(service, Does.Contain("SendV2Async(HttpMethod.Post, CoreAccountsPath, query: null, body: request,"), "a path without ids keeps its parsed URL");
            Assert.That(service, Does.Contain("body: request, V2Reader(AccountJsonConverter.Instance), options, cancellationToken);"), "a record result is read by its generated converter, with the v2 context's options");
            Assert.That(service, Does.Contain("SendV2Async(HttpMethod.Get, $\"/v2/core/accounts/{PathId(accountId, nameof(accountId))}\", query: request, body: null,"));
        });
    }

    [Test]
    public void Timestamps_are_written_in_the_API_form_and_services_hang_off_CoreServices()
    {
        Assert.That(File(V2.Value, "V2/Serialization/AccountJsonConverter.cs"), Does.Contain("JsonWireStrings.WriteDateTime(writer, "));
        var services = File(V2.Value, "V2/Client/CoreServices.cs");
        Assert.That(services, Does.Contain("public virtual EventDestinationService EventDestinations => _eventDestinations ?? ServiceSlot.Keep(ref _eventDestinations, _client is null ? null : new EventDestinationService(_client));"));
        Assert.That(File(V2.Value, "V2/Client/CoreServicesRegistrations.cs"), Does.Contain("sp.GetRequiredService<ConnectClient>().V2.Core.Accounts"));
        Assert.That(Generated(V2.Value, "ConnectClientOptions.ApiVersion.cs"), Is.False, "the v1 run writes the version constant");
    }
}
