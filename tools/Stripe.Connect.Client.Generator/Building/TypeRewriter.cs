using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Building;

/// <summary>Applies a renaming of generated types (merged shapes to their canonical key, keys to final names) to every type reference of the model.</summary>
internal static class TypeRewriter
{
    /// <summary>Renames every reference whose kind and name <paramref name="map"/> knows.</summary>
    public static void Apply(ApiModel model, TypeKind kind, IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0)
        {
            return;
        }

        string? Rename(TypeRef t) => t.Kind == kind && t.Name is { } n && map.TryGetValue(n, out var to) ? to : null;
        Apply(model, Rename);
    }

    public static void Apply(ApiModel model, Func<TypeRef, string?> rename)
    {
        foreach (var r in model.Records.Values)
        {
            foreach (var p in r.Props)
            {
                p.Type = p.Type.Rename(rename);
            }
        }

        foreach (var u in model.Unions.Values)
        {
            foreach (var p in u.BaseProps)
            {
                p.Type = p.Type.Rename(rename);
            }
        }

        foreach (var i in model.Inputs.Values)
        {
            foreach (var p in i.Props)
            {
                p.Type = p.Type.Rename(rename);
            }
        }

        foreach (var o in model.OneOfs.Values)
        {
            foreach (var p in o.Alternatives)
            {
                p.Type = p.Type.Rename(rename);
            }
        }

        foreach (var m in model.Services.SelectMany(s => s.Methods))
        {
            m.Result = m.Result.Rename(rename);
        }
    }

    /// <summary>Re-keys a dictionary of models after a renaming: <paramref name="keyOf"/> gives each model's new key.</summary>
    public static void Rekey<T>(SortedDictionary<string, T> models, Func<T, string> keyOf)
    {
        var all = models.Values.ToList();
        models.Clear();
        foreach (var m in all)
        {
            models.Add(keyOf(m), m);
        }
    }
}
