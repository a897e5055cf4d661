using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>
/// Writes <c>ConnectModelFactory</c>, one static method per response record that builds it from optional member values
/// and an optional <c>StripeResponse</c> (as the Azure SDK guidelines describe), so users can build any result in their
/// own tests. The hand-written part of the class (<c>Custom/ConnectModelFactory.cs</c>) builds the <c>StripeResponse</c>.
/// </summary>
internal sealed class ModelFactoryEmitter : IEmitter
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue", "decimal", "default",
        "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto",
        "if", "implicit", "in", "int", "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc",
        "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using",
        "virtual", "void", "volatile", "while",
    };

    public IEnumerable<GeneratedFile> Emit(ApiModel model)
    {
        var usings = new List<string>();
        var members = model.Records.Values.SelectMany(r => r.Props).Select(p => p.Type).ToList();
        if (CSharpTypes.UsesJsonElement(members))
        {
            usings.Add("System.Text.Json");
        }

        var w = SourceFile.Start(model, usings);
        w.Line("/// <summary>");
        w.Line("/// Builds the SDK's response records for your own tests (of code that takes results from a mocked service, for");
        w.Line("/// instance): every member is an optional argument, and <c>stripeResponse</c> sets <see cref=\"StripeEntity.StripeResponse\"/>,");
        var owner = model.ModelFactory == "ConnectModelFactory" ? string.Empty : "Stripe.Connect.Client.ConnectModelFactory.";
        w.Line($"/// which only the SDK can otherwise set. Build the response metadata with <see cref=\"{owner}StripeResponse(System.Net.HttpStatusCode, string?, string?, int, bool, IEnumerable{{KeyValuePair{{string, string}}}}?)\"/>.");
        w.Line("/// </summary>");
        if (model.Records.Values.Any(r => r.Props.Exists(p => p.Obsolete is not null)))
        {
            w.Line("#pragma warning disable CS0618 // Deprecated members can still be set in tests.");
        }

        w.Open($"public static partial class {model.ModelFactory}");
        var first = true;
        foreach (var r in model.Records.Values)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            WriteMethod(w, r);
        }

        w.Close();
        if (model.Records.Values.Any(r => r.Props.Exists(p => p.Obsolete is not null)))
        {
            w.Line("#pragma warning restore CS0618");
        }

        yield return new GeneratedFile(Layout.File(Layout.Models, model.ModelFactory), w.ToString());
    }

    private static void WriteMethod(CodeWriter w, RecordModel r)
    {
        // Fixed object names are set by the record itself.
        var props = r.Props.Where(p => p.Default.Kind != DefaultKind.Literal).ToList();
        w.Summary($"Builds {Words.Article(Words.HumanFromPascal(r.Name))} (<see cref=\"{r.Name}\"/>); members left out keep their defaults.");
        foreach (var p in props)
        {
            w.Line($"/// <param name=\"{Parameter(p).TrimStart('@')}\">Becomes <see cref=\"{(p.InBase ? r.BaseName : r.Name)}.{p.Name}\"/>.</param>");
        }

        w.Line("/// <param name=\"stripeResponse\">Becomes <see cref=\"StripeEntity.StripeResponse\"/>: the metadata of the HTTP response the record came from.</param>");
        w.Line($"/// <returns>The {Words.HumanFromPascal(r.Name)}.</returns>");
        var args = props.Select(p => $"{ParameterType(p)} {Parameter(p)} = {(p.Type.IsValueType && !p.Type.IsNullable ? "default" : "null")}").Append("StripeResponse? stripeResponse = null");
        w.Line($"public static {r.Name} {r.Name}({string.Join(", ", args)}) => new()");
        w.Line("{");
        w.Indent++;
        foreach (var p in props)
        {
            var nonNullReference = !p.Type.IsNullable && !p.Type.IsValueType;
            w.Line($"{p.Name} = {Parameter(p)}{(nonNullReference ? "!" : string.Empty)},");
        }

        w.Line("StripeResponse = stripeResponse,");
        w.Indent--;
        w.Line("};");
    }

    private static string ParameterType(PropertyModel p) => CSharpTypes.Print(p.Type.IsValueType ? p.Type : p.Type.AsNullable());

    private static string Parameter(PropertyModel p)
    {
        var name = Words.LowerFirst(p.Name);
        return Keywords.Contains(name) ? "@" + name : name;
    }
}
