using static Stripe.Connect.Client.Generator.Tests.GeneratorTestSupport;

namespace Stripe.Connect.Client.Generator.Tests.Emitters;

public class ServiceEmitterTests
{
    [Test]
    public void Lists_get_a_page_method_and_an_auto_paging_method()
    {
        var service = File(Run(SpecBuilder.Document(string.Empty)), "Services/WidgetService.cs");
        Assert.Multiple(() =>
        {
            Assert.That(service, Does.Contain("public partial class WidgetService : ConnectService"));
            Assert.That(service, Does.Contain("public virtual Task<StripeList<Widget>> ListAsync(WidgetListRequest? request = null, RequestOptions? options = null, CancellationToken cancellationToken = default)"));
            Assert.That(service, Does.Contain("public virtual IAsyncEnumerable<Widget> ListAutoPagingAsync(WidgetListRequest? request = null, RequestOptions? options = null, CancellationToken cancellationToken = default)"));
            Assert.That(service, Does.Contain("return AutoPageAsync(\"/v1/widgets\", request, ConnectJsonContext.Default.StripeListWidget, options, cancellationToken);"));
        });
    }

    [Test]
    public void Paths_without_ids_are_static_fields_that_keep_their_parsed_url()
    {
        var service = File(Run(SpecBuilder.Document(string.Empty)), "WidgetService.cs");
        Assert.Multiple(() =>
        {
            Assert.That(service, Does.Contain("using Stripe.Connect.Client.Http;"));
            Assert.That(service, Does.Contain("private static readonly ConstantPath WidgetsPath = new(\"/v1/widgets\");"));
            Assert.That(service, Does.Contain("return SendAsync(HttpMethod.Post, WidgetsPath, null, Reader(WidgetJsonConverter.Instance), options, cancellationToken);"));
            Assert.That(service, Does.Contain("return SendAsync(HttpMethod.Get, WidgetsPath, request, Reader(ConnectJsonContext.Default.StripeListWidget), options, cancellationToken);"), "one field per path, shared by its methods");
            Assert.That(service, Does.Not.Contain("ConstantPath WidgetsWidgetPath"), "a path with an id stays an interpolated string");
        });
    }

    [Test]
    public void Ids_are_checked_and_escaped_and_required_requests_are_checked()
    {
        var result = Run(SpecBuilder.Document(string.Empty, createBody: """{ "required": ["name"], "properties": { "name": { "type": "string" } } }"""));
        var service = File(result, "WidgetService.cs");
        Assert.Multiple(() =>
        {
            Assert.That(File(result, "DeletedWidget.cs"), Does.Contain("public bool Deleted { get; set; }"));
            Assert.That(service, Does.Contain("public virtual Task<DeletedWidget> DeleteAsync(string widgetId, RequestOptions? options = null, CancellationToken cancellationToken = default)"));
            Assert.That(service, Does.Contain("$\"/v1/widgets/{PathId(widgetId, nameof(widgetId))}\""));
            Assert.That(service, Does.Contain("public virtual Task<Widget> GetAsync(string widgetId, WidgetGetRequest? request = null,"));
            Assert.That(service, Does.Contain("public virtual Task<Widget> CreateAsync(WidgetCreateRequest request, RequestOptions? options = null,"));
            Assert.That(service, Does.Contain("ArgumentNullException.ThrowIfNull(request);"));
            Assert.That(File(result, "WidgetGetRequest.cs"), Does.Contain("public IReadOnlyList<string>? Expand { get; init; }"));
        });
    }

    [Test]
    public void A_configured_operation_missing_from_the_document_is_reported_not_fatal()
    {
        var result = Run(SpecBuilder.Document(string.Empty, includeList: false));
        Assert.Multiple(() =>
        {
            Assert.That(result.MissingOperations, Has.Some.Contains("POST /v1/widgets/{widget}/polish"));
            Assert.That(result.MissingOperations, Has.Some.Contains("GET /v1/widgets"));
            Assert.That(File(result, "WidgetService.cs"), Does.Not.Contain("ListAsync"));
            Assert.That(File(result, "WidgetService.cs"), Does.Contain("CreateAsync"));
        });
    }

    [Test]
    public void Operations_the_configuration_does_not_name_are_not_generated()
    {
        var doc = SpecBuilder.Document(string.Empty).Replace("\"/v1/widgets\":{", "\"/v1/gadgets\":{\"get\":{\"operationId\":\"GetGadgets\",\"responses\":{}}},\"/v1/widgets\":{", StringComparison.Ordinal);
        Assert.That(Run(doc).Files.Keys, Has.None.Contains("Gadget"));
    }
}
