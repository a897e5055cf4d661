using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>
/// Writes each request record (top-level <c>*Request</c> and nested <c>*Input</c>) as a <c>sealed partial record</c> with
/// init-only members and the <c>IFormEncodable.WriteForm</c> that sends them: members in wire-name order, <c>null</c>
/// ones left out, required ones checked before anything is sent, one-value discriminators written by the record itself.
/// </summary>
internal sealed class RequestEmitter : IEmitter
{
    public IEnumerable<GeneratedFile> Emit(ApiModel model) =>
        model.Inputs.Values.Select(r => new GeneratedFile(Layout.File(Layout.Requests, r.Name), Write(model, r)));

    private static string Write(ApiModel model, InputModel r)
    {
        if (r.Encoding == BodyEncoding.Json)
        {
            return WriteJson(model, r);
        }

        var secret = r.Props.Exists(p => p.Secret);
        var usings = secret ? new List<string> { "System.Text", "Stripe.Connect.Client.Form" } : ["Stripe.Connect.Client.Form"];
        var w = SourceFile.Start(model, usings);
        SourceFile.TypeDoc(w, r.Summary, r.DocUrl);
        w.Open($"public sealed partial record {r.Name} : IFormEncodable");
        foreach (var p in r.Props.Where(p => p.Fixed is null))
        {
            w.Summary(p.Doc);
            SourceFile.Obsolete(w, p.Obsolete);
            w.Line($"public {(p.Required ? "required " : string.Empty)}{CSharpTypes.Print(p.Type)} {p.Name} {{ get; init; }}");
            w.Line();
        }

        var obsolete = r.Props.Exists(p => p.Obsolete is not null);
        w.Open("void IFormEncodable.WriteForm(FormWriter writer)");
        if (obsolete)
        {
            w.Line("#pragma warning disable CS0618 // A deprecated parameter is still sent when set.");
        }

        var counter = 0;
        WritePlaceChecks(w, r);
        foreach (var p in r.Props)
        {
            if (p.Fixed is not null)
            {
                w.Line($"writer.Add({Words.Literal(p.Wire)}, {Words.Literal(p.Fixed)});");
                continue;
            }

            if (p.Required && FormFields.RequiredCheck(p) is { } present)
            {
                // `required` is only a compile-time promise (null! gets past it): refuse before anything is sent.
                w.Line($"writer.Require({Words.Literal(p.Wire)}, {present});");
            }

            FormFields.Write(w, p.Type, Words.Literal(p.Wire), p.Name, ref counter, indexedLists: model.IsV2);
        }

        if (obsolete)
        {
            w.Line("#pragma warning restore CS0618");
        }

        w.Close();
        if (secret)
        {
            WritePrintMembers(w, r);
        }

        w.Close();
        return w.ToString();
    }

    /// <summary>A v2 body record: <c>IJsonEncodable.WriteJson</c> writes its members as one JSON object, <c>null</c> ones left out.</summary>
    private static string WriteJson(ApiModel model, InputModel r)
    {
        var secret = r.Props.Exists(p => p.Secret);
        var w = secret
            ? SourceFile.Start(model, "System.Text", "System.Text.Json", "Stripe.Connect.Client.Json")
            : SourceFile.Start(model, "System.Text.Json", "Stripe.Connect.Client.Json");
        SourceFile.TypeDoc(w, r.Summary, r.DocUrl);
        w.Open($"public sealed partial record {r.Name} : IJsonEncodable");
        foreach (var p in r.Props.Where(p => p.Fixed is null))
        {
            w.Summary(p.Doc);
            SourceFile.Obsolete(w, p.Obsolete);
            w.Line($"public {(p.Required ? "required " : string.Empty)}{CSharpTypes.Print(p.Type)} {p.Name} {{ get; init; }}");
            w.Line();
        }

        w.Open("void IJsonEncodable.WriteJson(Utf8JsonWriter writer)");
        if (r.Props.Exists(p => p.Obsolete is not null))
        {
            w.Line("#pragma warning disable CS0618 // A deprecated parameter is still sent when set.");
        }

        foreach (var p in r.Props.Where(p => p.Required && p.Fixed is null))
        {
            if (FormFields.RequiredCheck(p) is { } present)
            {
                // `required` is only a compile-time promise (null! gets past it): refuse before anything is sent.
                w.Line($"JsonBody.Require({Words.Literal(p.Wire)}, {present});");
            }
        }

        w.Line("writer.WriteStartObject();");
        var counter = 0;
        foreach (var p in r.Props)
        {
            if (p.Fixed is not null)
            {
                w.Line($"writer.WriteString({Words.Literal(p.Wire)}u8, {Words.Literal(p.Fixed)});");
                continue;
            }

            JsonFields.Write(w, p.Type, p.Wire, p.Name, ref counter);
        }

        w.Line("writer.WriteEndObject();");
        if (r.Props.Exists(p => p.Obsolete is not null))
        {
            w.Line("#pragma warning restore CS0618");
        }

        w.Close();
        if (secret)
        {
            WritePrintMembers(w, r);
        }

        w.Close();
        return w.ToString();
    }

    /// <summary>
    /// The record's <c>ToString()</c> members with every secret masked (<c>***</c> when set): a request logged or shown in a
    /// debugger never reveals an account number, an id number or a credential.
    /// </summary>
    private static void WritePrintMembers(CodeWriter w, InputModel r)
    {
        w.Line();
        w.Summary("Prints the members for <c>ToString()</c>, with secrets masked.");
        w.Line("/// <param name=\"builder\">The builder that receives the members.</param>");
        w.Line("/// <returns><see langword=\"true\"/>: members were printed.</returns>");
        w.Open("private bool PrintMembers(StringBuilder builder)");
        var obsolete = r.Props.Exists(p => p.Obsolete is not null);
        if (obsolete)
        {
            w.Line("#pragma warning disable CS0618 // Deprecated members are still printed.");
        }

        var sep = string.Empty;
        foreach (var p in r.Props.Where(p => p.Fixed is null))
        {
            w.Line($"builder.Append(\"{sep}{p.Name} = \");");
            var masked = p.Type.IsValueType && !p.Type.IsNullable ? "\"***\"" : $"{p.Name} is null ? \"null\" : \"***\"";
            w.Line(p.Secret ? $"builder.Append({masked});" : $"builder.Append((object?){p.Name});");
            sep = ", ";
        }

        if (obsolete)
        {
            w.Line("#pragma warning restore CS0618");
        }

        w.Line("return true;");
        w.Close();
    }

    /// <summary>Members this request requires inside nested records it shares with requests that do not: checked here, before sending.</summary>
    private static void WritePlaceChecks(CodeWriter w, InputModel r)
    {
        foreach (var check in r.PlaceChecks)
        {
            var pattern = "{ } p";
            for (var i = check.Path.Count - 1; i >= 1; i--)
            {
                pattern = check.Path[i].Emptyable ? $"{{ {check.Path[i].Member}: {{ IsEmpty: false, Value: {pattern} }} }}" : $"{{ {check.Path[i].Member}: {pattern} }}";
            }

            if (check.Path[0].Emptyable)
            {
                pattern = $"{{ IsEmpty: false, Value: {pattern} }}";
            }

            var member = check.Member;
            var present = member.Type.Kind == TypeKind.String ? $"!string.IsNullOrEmpty(p.{member.Name})" : $"p.{member.Name} is not null";
            w.Open($"if ({check.Path[0].Member} is {pattern})");
            w.Line($"writer.Require({Words.Literal(check.FormKey)}, {present});");
            w.Close();
            w.Line();
        }
    }
}
