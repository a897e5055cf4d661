using Stripe.Connect.Client.Generator.Configuration;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Building;

/// <summary>
/// Marks the request members that hold secrets or sensitive personal data, by wire name: any name containing
/// <c>secret</c>, and the configured <c>secretParameters</c> (<c>account_number</c>, <c>cvc</c>, <c>id_number</c>,
/// <c>payload</c>...). Runs after sharing, so every record a shape ended up in is marked.
/// </summary>
internal static class RequestSecrets
{
    public static void Mark(ApiModel model, GeneratorConfig config)
    {
        foreach (var p in model.Inputs.Values.SelectMany(i => i.Props))
        {
            p.Secret = p.Fixed is null && (p.Wire.Contains("secret", StringComparison.Ordinal) || config.SecretParameters.Contains(p.Wire));
        }
    }
}
