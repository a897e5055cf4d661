using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>Writes the dependency injection registrations of the services, each resolved from the singleton client.</summary>
internal sealed class RegistrationsEmitter : IEmitter
{
    public IEnumerable<GeneratedFile> Emit(ApiModel model)
    {
        var w = SourceFile.Start(model, "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.DependencyInjection.Extensions");
        w.Summary("Registers every service of the client with dependency injection, each resolved from the singleton <see cref=\"ConnectClient\"/>.");
        w.Open("internal static class ConnectServiceRegistrations");
        w.Open("public static void AddServices(IServiceCollection services)");
        foreach (var s in model.Services)
        {
            w.Line($"services.TryAddSingleton(static sp => sp.GetRequiredService<ConnectClient>().{s.Config.Property});");
        }

        w.Close();
        w.Close();
        yield return new GeneratedFile(Layout.File(Layout.Client, "ConnectServiceRegistrations"), w.ToString());
    }
}
