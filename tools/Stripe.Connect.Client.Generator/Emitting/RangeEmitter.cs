using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>Writes the list filters: a range (any of the bounds) or one exact value, which wins when set.</summary>
internal sealed class RangeEmitter : IEmitter
{
    public IEnumerable<GeneratedFile> Emit(ApiModel model) =>
        model.Ranges.Values.Select(r => new GeneratedFile(Layout.File(Layout.Requests, r.Name), Write(model, r)));

    private static string Write(ApiModel model, RangeModel r)
    {
        var isTime = r.Element.Kind == TypeKind.Timestamp;
        var (what, unit, after, before) = isTime
            ? ("a timestamp such as <c>created</c>", "time", "after", "before")
            : ("a number such as <c>amount</c>", "value", "above", "below");
        var type = CSharpTypes.Print(r.Element.AsNullable());
        var w = SourceFile.Start(model, "Stripe.Connect.Client.Form");
        SourceFile.TypeDoc(w, $"Filters a list by {what}: either a range (any of the bounds) or one exact {unit}, which wins when set.", "https://docs.stripe.com/api/pagination");
        w.Open($"public sealed partial record {r.Name}");
        (string Member, string Doc)[] members =
        [
            ("Exact", $"Only objects with exactly this {unit}; when set, the bounds are not sent."),
            ("Gt", $"Only objects {after} this {unit}."),
            ("Gte", $"Only objects at or {after} this {unit}."),
            ("Lt", $"Only objects {before} this {unit}."),
            ("Lte", $"Only objects at or {before} this {unit}."),
        ];
        foreach (var (member, doc) in members)
        {
            w.Summary(doc);
            w.Line($"public {type} {member} {{ get; init; }}");
            w.Line();
        }

        w.Open("internal void WriteForm(FormWriter writer, string key)");
        w.Open("if (Exact is { } exact)");
        w.Line("writer.Add(key, exact);");
        w.Line("return;");
        w.Close();
        w.Line();
        w.Line("writer.BeginObject(key);");
        foreach (var bound in (ReadOnlySpan<string>)["gt", "gte", "lt", "lte"])
        {
            w.Line($"writer.Add(\"{bound}\", {Words.Pascal(bound)});");
        }

        w.Line("writer.EndObject();");
        w.Close();
        w.Close();
        return w.ToString();
    }
}
