using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Building;

/// <summary>
/// Merges request places that get the same name and have compatible shapes into one record: create and update twins
/// (<c>AccountCreateRequest.settings</c> and <c>AccountUpdateRequest.settings</c>), and places a configuration entry names
/// alike (the bank account under account create, account update and external account create). Compatible means: every
/// member both have has the same type, or a string on one side and an enum on the other (the enum wins), or a plain and
/// an emptyable value (emptyable wins), or a free string and a one-value discriminator (the discriminator wins). A member
/// only one side has is kept and documented as accepted there only; a member is required only where both require it.
/// </summary>
internal sealed class InputMerging(ApiModel model)
{
    private IReadOnlyDictionary<string, string> _names = new Dictionary<string, string>();

    /// <summary>Merges the places of each name group, deepest first, and returns the keys that could not be merged.</summary>
    /// <param name="names">Shape key → default name of every nested request record and one-of.</param>
    /// <param name="twin">
    /// Whether a place may merge with others of its name: a place of a create or update request (twins), or one the
    /// configuration names. Another place whose name clashes (a list filter named like a create parameter) is refused.
    /// </param>
    public List<string> MergeByName(IReadOnlyDictionary<string, string> names, Func<string, bool> twin)
    {
        _names = names;
        var refused = new List<string>();
        foreach (var clash in names.GroupBy(n => n.Value, n => n.Key).Where(g => g.Count() > 1 && g.Any(twin)))
        {
            refused.AddRange(clash.Where(k => !twin(k)));
        }

        var groups = names.Where(n => twin(n.Key)).GroupBy(n => n.Value, n => n.Key).Where(g => g.Count() > 1)
            .Select(g => g.Order(StringComparer.Ordinal).ToList())
            .OrderByDescending(g => g.Max(Depth)).ThenBy(g => g[0], StringComparer.Ordinal);
        foreach (var keys in groups)
        {
            var canonical = keys[0];
            foreach (var other in keys.Skip(1))
            {
                if (TryMerge(canonical, other))
                {
                    Redirect(other, canonical);
                }
                else
                {
                    refused.Add(other);
                }
            }
        }

        return refused;
    }

    /// <summary>
    /// Folds <paramref name="other"/>, which has exactly the same shape, into <paramref name="canonical"/>: references move to
    /// the canonical record (whose nested records stand for the other's too; the other's become unreachable and are pruned).
    /// </summary>
    public void MergeIdentical(string canonical, string other)
    {
        if (model.Inputs.TryGetValue(canonical, out var ia) && model.Inputs.TryGetValue(other, out var ib))
        {
            Hold(ia.Props, ia.Places, ib.Props, ib.Places, p => p.Wire);
            ia.Places.AddRange(ib.Places);
        }
        else if (model.OneOfs.TryGetValue(canonical, out var oa) && model.OneOfs.TryGetValue(other, out var ob))
        {
            Hold(oa.Alternatives, oa.Places, ob.Alternatives, ob.Places, p => p.Name);
            oa.Places.AddRange(ob.Places);
        }
        else
        {
            throw new InvalidOperationException($"{canonical} and {other} are not shapes of one kind.");
        }

        Redirect(other, canonical);
    }

    private static void Hold(List<InputPropertyModel> kept, List<string> keptPlaces, List<InputPropertyModel> gone, List<string> gonePlaces, Func<InputPropertyModel, string> key)
    {
        foreach (var p in kept)
        {
            var q = gone.Find(g => key(g) == key(p));
            p.HeldBy = [.. p.HeldBy ?? [.. keptPlaces], .. q?.HeldBy ?? [.. gonePlaces]];
        }
    }

    private static int Depth(string key) => key.Count(c => c is '.' or '#');

    private void Redirect(string from, string to)
    {
        var kind = model.Inputs.Remove(from) ? TypeKind.Input : TypeKind.OneOf;
        model.OneOfs.Remove(from);
        TypeRewriter.Apply(model, kind, new Dictionary<string, string> { [from] = to });
    }

    private bool TryMerge(string a, string b)
    {
        if (model.Inputs.TryGetValue(a, out var ia) && model.Inputs.TryGetValue(b, out var ib))
        {
            var merged = MergeMembers(ia.Props, ia.Places, ib.Props, ib.Places, byWire: true);
            if (merged is null)
            {
                return false;
            }

            ia.Props.Clear();
            ia.Props.AddRange(merged);
            ia.Places.AddRange(ib.Places);
            return true;
        }

        if (model.OneOfs.TryGetValue(a, out var oa) && model.OneOfs.TryGetValue(b, out var ob))
        {
            // Alternatives meet by what they are: an object by its record's name, a scalar by its member name.
            var merged = MergeMembers(oa.Alternatives, oa.Places, ob.Alternatives, ob.Places, byWire: false);
            if (merged is null)
            {
                return false;
            }

            oa.Alternatives.Clear();
            oa.Alternatives.AddRange(merged);
            oa.Places.AddRange(ob.Places);
            return true;
        }

        return false;
    }

    private List<InputPropertyModel>? MergeMembers(List<InputPropertyModel> a, List<string> placesA, List<InputPropertyModel> b, List<string> placesB, bool byWire)
    {
        string KeyOf(InputPropertyModel p) => byWire ? p.Wire : p.Type.Kind == TypeKind.Input && _names.TryGetValue(p.Type.Name!, out var n) ? n : p.Name;
        var result = new List<InputPropertyModel>();
        var enumMerges = new List<(string Into, string From)>();
        var placeRequired = new List<(string Place, string Wire)>();
        var bByKey = b.ToDictionary(KeyOf, StringComparer.Ordinal);
        foreach (var pa in a)
        {
            if (!bByKey.Remove(KeyOf(pa), out var pb))
            {
                pa.HeldBy ??= [.. placesA];
                result.Add(pa);
                continue;
            }

            var fixedValue = pa.Fixed ?? pb.Fixed;
            if (pa.Fixed is not null && pb.Fixed is not null && pa.Fixed != pb.Fixed)
            {
                return null;
            }

            TypeRef? type = fixedValue is not null ? TypeRef.String : Merge(pa.Type, pb.Type, enumMerges);
            if (type is null || (fixedValue is not null && !IsStringLike(pa) && !IsStringLike(pb)))
            {
                return null;
            }

            var required = fixedValue is null && pa.Required && pb.Required;
            if (!required && fixedValue is null && (pa.Required || pb.Required))
            {
                // The shared record cannot require it; the places that did check it themselves (PlaceChecks).
                placeRequired.AddRange((pa.Required ? placesA : placesB).Select(place => (place, pa.Wire)));
            }
            var held = new HashSet<string>(pa.HeldBy ?? [.. placesA], StringComparer.Ordinal);
            held.UnionWith(pb.HeldBy ?? [.. placesB]);
            result.Add(new InputPropertyModel
            {
                Wire = pa.Wire,
                Name = pa.Name,
                Type = required ? type.AsNonNullable() : type.AsNullable(),
                Required = required,
                Fixed = fixedValue,
                Facts = pa.Facts with { Deprecated = pa.Facts.Deprecated || pb.Facts.Deprecated },
                HeldBy = held,
            });
        }

        foreach (var pb in b.Where(p => bByKey.ContainsKey(KeyOf(p))))
        {
            pb.HeldBy ??= [.. placesB];
            result.Add(pb);
        }

        foreach (var (place, wire) in placeRequired)
        {
            if (!model.PlaceRequired.TryGetValue(place, out var wires))
            {
                model.PlaceRequired[place] = wires = new SortedSet<string>(StringComparer.Ordinal);
            }

            wires.Add(wire);
        }

        foreach (var (into, from) in enumMerges)
        {
            if (into != from && model.Enums.Remove(from, out var gone) && model.Enums.TryGetValue(into, out var kept))
            {
                kept.Values.UnionWith(gone.Values);
                kept.Places.AddRange(gone.Places);
                TypeRewriter.Apply(model, TypeKind.Enum, new Dictionary<string, string> { [from] = into });
            }
        }

        if (byWire)
        {
            result.Sort((x, y) => string.CompareOrdinal(x.Wire, y.Wire));
        }

        return result;
    }

    private static bool IsStringLike(InputPropertyModel p) => p.Fixed is not null || p.Type.Kind is TypeKind.String or TypeKind.Enum;

    /// <summary>The type both sides accept, or <see langword="null"/> when they are incompatible.</summary>
    private static TypeRef? Merge(TypeRef x, TypeRef y, List<(string Into, string From)> enumMerges)
    {
        var nullable = x.IsNullable || y.IsNullable;
        x = x.AsNonNullable();
        y = y.AsNonNullable();
        TypeRef? merged;
        if (x == y)
        {
            merged = x;
        }
        else if (x.Kind == TypeKind.Enum && y.Kind == TypeKind.Enum)
        {
            enumMerges.Add((x.Name!, y.Name!));
            merged = x;
        }
        else if (x.Kind == TypeKind.Enum && y.Kind == TypeKind.String)
        {
            merged = x;
        }
        else if (x.Kind == TypeKind.String && y.Kind == TypeKind.Enum)
        {
            merged = y;
        }
        else if (x.Kind == TypeKind.Emptyable || y.Kind == TypeKind.Emptyable)
        {
            var inner = Merge(x.Kind == TypeKind.Emptyable ? x.Item : x, y.Kind == TypeKind.Emptyable ? y.Item : y, enumMerges);
            merged = inner is null ? null : TypeRef.EmptyableOf(inner);
        }
        else if (x.Kind == TypeKind.List && y.Kind == TypeKind.List)
        {
            var inner = Merge(x.Item, y.Item, enumMerges);
            merged = inner is null ? null : TypeRef.ListOf(inner);
        }
        else
        {
            merged = null;
        }

        return merged is null ? null : nullable ? merged.AsNullable() : merged;
    }
}
