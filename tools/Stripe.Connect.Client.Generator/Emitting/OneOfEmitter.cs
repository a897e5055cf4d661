using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>
/// Writes each one-of parameter (a token or an object...) as a record with one member per alternative and an implicit
/// conversion from each, so callers assign the alternative directly.
/// </summary>
internal sealed class OneOfEmitter : IEmitter
{
    public IEnumerable<GeneratedFile> Emit(ApiModel model) =>
        model.OneOfs.Values.Select(o => new GeneratedFile(Layout.File(Layout.Requests, o.Name), Write(model, o)));

    private static string Write(ApiModel model, OneOfModel o)
    {
        var w = SourceFile.Start(model, "Stripe.Connect.Client.Form");
        SourceFile.TypeDoc(w, o.Summary, o.DocUrl);
        w.Open($"public sealed partial record {o.Name}");
        foreach (var p in o.Alternatives)
        {
            w.Summary(p.Doc);
            w.Line($"public {CSharpTypes.Print(p.Type.AsNullable())} {p.Name} {{ get; init; }}");
            w.Line();
        }

        var sources = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in o.Alternatives)
        {
            var source = CSharpTypes.Print(p.Type.AsNonNullable());
            if (p.Type.Kind is TypeKind.List or TypeKind.Map or TypeKind.Emptyable or TypeKind.Metadata || !sources.Add(source))
            {
                continue;
            }

            w.Summary($"Sets <see cref=\"{p.Name}\"/>.");
            w.Line("/// <param name=\"value\">The value to send.</param>");
            w.Line($"public static implicit operator {o.Name}({source} value) => new() {{ {p.Name} = value }};");
            w.Line();
        }

        w.Open("internal void WriteForm(FormWriter writer, string key)");
        var counter = 0;
        foreach (var p in o.Alternatives)
        {
            FormFields.Write(w, p.Type, "key", p.Name, ref counter);
        }

        w.Close();
        w.Close();
        return w.ToString();
    }
}
