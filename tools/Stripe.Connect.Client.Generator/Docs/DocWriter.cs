using Stripe.Connect.Client.Generator.Configuration;
using Stripe.Connect.Client.Generator.Model;
using static Stripe.Connect.Client.Generator.Docs.DocRules;

namespace Stripe.Connect.Client.Generator.Docs;

/// <summary>
/// Writes every doc comment of the model: a member's doc is its main sentence (the overlay's, else a rule's, else a bare
/// fallback) followed by the rule sentences that apply (values, wire format, expansion, what <see langword="null"/>
/// means, secrecy, deprecation). Type summaries come from the configuration or the overlay, else say where the type is
/// used (<see cref="TypeDocs"/>).
/// </summary>
internal sealed class DocWriter(ApiModel model, GeneratorConfig config, DocsOverlay overlay)
{
    private readonly Dictionary<string, string> _methodOfRequest = new(StringComparer.Ordinal);

    public void Run()
    {
        foreach (var s in model.Services)
        {
            foreach (var m in s.Methods.Where(m => m.Request is not null))
            {
                _methodOfRequest[m.Request!] = m.Name;
            }
        }

        var types = new TypeDocs(model, config, overlay);
        types.Run();
        foreach (var r in model.Records.Values)
        {
            foreach (var p in r.Props)
            {
                Response(r, p);
            }
        }

        foreach (var u in model.Unions.Values)
        {
            foreach (var p in u.BaseProps)
            {
                var variant = model.Records[u.Variants[0].Record];
                p.Doc = p.Wire == "object"
                    ? $"Names the kind of object: {JoinOr(u.Variants.Select(v => Code(v.ObjectValue)).ToList())}."
                    : variant.Props.Find(v => v.Wire == p.Wire)!.Doc;
                p.Obsolete = variant.Props.Find(v => v.Wire == p.Wire)!.Obsolete;
            }
        }

        foreach (var i in model.Inputs.Values)
        {
            foreach (var p in i.Props)
            {
                Input(i, p);
            }
        }

        foreach (var o in model.OneOfs.Values)
        {
            foreach (var p in o.Alternatives)
            {
                p.Doc = p.Type.Kind switch
                {
                    TypeKind.Input => $"The parameter as {Words.Article(Words.HumanFromPascal(p.Name))} object ({Cref(p.Type.Name!)}).",
                    TypeKind.String => "The parameter as a string: a token or the id of an existing object.",
                    _ => $"The parameter as {Words.Article(Words.HumanFromPascal(p.Name))} value.",
                };
            }
        }
    }

    private void Response(RecordModel owner, PropertyModel p)
    {
        var human = Words.HumanFromPascal(owner.Name);
        var main = overlay.Property(owner.Name, p.Wire)
            ?? (owner.BaseName is { } union ? overlay.Property(union, p.Wire) : null)
            ?? MainSentence(p.Wire, p.Type, human, owner.ObjectValue, Prefix(owner.SchemaName), owner.IsResource, isRequest: false)
            ?? Fallback(p.Wire, p.Type);
        var parts = new List<string?> { main, Values(p.Type, model), Format(p.Type), Expansion(p.Wire, p.Type, TargetPrefix(p.Wire, p.Type)), ResponseNull(p) };
        if (p.Secret)
        {
            parts.Add("A secret: <c>ToString()</c> masks it.");
        }

        if (p.Facts.Deprecated)
        {
            p.Obsolete = overlay.ObsoleteMessage(owner.Name, p.Wire) ?? "Deprecated by the API.";
            parts.Add("Deprecated: " + Words.Xml(p.Obsolete));
        }

        p.Doc = Join(parts);
    }

    private void Input(InputModel owner, InputPropertyModel p)
    {
        var resource = owner.IsTopLevel && owner.Name.EndsWith("Request", StringComparison.Ordinal) ? Resource(owner) : null;
        var main = overlay.Property(owner.Name, p.Wire)
            ?? ResourceDoc(resource, p.Wire)
            ?? MainSentence(p.Wire, p.Type, Words.HumanFromPascal(resource ?? owner.Name), null, null, isResource: false, isRequest: true)
            ?? Fallback(p.Wire, p.Type);
        var parts = new List<string?> { main, Values(p.Type, model), Format(p.Type), Clearing(p.Type) };
        if (p.Secret)
        {
            parts.Add("Sensitive: <c>ToString()</c> masks it.");
        }

        if (p.OnlyIn is { Count: > 0 } only)
        {
            parts.Add($"Accepted only by {JoinOr(only.Select(Cref).ToList())}; the other requests that share this record refuse it.");
        }

        if (p.Required)
        {
            parts.Add("Required.");
        }
        else if (p.RequiredIn is { Count: > 0 } requiredIn)
        {
            parts.Add($"Required by {JoinAnd(requiredIn.Select(Cref).ToList())}, which checks it before sending.");
        }
        else if (owner.IsTopLevel && _methodOfRequest.GetValueOrDefault(owner.Name) == "Update")
        {
            parts.Add($"Leave it {Null} to keep the current value.");
        }

        if (p.Facts.Deprecated)
        {
            p.Obsolete = overlay.ObsoleteMessage(owner.Name, p.Wire) ?? "Deprecated by the API.";
            parts.Add("Deprecated: " + Words.Xml(p.Obsolete));
        }

        p.Doc = Join(parts);
    }

    private static string? Clearing(TypeRef t)
    {
        if (t.AsNonNullable() is not { Kind: TypeKind.Emptyable } e)
        {
            return null;
        }

        return e.Item.Kind == TypeKind.Metadata
            ? "Assign <see cref=\"StripeMetadata.Clear\"/> to remove every key; a key with an empty value removes that key."
            : "Assign <c>Emptyable&lt;T&gt;.Empty</c> to clear the current value.";
    }

    /// <summary>The resource a top-level request is for (<c>AccountCreateRequest</c> → <c>Account</c>), when the model has its record or union.</summary>
    private string? Resource(InputModel request)
    {
        foreach (var s in model.Services)
        {
            if (s.Methods.Any(m => m.Request == request.Name) && model.IsRecordOrUnion(s.Config.Resource))
            {
                return s.Config.Resource;
            }
        }

        return null;
    }

    /// <summary>The overlay's doc of the same member on the resource (or, for a union, on the union or one of its variants).</summary>
    private string? ResourceDoc(string? resource, string wire)
    {
        if (resource is null)
        {
            return null;
        }

        var candidates = model.Unions.TryGetValue(resource, out var u) ? [resource, .. u.Variants.Select(v => v.Record)] : new List<string> { resource };
        return candidates.Select(c => overlay.Property(c, wire)).FirstOrDefault(d => d is not null);
    }

    private string? Prefix(string? schema) => schema is not null && config.IdPrefixes.TryGetValue(schema, out var p) ? p : null;

    private string? TargetPrefix(string wire, TypeRef t)
    {
        var inner = t.AsNonNullable().Kind == TypeKind.List ? t.AsNonNullable().Item : t.AsNonNullable();
        if (inner.Kind != TypeKind.Expandable)
        {
            return null;
        }

        var schema = inner.Item.Name is { } n && model.Records.TryGetValue(n, out var r) ? r.SchemaName : null;
        return Prefix(schema) ?? Prefix(wire);
    }

    private static string Join(IEnumerable<string?> parts) => string.Join(" ", parts.Where(p => !string.IsNullOrEmpty(p)));
}
