using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>Writes the <c>ConnectClient</c> part that holds one property per service and creates them.</summary>
internal sealed class ClientServicesEmitter : IEmitter
{
    public IEnumerable<GeneratedFile> Emit(ApiModel model)
    {
        var w = SourceFile.Start(model);
        w.Open("public partial class ConnectClient");
        foreach (var s in model.Services)
        {
            w.Summary(Words.Xml(s.Config.Property) + ": " + Words.LowerFirst(s.Config.Summary));
            w.Line($"public virtual {s.Config.ClassName} {s.Config.Property} {{ get; private set; }} = null!;");
            w.Line();
        }

        w.Open("private void CreateServices()");
        foreach (var s in model.Services)
        {
            w.Line($"{s.Config.Property} = new {s.Config.ClassName}(this);");
        }

        w.Close();
        w.Close();
        yield return new GeneratedFile(Layout.File(Layout.Client, "ConnectClient.Services"), w.ToString());
    }
}
