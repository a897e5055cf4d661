using System.Globalization;
using Stripe.Connect.Client.Generator.Configuration;
using Stripe.Connect.Client.Generator.Model;
using static Stripe.Connect.Client.Generator.Docs.DocRules;

namespace Stripe.Connect.Client.Generator.Docs;

/// <summary>
/// Summaries of the generated types and of the methods' results. A summary from the configuration (by schema) or the
/// overlay (by C# name) wins; otherwise a nested type says where it is used (<c>The <c>settings</c> of Account</c>, and
/// how many other places share it), which the usage index below finds by scanning every member.
/// </summary>
internal sealed class TypeDocs(ApiModel model, GeneratorConfig config, DocsOverlay overlay)
{
    private readonly Dictionary<string, List<(string Owner, string Wire)>> _usages = new(StringComparer.Ordinal);

    public void Run()
    {
        IndexUsages();
        foreach (var r in model.Records.Values)
        {
            r.Summary = overlay.Type(r.Name) ?? Configured(r.SchemaName, r.Key)
                ?? (r.IsResource ? $"{Words.Article(Capitalize(Words.HumanFromPascal(r.Name)))} object." : Used("Part of", r.Name));
        }

        foreach (var u in model.Unions.Values)
        {
            u.Summary = overlay.Type(u.Name) ?? Configured(u.Key, u.Key) ?? Used("One of several kinds of object, in", u.Name);
        }

        foreach (var e in model.Enums.Values)
        {
            e.Summary = (overlay.Type(e.Name) ?? Used("Values of", e.Name)) + " Values this SDK does not know yet are kept as their wire string.";
        }

        foreach (var s in model.Services)
        {
            foreach (var m in s.Methods)
            {
                Method(s, m);
            }
        }

        foreach (var i in model.Inputs.Values.Where(i => !i.IsTopLevel))
        {
            i.Summary = overlay.Type(i.Name) ?? Used("The parameter", i.Name);
        }

        foreach (var o in model.OneOfs.Values)
        {
            o.Summary = (overlay.Type(o.Name) ?? Used("The parameter", o.Name)) + " Set exactly one member, or assign one of the alternatives directly.";
        }
    }

    private void Method(ServiceModel s, MethodModel m)
    {
        var result = m.Result.Kind is TypeKind.Page or TypeKind.V2Page ? m.Result.Item : m.Result;
        var human = result.Name is { } n ? Words.HumanFromPascal(n) : "object";
        m.ResultDoc = m.Result.Kind is TypeKind.Page or TypeKind.V2Page
            ? $"One page of {human} objects."
            : m.Name switch
            {
                "Create" => $"The new {human}.",
                "Delete" => "Confirmation of the deletion.",
                _ => $"The {human}.",
            };
        if (m.Request is { } request && model.Inputs.TryGetValue(request, out var input))
        {
            input.Summary = overlay.Type(input.Name)
                ?? $"Parameters of <see cref=\"{s.Config.ClassName}.{m.Name}Async\"/> (<c>{m.Http} {Words.Xml(m.Path)}</c>). Members left {Null} are not sent.";
        }
    }

    private string? Configured(string? schema, string key) =>
        schema is not null && config.SchemaSummaries.TryGetValue(schema, out var s) ? s : config.SchemaSummaries.GetValueOrDefault(key);

    /// <summary>
    /// Where a type is used: <c>{lead} <c>settings</c> of Account.</c>; a few places are listed, more are counted. A record
    /// that is one form of a one-of parameter says so.
    /// </summary>
    private string Used(string lead, string name)
    {
        if (!_usages.TryGetValue(name, out var uses) || uses.Count == 0)
        {
            return $"{lead} an API object.";
        }

        if (uses.All(u => model.OneOfs.ContainsKey(u.Owner)))
        {
            var forms = uses.Select(u => u.Owner).Distinct(StringComparer.Ordinal).Select(Cref).ToList();
            return $"{Capitalize(Words.Article(Words.HumanFromPascal(name.EndsWith("Input", StringComparison.Ordinal) ? name[..^5] : name)))} given by its details: one form of {JoinOr(forms)}.";
        }

        var places = uses.Select(u => (u.Owner, u.Wire)).Distinct().ToList();
        var owners = places.Select(p => p.Owner).Distinct(StringComparer.Ordinal).ToList();
        if (owners.Count == 1)
        {
            return $"{lead} {JoinAnd(places.Select(p => Code(p.Wire)).ToList())} of {Cref(owners[0])}.";
        }

        if (places.Count <= 3)
        {
            return $"{lead} {JoinAnd(places.Select(p => $"{Code(p.Wire)} of {Cref(p.Owner)}").ToList())}.";
        }

        return $"{lead} {Code(places[0].Wire)} of {Cref(places[0].Owner)} and {(places.Count - 1).ToString(CultureInfo.InvariantCulture)} other places, which share this shape.";
    }

    private void IndexUsages()
    {
        void Add(string owner, string wire, TypeRef type)
        {
            foreach (var t in type.SelfAndArgs())
            {
                if (t.IsGenerated && t.Name is { } name && name != owner)
                {
                    if (!_usages.TryGetValue(name, out var list))
                    {
                        _usages[name] = list = [];
                    }

                    list.Add((owner, wire));
                }
            }
        }

        foreach (var r in model.Records.Values)
        {
            r.Props.Where(p => !p.InBase).ToList().ForEach(p => Add(r.Name, p.Wire, p.Type));
        }

        foreach (var u in model.Unions.Values)
        {
            u.BaseProps.ForEach(p => Add(u.Name, p.Wire, p.Type));
        }

        foreach (var i in model.Inputs.Values)
        {
            i.Props.ForEach(p => Add(i.Name, p.Wire, p.Type));
        }

        foreach (var o in model.OneOfs.Values)
        {
            o.Alternatives.ForEach(p => Add(o.Name, Words.LowerFirst(p.Name), p.Type));
        }

        foreach (var list in _usages.Values)
        {
            list.Sort((a, b) => string.CompareOrdinal(a.Owner + "." + a.Wire, b.Owner + "." + b.Wire));
        }
    }
}
