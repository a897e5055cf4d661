using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator;

/// <summary>
/// Lists every generated type with the shape keys it stands for (<c>--names</c>): the keys to put in
/// <c>typeNames</c> to rename a type.
/// </summary>
internal static class NameReport
{
    public static IEnumerable<string> Lines(ApiModel model)
    {
        var lines = new List<string>();
        lines.AddRange(model.Records.Values.Select(r => Line("record", r.Name, r.Places)));
        lines.AddRange(model.Unions.Values.Select(u => Line("union", u.Name, [u.Key])));
        lines.AddRange(model.Inputs.Values.Select(i => Line(i.IsTopLevel ? "request" : "input", i.Name, i.Places)));
        lines.AddRange(model.OneOfs.Values.Select(o => Line("oneof", o.Name, o.Places)));
        lines.AddRange(model.Enums.Values.Select(e => Line("enum", e.Name, e.Places)));
        lines.AddRange(model.Ranges.Values.Select(r => Line("range", r.Name, [])));
        return lines;
    }

    private static string Line(string kind, string name, IEnumerable<string> keys)
    {
        var list = keys.Order(StringComparer.Ordinal).ToList();
        var shown = string.Join(" ", list.Take(4)) + (list.Count > 4 ? $" (+{list.Count - 4} more)" : string.Empty);
        return $"{kind,-8} {name,-42} {shown}";
    }
}
