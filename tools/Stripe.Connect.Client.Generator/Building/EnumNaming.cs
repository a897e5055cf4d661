using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Building;

/// <summary>
/// Names the enums once the records around them have their final names: an enum is its owner's name plus the member
/// (<c>Account</c> + <c>type</c> → <c>AccountType</c>; on a request, the resource or the record without <c>Input</c>:
/// <c>AccountCreateRequest.type</c> → <c>AccountType</c>), so a request and a response enum of the same field meet under
/// one name and hold the union of their values. Enums of the same field (same wire name) with the same values whose names
/// end alike are one type, named by what the names share (<c>AccountCompanyStructure</c> + <c>LegalEntityCompanyStructure</c>
/// → <c>CompanyStructure</c>).
/// </summary>
internal sealed class EnumNaming(ApiModel model, TypeNamer namer, IReadOnlyDictionary<string, string> resourceOf)
{
    public void Run()
    {
        var defaults = new Dictionary<string, NameParts>(StringComparer.Ordinal);
        foreach (var (key, owner) in Owners())
        {
            defaults[key] = model.Enums[key].Places.Order(StringComparer.Ordinal).Select(namer.Configured).FirstOrDefault(n => n is not null) is { } configured
                ? NameParts.Fixed(configured)
                : new NameParts([.. Words.Split(owner.Stem), Words.Pascal(owner.Wire)], string.Empty);
        }

        // Same name: one enum with the union of the values.
        foreach (var group in defaults.GroupBy(d => d.Value.Text, d => d.Key).Where(g => g.Count() > 1).ToList())
        {
            var keys = group.Order(StringComparer.Ordinal).ToList();
            foreach (var other in keys.Skip(1))
            {
                Merge(keys[0], other);
                defaults.Remove(other);
            }
        }

        // Same values for the same field (every place has the same wire name), names that end alike: one enum named after
        // what the names share. Two fields that merely take the same values (company/individual) stay apart.
        var signatures = new ShapeSignatures(model);
        foreach (var group in defaults.Keys.GroupBy(k => signatures.Enum(k) + "|" + string.Join(",", Wires(k))).Where(g => g.Count() > 1).ToList())
        {
            var keys = group.Order(StringComparer.Ordinal).ToList();
            if (namer.GroupName(keys, keys.Select(k => defaults[k]).ToList(), keys.Select(_ => (string?)null).ToList(), string.Empty) is not { } name)
            {
                continue;
            }

            foreach (var other in keys.Skip(1))
            {
                Merge(keys[0], other);
                defaults.Remove(other);
            }

            defaults[keys[0]] = name;
        }

        var final = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, parts) in defaults.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            final[key] = namer.Claim(parts, "enum:" + key);
            model.Enums[key].Name = final[key];
        }

        TypeRewriter.Apply(model, TypeKind.Enum, final);
        TypeRewriter.Rekey(model.Enums, e => e.Name);
    }

    /// <summary>The distinct wire names of an enum's places (<c>AccountCreateRequest.company.structure</c> → <c>structure</c>).</summary>
    private IEnumerable<string> Wires(string key) =>
        model.Enums[key].Places.Select(p => p[(p.LastIndexOfAny(['.', '#']) + 1)..]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

    private void Merge(string into, string from)
    {
        var kept = model.Enums[into];
        var gone = model.Enums[from];
        kept.Values.UnionWith(gone.Values);
        kept.Places.AddRange(gone.Places);
        model.Enums.Remove(from);
        TypeRewriter.Apply(model, TypeKind.Enum, new Dictionary<string, string> { [from] = into });
    }

    /// <summary>Each enum's first owner (by owner name, then member): the name stem it is named after, and the member.</summary>
    private SortedDictionary<string, (string Stem, string Wire)> Owners()
    {
        var owners = new SortedDictionary<string, (string Stem, string Wire)>(StringComparer.Ordinal);
        void Visit(string stem, string wire, TypeRef type)
        {
            foreach (var t in type.SelfAndArgs())
            {
                if (t.Kind == TypeKind.Enum && t.Name is { } key && model.Enums.ContainsKey(key)
                    && (!owners.TryGetValue(key, out var seen) || string.CompareOrdinal(stem + "." + wire, seen.Stem + "." + seen.Wire) < 0))
                {
                    owners[key] = (stem, wire);
                }
            }
        }

        foreach (var r in model.Records.Values)
        {
            r.Props.ForEach(p => Visit(r.Name, p.Wire, p.Type));
        }

        foreach (var i in model.Inputs.Values)
        {
            var stem = i.IsTopLevel ? resourceOf.GetValueOrDefault(i.Key, i.Name) : Stem(i.Name);
            i.Props.ForEach(p => Visit(stem, p.Wire, p.Type));
        }

        foreach (var o in model.OneOfs.Values)
        {
            o.Alternatives.ForEach(p => Visit(Stem(o.Name), p.Name, p.Type));
        }

        return owners;
    }

    private static string Stem(string name) => name.EndsWith(TypeNamer.InputSuffix, StringComparison.Ordinal) ? name[..^TypeNamer.InputSuffix.Length] : name;
}
