using Stripe.Connect.Client.Generator.Configuration;
using static Stripe.Connect.Client.Generator.Tests.GeneratorTestSupport;

namespace Stripe.Connect.Client.Generator.Tests;

/// <summary>
/// The generator on a document written in the conventions of Stripe's full published <c>spec3.json</c> beyond Connect
/// (<c>Documents/spec3-conventions.json</c>, API version 2019-12-03): resources with <c>x-stripeOperations</c> and
/// <c>x-stripeResource</c>, polymorphic fields without a named union (<c>title: Polymorphic</c>), expandable unions with
/// <c>x-expansionResources</c>, stubs, recursive references (a charge's invoice, an invoice's charge), a multipart upload, a
/// PDF download, <c>oneOf</c> and <c>allOf</c>, decimal strings, free-form hashes and C# keywords as member names. It must
/// generate without failing and report what it reads as something simpler. (No copy of the full spec3.json is available
/// offline; <c>.ci/generator-smoke.sh</c> also compiles what this document generates.)
/// </summary>
public class Spec3ConventionsTests
{
    private static string Document() =>
        System.IO.File.ReadAllText(Path.Combine(CommittedCodeTests.RepoRoot(), "tests", "Stripe.Connect.Client.Generator.Tests", "Documents", "spec3-conventions.json"));

    private static GenerationResult AllOperations() => Run(Document(), StripeOperations.FromDocument(Document()));

    [Test]
    public void Every_operation_of_the_document_is_generated_from_its_x_stripe_operations()
    {
        var config = StripeOperations.FromDocument(Document());
        Assert.Multiple(() =>
        {
            Assert.That(config.Services.Select(s => s.ClassName), Is.EquivalentTo(new[] { "BalanceTransactionService", "ChargeService", "CustomerService", "FileService", "InvoiceService", "PriceService" }));
            Assert.That(config.Operations, Has.Count.EqualTo(15));
            Assert.That(config.Operations.Single(o => o.Path == "/v1/charges/{charge}/capture").Method, Is.EqualTo("Capture"));
        });
        var result = AllOperations();
        Assert.That(result.MissingOperations, Is.Empty);
        Assert.That(File(result, "ChargeService.cs"), Does.Contain("public virtual Task<Charge> CaptureAsync(string chargeId, ChargeCaptureRequest? request = null,"));
    }

    [Test]
    public void What_the_generator_reads_as_something_simpler_is_reported_once_per_kind()
    {
        var skipped = AllOperations().Report.Skipped.ToList();
        string[] kinds =
        [
            "allOf in a request: sent as a string",
            "allOf: read as JsonElement",
            "anyOf mixing objects and scalars: read as JsonElement",
            "anyOf of objects without a named union schema: read as StripeObject",
            "format 'binary' of a string: read as String",
            "free-form object schema: read as JsonElement",
            "list of Decimal in a request: sent as a list of strings",
            "operation without a JSON 200 response: returns StripeObject",
            "request body as multipart/form-data: its parameters are sent as a form",
        ];
        foreach (var kind in kinds)
        {
            Assert.That(skipped, Has.One.StartsWith(kind), kind);
        }

        Assert.That(skipped, Has.Some.Contains("(5 places, first balance_transaction.source)"), "counted, with the first place");
    }

    [Test]
    public void Recursive_references_polymorphic_fields_and_decimal_strings_are_typed()
    {
        var result = AllOperations();
        var charge = File(result, "Models/Charge.cs");
        Assert.Multiple(() =>
        {
            Assert.That(charge, Does.Contain("public Expandable<Invoice>? Invoice { get; set; }"));
            Assert.That(File(result, "Models/Invoice.cs"), Does.Contain("public Expandable<Charge>? Charge { get; set; }"), "a cycle through expandable references");
            Assert.That(charge, Does.Contain("public StripeObject? Source { get; set; }"), "a polymorphic field without a named union");
            Assert.That(charge, Does.Contain("public Expandable<StripeObject>? Customer { get; set; }"));
            Assert.That(charge, Does.Contain("public StripeList<StripeObject>? Refunds { get; set; }"), "refunds are outside the generated set");
            Assert.That(charge, Does.Contain("public ChargeOutcome? Outcome { get; set; }"));
            Assert.That(File(result, "Models/Price.cs"), Does.Contain("public decimal? UnitAmountDecimal { get; set; }"));
            Assert.That(File(result, "Models/Price.cs"), Does.Contain("public DateTimeOffset? UpdatedAt { get; set; }"));
            Assert.That(File(result, "CustomerService.cs"), Does.Contain("public virtual Task<StripeObject> RetrieveAsync(string customerId,"), "a customer or a deleted customer");
            Assert.That(File(result, "Models/Discount.cs"), Does.Contain("public string? DiscountValue { get; set; }"), "a member named like its type");
            Assert.That(File(result, "Models/ConnectModelFactory.cs"), Does.Contain("bool? @default = null"), "a keyword as a parameter name");
            Assert.That(File(result, "Enums/CustomerPreferredLocales.cs"), Does.Contain("public static CustomerPreferredLocales EnUS { get; } = new(\"en-US\");"));
        });
    }

    [Test]
    public void The_connect_configuration_on_a_document_without_connect_reports_its_operations_missing()
    {
        var (config, _) = CodeGenerator.RepositoryInputs(CommittedCodeTests.RepoRoot());
        var result = Run(Document(), config);
        Assert.Multiple(() =>
        {
            // The document shares one operation with the Connect configuration: GET /v1/balance_transactions/{id}.
            Assert.That(result.MissingOperations, Has.Count.EqualTo(config.Operations.Count - 1));
            Assert.That(result.MissingOperations, Has.None.StartsWith("GET /v1/balance_transactions/{id} "));
            Assert.That(File(result, "Client/ConnectClient.Services.cs"), Does.Contain("public virtual AccountService Accounts"), "the services still exist, without methods");
        });
    }
}
