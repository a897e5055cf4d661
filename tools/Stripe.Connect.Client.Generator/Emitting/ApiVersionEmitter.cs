using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>Writes the API version the SDK is generated for: one constant, from the document's <c>info.version</c>.</summary>
internal sealed class ApiVersionEmitter : IEmitter
{
    public IEnumerable<GeneratedFile> Emit(ApiModel model)
    {
        var w = SourceFile.Start(model);
        w.Open("public sealed partial class ConnectClientOptions");
        w.Summary($"The API version this SDK is generated for and sends by default as <c>Stripe-Version</c>: <c>{Words.Xml(model.ApiVersion)}</c>.");
        w.Line($"public const string DefaultApiVersion = {Words.Literal(model.ApiVersion)};");
        w.Close();
        yield return new GeneratedFile(Layout.File(Layout.Client, "ConnectClientOptions.ApiVersion"), w.ToString());
    }
}
