using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>
/// v2 families: writes the class that holds one property per service (<c>CoreServices</c>, reached as
/// <c>client.V2.Core</c>) and the dependency injection registrations of those services.
/// </summary>
internal sealed class V2ServicesEmitter : IEmitter
{
    public IEnumerable<GeneratedFile> Emit(ApiModel model)
    {
        var name = model.ServicesClass;
        var w = SourceFile.Start(model);
        w.Summary($"The services of the {Words.Xml(model.Namespace)} family, one property per resource; one instance per <see cref=\"ConnectClient\"/>.");
        w.Open($"public partial class {name}");
        // Each service is created on first use: a fresh process that makes one v2 call loads one service type.
        w.Line("private readonly ConnectClient? _client;");
        foreach (var s in model.Services)
        {
            w.Line($"private {s.Config.ClassName}? _{Words.LowerFirst(s.Config.Property)};");
        }

        w.Line();
        w.Line($"internal {name}(ConnectClient client)");
        w.Line("{");
        w.Line("    _client = client;");
        w.Line("}");
        w.Line();
        w.Summary("For mocking frameworks and test doubles only: its services are not set.");
        w.Line($"protected {name}()");
        w.Line("{");
        w.Line("}");
        foreach (var s in model.Services)
        {
            var field = "_" + Words.LowerFirst(s.Config.Property);
            w.Line();
            w.Summary(Words.Xml(s.Config.Property) + ": " + Words.LowerFirst(s.Config.Summary));
            w.Line($"public virtual {s.Config.ClassName} {s.Config.Property} => {field} ?? ServiceSlot.Keep(ref {field}, _client is null ? null : new {s.Config.ClassName}(_client));");
        }
        w.Close();
        yield return new GeneratedFile(Layout.File(Layout.Client, name), w.ToString());

        var r = SourceFile.Start(model, "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.DependencyInjection.Extensions");
        r.Summary($"Registers <see cref=\"{name}\"/> and each of its services with dependency injection, resolved from the singleton <see cref=\"ConnectClient\"/>.");
        r.Open($"internal static class {name}Registrations");
        r.Open("public static void AddServices(IServiceCollection services)");
        r.Line($"services.TryAddSingleton(static sp => sp.GetRequiredService<ConnectClient>().V2.Core);");
        foreach (var s in model.Services)
        {
            r.Line($"services.TryAddSingleton(static sp => sp.GetRequiredService<ConnectClient>().V2.Core.{s.Config.Property});");
        }

        r.Close();
        r.Close();
        yield return new GeneratedFile(Layout.File(Layout.Client, name + "Registrations"), r.ToString());
    }
}
