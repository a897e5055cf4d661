using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>Writes each union as an <c>abstract partial record</c> holding the members all its variants share.</summary>
internal sealed class UnionEmitter : IEmitter
{
    public IEnumerable<GeneratedFile> Emit(ApiModel model) =>
        model.Unions.Values.Select(u => new GeneratedFile(Layout.File(Layout.Models, u.Name), Write(model, u)));

    private static string Write(ApiModel model, UnionModel u)
    {
        var usings = new List<string> { "System.Text.Json.Serialization" };
        if (CSharpTypes.UsesJsonElement(u.BaseProps.Select(p => p.Type)))
        {
            usings.Add("System.Text.Json");
        }

        if (u.BaseProps.Exists(p => MemberCodecs.Attribute(p.Type) is not null))
        {
            usings.Add("Stripe.Connect.Client.Json");
        }

        var w = SourceFile.Start(model, usings);
        var variants = string.Join(", ", u.Variants.Select(v => $"<see cref=\"{v.Record}\"/>"));
        SourceFile.TypeDoc(w, $"{u.Summary} Known kinds: {variants}; an unknown <c>object</c> value is read as <see cref=\"{u.Variants[0].Record}\"/>.", u.DocUrl);
        w.Line($"[JsonConverter(typeof({u.Name}JsonConverter))]");
        w.Open($"public abstract partial record {u.Name} : StripeEntity" + (u.HasId ? ", IHasId" : string.Empty));
        var first = true;
        foreach (var p in u.BaseProps)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            RecordEmitter.WriteMember(w, p);
        }

        w.Close();
        return w.ToString();
    }
}
