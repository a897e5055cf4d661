using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>Writes the <c>ConnectClient</c> part that holds one property per service, each created on first use.</summary>
internal sealed class ClientServicesEmitter : IEmitter
{
    public IEnumerable<GeneratedFile> Emit(ApiModel model)
    {
        var w = SourceFile.Start(model);
        w.Open("public partial class ConnectClient");
        foreach (var s in model.Services)
        {
            // Created on first use: a fresh process that makes one call loads one service type, not all of them.
            var field = "_" + Words.LowerFirst(s.Config.Property);
            w.Line($"private {s.Config.ClassName}? {field};");
            w.Line();
            w.Summary(Words.Xml(s.Config.Property) + ": " + Words.LowerFirst(s.Config.Summary));
            w.Line($"public virtual {s.Config.ClassName} {s.Config.Property} => {field} ?? ServiceSlot.Keep(ref {field}, Pipeline is null ? null : new {s.Config.ClassName}(this));");
            w.Line();
        }

        w.Close();
        yield return new GeneratedFile(Layout.File(Layout.Client, "ConnectClient.Services"), w.ToString());
    }
}
