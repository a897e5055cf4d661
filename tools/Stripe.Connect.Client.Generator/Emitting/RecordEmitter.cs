using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>
/// Writes each response record as a <c>sealed partial record</c> deriving from <c>StripeEntity</c> (or its union's base),
/// attached to its generated converter. Members have plain setters (init-only ones would push System.Text.Json onto its
/// constructor path); a never-null member starts at its default and its setter turns a JSON <c>null</c> back into it.
/// </summary>
internal sealed class RecordEmitter : IEmitter
{
    public IEnumerable<GeneratedFile> Emit(ApiModel model) =>
        model.Records.Values.Select(r => new GeneratedFile(Layout.File(Layout.Models, r.Name), Write(model, r)));

    /// <summary>
    /// The record's own members whose default is a new instance (a nested record, an empty page). The public constructor
    /// creates them; the generated reader uses the <c>WithoutDefaults</c> constructor instead and only creates those the
    /// JSON lacked, since it would replace the others at once.
    /// </summary>
    public static List<PropertyModel> DeferredDefaults(RecordModel r) => r.Props.FindAll(p => !p.InBase && p.Default.Kind == DefaultKind.NewInstance);

    /// <summary>The C# expression of a default value for a member of type <paramref name="t"/>.</summary>
    public static string DefaultExpression(DefaultValue d, TypeRef t) => d.Kind switch
    {
        DefaultKind.EmptyString => "string.Empty",
        DefaultKind.EmptyList => "[]",
        DefaultKind.EmptyMap => $"System.Collections.ObjectModel.ReadOnlyDictionary<string, {CSharpTypes.Print(t.Item)}>.Empty",
        DefaultKind.NewInstance => $"new {CSharpTypes.Bare(t)}()",
        DefaultKind.Literal => Words.Literal(d.Literal!),
        _ => throw new InvalidOperationException("No default."),
    };

    /// <summary>Writes one member: doc, wire name, converter, <c>[Obsolete]</c>, and the property with its default.</summary>
    public static void WriteMember(CodeWriter w, PropertyModel p, bool deferred = false)
    {
        w.Summary(p.Doc);
        w.Line($"[JsonPropertyName({Words.Literal(p.Wire)})]");
        if (MemberCodecs.Attribute(p.Type) is { } converter)
        {
            w.Line($"[JsonConverter(typeof({converter}))]");
        }

        SourceFile.Obsolete(w, p.Obsolete);
        var type = CSharpTypes.Print(p.Type);
        if (p.Default.Kind == DefaultKind.None)
        {
            w.Line($"public {type} {p.Name} {{ get; set; }}");
            return;
        }

        var d = DefaultExpression(p.Default, p.Type);
        w.Line(deferred ? $"public {type} {p.Name} {{ get; set => field = value ?? {d}; }}" : $"public {type} {p.Name} {{ get; set => field = value ?? {d}; }} = {d};");
    }

    private static string Write(ApiModel model, RecordModel r)
    {
        var own = r.Props.FindAll(p => !p.InBase);
        var secret = own.Exists(p => p.Secret);
        var deferred = DeferredDefaults(r);
        var usings = new List<string> { "System.Text.Json.Serialization" };
        if (secret)
        {
            usings.Add("System.Text");
        }

        if (CSharpTypes.UsesJsonElement(own.Select(p => p.Type)))
        {
            usings.Add("System.Text.Json");
        }

        if (own.Exists(p => MemberCodecs.Attribute(p.Type) is not null) || deferred.Count > 0)
        {
            usings.Add("Stripe.Connect.Client.Json");
        }

        var w = SourceFile.Start(model, usings);
        SourceFile.TypeDoc(w, r.Summary, r.DocUrl);
        var bases = r.BaseName ?? "StripeEntity" + (r.HasId ? ", IHasId" : string.Empty);
        w.Line($"[JsonConverter(typeof({r.Name}JsonConverter))]");
        w.Open($"public sealed partial record {r.Name} : {bases}");
        var first = true;
        if (r.CtorAssignments.Count > 0 || deferred.Count > 0)
        {
            w.Summary($"Creates an empty {Words.HumanFromPascal(r.Name)}.");
            w.Open($"public {r.Name}()");
            foreach (var (member, value) in r.CtorAssignments)
            {
                w.Line($"{member} = {DefaultExpression(value, TypeRef.String)};");
            }

            foreach (var p in deferred)
            {
                w.Line($"{p.Name} = {DefaultExpression(p.Default, p.Type)};");
            }

            w.Close();
            first = false;
        }

        if (deferred.Count > 0)
        {
            // The reader's constructor: it skips the new instances the JSON replaces anyway (see WithoutDefaults).
            w.Line();
            w.Summary($"Creates an empty {Words.HumanFromPascal(r.Name)} for the generated reader, which sets the members with a new-instance default; see <see cref=\"WithoutDefaults\"/>.");
            w.Line("/// <param name=\"unset\">Selects this constructor.</param>");
            w.Line($"#pragma warning disable CS9264 // {r.Name}JsonConverter sets {string.Join(", ", deferred.Select(p => p.Name))} before it returns the record.");
            w.Line($"internal {r.Name}(WithoutDefaults unset)");
            w.Line("#pragma warning restore CS9264");
            w.Line("{");
            w.Indent++;
            foreach (var (member, value) in r.CtorAssignments)
            {
                w.Line($"{member} = {DefaultExpression(value, TypeRef.String)};");
            }

            w.Close();
        }

        foreach (var p in own)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            WriteMember(w, p, deferred.Contains(p));
        }

        if (secret)
        {
            WritePrintMembers(w, own);
        }

        w.Close();
        return w.ToString();
    }

    private static void WritePrintMembers(CodeWriter w, List<PropertyModel> own)
    {
        w.Line();
        w.Summary("Prints the members for <c>ToString()</c>, with secrets masked.");
        w.Line("/// <param name=\"builder\">The builder that receives the members.</param>");
        w.Line("/// <returns><see langword=\"true\"/>: members were printed.</returns>");
        w.Open("protected override bool PrintMembers(StringBuilder builder)");
        w.Line("ArgumentNullException.ThrowIfNull(builder);");
        w.Open("if (base.PrintMembers(builder))");
        w.Line("builder.Append(\", \");");
        w.Close();
        w.Line();
        var obsolete = own.Exists(p => p.Obsolete is not null);
        if (obsolete)
        {
            w.Line("#pragma warning disable CS0618 // Deprecated members are still printed.");
        }

        var sep = string.Empty;
        foreach (var p in own)
        {
            w.Line($"builder.Append(\"{sep}{p.Name} = \");");
            w.Line(p.Secret ? $"builder.Append({p.Name} is null ? \"null\" : \"***\");" : $"builder.Append((object?){p.Name});");
            sep = ", ";
        }

        if (obsolete)
        {
            w.Line("#pragma warning restore CS0618");
        }

        w.Line("return true;");
        w.Close();
    }
}
