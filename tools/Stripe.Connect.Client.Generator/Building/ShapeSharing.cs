using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Building;

/// <summary>
/// Shares shapes: places whose nested records (request or response) have exactly the same shape become one type, named
/// by <see cref="TypeNamer.GroupName"/> after what they have in common. Top-level resources, union variants and empty
/// objects stay apart (an empty object says nothing about what it is, and Stripe grows such objects one at a time).
/// A group without a common name stays apart too, and is listed in the report's notes.
/// </summary>
internal sealed class ShapeSharing(ApiModel model, TypeNamer namer)
{
    /// <summary>Merges identical nested request records and one-ofs; <paramref name="names"/> gets the shared names and loses the merged keys.</summary>
    public void ShareInputs(Dictionary<string, NameParts> names, InputMerging merging)
    {
        var signatures = new ShapeSignatures(model);
        var candidates = model.Inputs.Values.Where(i => !i.IsTopLevel && i.Props.Count > 0).Select(i => (i.Key, i.Title))
            .Concat(model.OneOfs.Values.Select(o => (o.Key, Title: (string?)null)));
        var groups = candidates.GroupBy(c => signatures.Input(c.Key)).Where(g => g.Count() > 1)
            .Select(g => g.OrderBy(c => c.Key, StringComparer.Ordinal).ToList())
            .OrderByDescending(g => g.Max(c => c.Key.Count(ch => ch is '.' or '#'))).ThenBy(g => g[0].Key, StringComparer.Ordinal).ToList();
        foreach (var group in groups)
        {
            var keys = group.Select(c => c.Key).Where(names.ContainsKey).ToList();
            if (keys.Count < 2 || !keys.All(k => model.Inputs.ContainsKey(k) || model.OneOfs.ContainsKey(k)))
            {
                continue;
            }

            var name = namer.GroupName(keys, keys.Select(k => names[k]).ToList(), group.Select(c => c.Title).ToList(), TypeNamer.InputSuffix);
            if (name is null)
            {
                model.Report.Notes.Add($"not shared (no common name; add a typeNames entry for one of them): {string.Join(", ", keys)}");
                continue;
            }

            foreach (var other in keys.Skip(1))
            {
                merging.MergeIdentical(keys[0], other);
                names.Remove(other);
            }

            names[keys[0]] = name;
        }
    }

    /// <summary>Merges identical nested response records; <paramref name="names"/> gets the shared names and loses the merged keys.</summary>
    public void ShareRecords(Dictionary<string, NameParts> names)
    {
        var signatures = new ShapeSignatures(model);
        var groups = model.Records.Values.Where(r => !r.IsResource && r.BaseName is null && r.Props.Count > 0)
            .GroupBy(r => signatures.Record(r.Key)).Where(g => g.Count() > 1)
            .Select(g => g.Select(r => r.Key).Order(StringComparer.Ordinal).ToList())
            .OrderByDescending(g => g.Max(k => k.Count(c => c == '.'))).ThenBy(g => g[0], StringComparer.Ordinal).ToList();
        foreach (var keys in groups)
        {
            var live = keys.Where(k => model.Records.ContainsKey(k) && names.ContainsKey(k)).ToList();
            if (live.Count < 2)
            {
                continue;
            }

            var name = namer.GroupName(live, live.Select(k => names[k]).ToList(), live.Select(_ => (string?)null).ToList(), string.Empty);
            if (name is null)
            {
                model.Report.Notes.Add($"not shared (no common name; add a typeNames entry for one of them): {string.Join(", ", live)}");
                continue;
            }

            var canonical = model.Records[live[0]];
            foreach (var other in live.Skip(1))
            {
                canonical.Places.AddRange(model.Records[other].Places);
                model.Records.Remove(other);
                names.Remove(other);
                TypeRewriter.Apply(model, TypeKind.Record, new Dictionary<string, string> { [other] = live[0] });
            }

            names[live[0]] = name;
        }
    }

    /// <summary>Drops records, one-ofs, inputs and enums no operation reaches any more (the copies merged away).</summary>
    public void Prune()
    {
        var reached = new HashSet<(TypeKind, string)>();
        var stack = new Stack<TypeRef>();
        foreach (var m in model.Services.SelectMany(s => s.Methods))
        {
            stack.Push(m.Result);
            if (m.Request is { } r)
            {
                stack.Push(TypeRef.Named(TypeKind.Input, r));
            }
        }

        foreach (var u in model.Unions.Values)
        {
            foreach (var (_, record) in u.Variants)
            {
                stack.Push(TypeRef.Named(TypeKind.Record, record));
            }
        }

        while (stack.Count > 0)
        {
            foreach (var t in stack.Pop().SelfAndArgs())
            {
                if (t.Name is not { } name || !t.IsGenerated || !reached.Add((t.Kind, name)))
                {
                    continue;
                }

                var members = t.Kind switch
                {
                    TypeKind.Record when model.Records.TryGetValue(name, out var r) => r.Props.Select(p => p.Type),
                    TypeKind.Union when model.Unions.TryGetValue(name, out var u) => u.BaseProps.Select(p => p.Type).Concat(u.Variants.Select(v => TypeRef.Named(TypeKind.Record, v.Record))),
                    TypeKind.Input when model.Inputs.TryGetValue(name, out var i) => i.Props.Select(p => p.Type),
                    TypeKind.OneOf when model.OneOfs.TryGetValue(name, out var o) => o.Alternatives.Select(p => p.Type),
                    _ => [],
                };
                foreach (var m in members)
                {
                    stack.Push(m);
                }
            }
        }

        Remove(model.Records, TypeKind.Record, reached);
        Remove(model.Unions, TypeKind.Union, reached);
        Remove(model.Inputs, TypeKind.Input, reached);
        Remove(model.OneOfs, TypeKind.OneOf, reached);
        Remove(model.Enums, TypeKind.Enum, reached);
        Remove(model.Ranges, TypeKind.Range, reached);
    }

    private static void Remove<T>(SortedDictionary<string, T> models, TypeKind kind, HashSet<(TypeKind, string)> reached)
    {
        foreach (var key in models.Keys.Where(k => !reached.Contains((kind, k))).ToList())
        {
            models.Remove(key);
        }
    }
}
