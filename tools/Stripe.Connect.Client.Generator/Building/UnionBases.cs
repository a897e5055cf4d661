using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Building;

/// <summary>
/// Moves the members every variant of a union has (same name, type and secrecy) to the abstract base record. A member
/// whose default differs per variant (the <c>object</c> name) is declared on the base and set by each variant's
/// constructor.
/// </summary>
internal static class UnionBases
{
    public static void Compute(ApiModel model)
    {
        foreach (var union in model.Unions.Values)
        {
            var variants = union.Variants.Select(v => model.Records[v.Record]).ToList();
            // The generic fallback variant of an inline union knows only the id and the object name.
            foreach (var p in variants[0].Props.Where(p => !union.HasFallback || p.Wire is "id" or "object"))
            {
                var same = variants.Select(v => v.Props.Find(x => x.Wire == p.Wire)).ToList();
                if (same.Any(q => q is null || q.Type != p.Type || q.Name != p.Name || q.Secret != p.Secret))
                {
                    continue;
                }

                var sameDefault = same.All(q => q!.Default == p.Default);
                union.BaseProps.Add(new PropertyModel
                {
                    Wire = p.Wire,
                    Name = p.Name,
                    Type = p.Type,
                    Default = sameDefault ? p.Default : p.Type.Kind == TypeKind.String ? DefaultValue.EmptyString : DefaultValue.None,
                    Secret = p.Secret,
                    Facts = p.Facts,
                });
                foreach (var (variant, q) in variants.Zip(same))
                {
                    q!.InBase = true;
                    if (!sameDefault && q.Default.Kind != DefaultKind.None)
                    {
                        variant.CtorAssignments.Add((q.Name, q.Default));
                    }
                }

                if (p.Wire == "id" && p.Type.Kind == TypeKind.String && !p.Type.IsNullable)
                {
                    union.HasId = true;
                }
            }
        }
    }
}
