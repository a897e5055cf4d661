using System.Globalization;
using System.Text;

namespace Stripe.Connect.Client.Generator;

/// <summary>
/// Sharing of titled request objects: inline parameter objects that carry the same <c>title</c> and have the same generated
/// shape become one record named after the title (<c>capability_param</c> → <c>CapabilityOptions</c>).
/// </summary>
internal sealed partial class ModelBuilder
{
    /// <summary>Path name → new name of the merged places and of the records below the shared ones (tests and diagnostics).</summary>
    public SortedDictionary<string, string> SharedRenames { get; } = new(StringComparer.Ordinal);

    private void ShareTitledRequests()
    {
        // Where each nested record is used from, and whether that use can be cleared ("" on the wire).
        var emptyablePlace = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var r in Requests.Values)
        {
            foreach (var p in r.Props)
            {
                CollectPlaces(p.Type, false, emptyablePlace);
            }
        }

        foreach (var u in RequestUnions.Values)
        {
            foreach (var p in u.Alternatives)
            {
                CollectPlaces(p.Type, false, emptyablePlace);
            }
        }

        // Group the titled records by title, then by shape.
        var signatures = new Dictionary<string, string>(StringComparer.Ordinal);
        var byTitle = new SortedDictionary<string, SortedDictionary<string, List<ReqObjectModel>>>(StringComparer.Ordinal);
        foreach (var r in Requests.Values)
        {
            if (r.Title is null || r.Path.Count == 0)
            {
                continue;
            }

            var key = (emptyablePlace.TryGetValue(r.Name, out var e) && e ? "E" : "-") + Signature(r.Name, signatures);
            if (!byTitle.TryGetValue(r.Title, out var shapes))
            {
                byTitle[r.Title] = shapes = new SortedDictionary<string, List<ReqObjectModel>>(StringComparer.Ordinal);
            }

            if (!shapes.TryGetValue(key, out var list))
            {
                shapes[key] = list = [];
            }

            list.Add(r);
        }

        // Per title, only the largest identical-shape group is shared, and only when no other group is as large.
        var candidates = new List<(string Title, List<ReqObjectModel> Places)>();
        foreach (var (title, shapes) in byTitle)
        {
            var largest = shapes.Values.Max(g => g.Count);
            if (largest < 2 || shapes.Values.Count(g => g.Count == largest) > 1)
            {
                continue;
            }

            candidates.Add((title, shapes.Values.First(g => g.Count == largest)));
        }

        // Larger groups claim their names first; a name another type holds leaves the places with their path names.
        candidates.Sort((a, b) => a.Places.Count != b.Places.Count ? b.Places.Count.CompareTo(a.Places.Count) : string.CompareOrdinal(a.Title, b.Title));
        var canonical = new SortedDictionary<string, ReqObjectModel>(StringComparer.Ordinal);
        var titles = new Dictionary<string, (string Title, int Count)>(StringComparer.Ordinal);
        var rename = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (title, places) in candidates)
        {
            var name = Naming.SharedOptions(title);
            if (_names.ContainsKey(name) || canonical.ContainsKey(name) || places[0].Props.Exists(p => p.Name == name))
            {
                continue;
            }

            canonical[name] = places[0];
            titles[name] = (title, places.Count);
            foreach (var p in places)
            {
                rename[p.Name] = name;
            }
        }

        if (canonical.Count == 0)
        {
            return;
        }

        // The records below a shared one (the copy it was made from) are renamed after it: CompanyOptionsRegistrationDate.
        var final = new Dictionary<string, string>(rename, StringComparer.Ordinal);
        var subPath = new Dictionary<string, (string Root, int Depth)>(StringComparer.Ordinal);
        foreach (var (name, canon) in canonical)
        {
            RenameBelow(canon.Name, canon.Name, name, canon.Path.Count, rename, final, subPath);
        }

        foreach (var (from, to) in final)
        {
            SharedRenames[from] = to;
        }

        var requests = new SortedDictionary<string, ReqObjectModel>(StringComparer.Ordinal);
        foreach (var r in Requests.Values)
        {
            if (rename.TryGetValue(r.Name, out var shared))
            {
                if (canonical[shared] != r)
                {
                    continue;
                }

                var (title, count) = titles[shared];
                var summary = $"The <c>{Naming.Xml(title)}</c> parameter object, shared by the {count.ToString(CultureInfo.InvariantCulture)} parameters of this shape, such as <c>{Naming.Xml(string.Join('.', r.Path))}</c> of <see cref=\"{r.Root}\"/>.";
                var model = new ReqObjectModel(shared, summary, r.DocUrl) { Title = r.Title, Path = r.Path, Root = r.Root };
                model.Props.AddRange(r.Props.ConvertAll(p => RenameProp(p, final)));
                requests[shared] = model;
            }
            else
            {
                var name = final.GetValueOrDefault(r.Name, r.Name);
                var summary = subPath.TryGetValue(r.Name, out var at) ? ResummarizeBelow(r.Summary, r.Path, r.Root, at.Root, at.Depth) : r.Summary;
                var root = subPath.TryGetValue(r.Name, out at) ? at.Root : r.Root;
                var model = new ReqObjectModel(name, summary, r.DocUrl) { Title = r.Title, Path = r.Path, Root = root };
                model.Props.AddRange(r.Props.ConvertAll(p => RenameProp(p, final)));
                requests[name] = model;
            }
        }

        var unions = new SortedDictionary<string, ReqUnionModel>(StringComparer.Ordinal);
        foreach (var u in RequestUnions.Values)
        {
            var name = final.GetValueOrDefault(u.Name, u.Name);
            var summary = subPath.TryGetValue(u.Name, out var at) ? ResummarizeBelow(u.Summary, u.Path, u.Root, at.Root, at.Depth) : u.Summary;
            var model = new ReqUnionModel(name, summary, u.DocUrl) { Path = u.Path, Root = subPath.ContainsKey(u.Name) ? at.Root : u.Root };
            model.Alternatives.AddRange(u.Alternatives.ConvertAll(p => RenameProp(p, final)));
            unions[name] = model;
        }

        // Keep only what the operations reach: the copies that were merged away are gone.
        var reachable = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        foreach (var svc in Services)
        {
            foreach (var m in svc.Methods)
            {
                if (m.RequestName is { } rn)
                {
                    stack.Push(rn);
                }
            }
        }

        while (stack.Count > 0)
        {
            var n = stack.Pop();
            if (!reachable.Add(n))
            {
                continue;
            }

            var props = requests.TryGetValue(n, out var r) ? r.Props : unions.TryGetValue(n, out var u) ? u.Alternatives : null;
            foreach (var p in props ?? [])
            {
                foreach (var child in Referenced(p.Type))
                {
                    stack.Push(child);
                }
            }
        }

        Requests.Clear();
        foreach (var (name, model) in requests)
        {
            if (reachable.Contains(name))
            {
                Requests[name] = model;
            }
        }

        RequestUnions.Clear();
        foreach (var (name, model) in unions)
        {
            if (reachable.Contains(name))
            {
                RequestUnions[name] = model;
            }
        }
    }

    private static void CollectPlaces(RType t, bool emptyable, Dictionary<string, bool> places)
    {
        switch (t.Kind)
        {
            case RKind.Nested:
                places[t.Cs] = emptyable;
                break;
            case RKind.NestedList:
                CollectPlaces(t.Inner!, emptyable, places);
                break;
            case RKind.Emptyable:
                CollectPlaces(t.Inner!, true, places);
                break;
        }
    }

    /// <summary>The generated shape of a nested record or one-of record: wire names, C# names and types (recursively), required members.</summary>
    private string Signature(string name, Dictionary<string, string> memo)
    {
        if (memo.TryGetValue(name, out var sig))
        {
            return sig;
        }

        var sb = new StringBuilder();
        if (Requests.TryGetValue(name, out var r))
        {
            sb.Append("O(");
            foreach (var p in r.Props)
            {
                sb.Append(p.Wire).Append(':').Append(p.Name).Append(':').Append(p.Required ? "R" : "-").Append(':').Append(TypeSignature(p.Type, memo)).Append(';');
            }
        }
        else if (RequestUnions.TryGetValue(name, out var u))
        {
            sb.Append("U(");
            foreach (var p in u.Alternatives)
            {
                sb.Append(p.Name).Append(':').Append(TypeSignature(p.Type, memo)).Append(';');
            }
        }
        else
        {
            sb.Append("T(").Append(name);
        }

        sig = sb.Append(')').ToString();
        memo[name] = sig;
        return sig;
    }

    private string TypeSignature(RType t, Dictionary<string, string> memo) => t.Kind switch
    {
        RKind.Nested => Signature(t.Cs, memo),
        RKind.NestedList => "L[" + TypeSignature(t.Inner!, memo) + "]",
        RKind.Emptyable => "E<" + TypeSignature(t.Inner!, memo) + ">",
        RKind.Custom when RequestUnions.ContainsKey(t.Cs) => Signature(t.Cs, memo),
        _ => t.Kind + ":" + t.Cs,
    };

    private IEnumerable<string> Referenced(RType t)
    {
        switch (t.Kind)
        {
            case RKind.Nested:
                yield return t.Cs;
                break;
            case RKind.Custom when RequestUnions.ContainsKey(t.Cs) || !t.Cs.Contains('<', StringComparison.Ordinal):
                yield return t.Cs;
                break;
            case RKind.NestedList or RKind.Emptyable:
                foreach (var n in Referenced(t.Inner!))
                {
                    yield return n;
                }

                break;
        }
    }

    /// <summary>Renames the records under the copy <paramref name="name"/> of a shared record: the copy's name prefix becomes the shared name.</summary>
    private void RenameBelow(string name, string oldPrefix, string newPrefix, int depth, Dictionary<string, string> shared, Dictionary<string, string> final, Dictionary<string, (string Root, int Depth)> subPath)
    {
        var props = Requests.TryGetValue(name, out var r) ? r.Props : RequestUnions.TryGetValue(name, out var u) ? u.Alternatives : null;
        foreach (var p in props ?? [])
        {
            foreach (var child in Referenced(p.Type))
            {
                if (shared.ContainsKey(child) || final.ContainsKey(child) || !(Requests.ContainsKey(child) || RequestUnions.ContainsKey(child)))
                {
                    continue;
                }

                if (child.StartsWith(oldPrefix, StringComparison.Ordinal))
                {
                    var renamed = newPrefix + child[oldPrefix.Length..];
                    if (!_names.ContainsKey(renamed) && !final.ContainsValue(renamed))
                    {
                        final[child] = renamed;
                        subPath[child] = (newPrefix, depth);
                    }
                }

                RenameBelow(child, oldPrefix, newPrefix, depth, shared, final, subPath);
            }
        }
    }

    private static string ResummarizeBelow(string summary, IReadOnlyList<string> path, string oldRoot, string newRoot, int depth)
    {
        var rel = path.Count > depth ? path.Skip(depth) : path;
        return summary
            .Replace($"<c>{Naming.Xml(string.Join('.', path))}</c>", $"<c>{Naming.Xml(string.Join('.', rel))}</c>", StringComparison.Ordinal)
            .Replace($"<see cref=\"{oldRoot}\"/>", $"<see cref=\"{newRoot}\"/>", StringComparison.Ordinal);
    }

    private static ReqPropModel RenameProp(ReqPropModel p, Dictionary<string, string> final) =>
        new() { Wire = p.Wire, Name = p.Name, Type = RenameType(p.Type, final), Required = p.Required, Doc = p.Doc };

    private static RType RenameType(RType t, Dictionary<string, string> final)
    {
        switch (t.Kind)
        {
            case RKind.Nested:
            case RKind.Custom:
                return final.TryGetValue(t.Cs, out var n) ? t with { Cs = n } : t;
            case RKind.NestedList:
                {
                    var inner = RenameType(t.Inner!, final);
                    return t with { Cs = $"IReadOnlyList<{inner.Cs}>", Inner = inner };
                }

            case RKind.Emptyable:
                {
                    var inner = RenameType(t.Inner!, final);
                    return t with { Cs = $"Emptyable<{inner.Cs}>", Inner = inner };
                }

            default:
                return t;
        }
    }
}
