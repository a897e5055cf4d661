using System.Text;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Building;

/// <summary>
/// The structural signature of a shape: its members' wire names, C# names, requiredness and types, with nested shapes
/// spelled out recursively and enums as their value sets, so that two places with the same shape get the same text
/// whatever they are called. Top-level resources and unions stand for themselves (by key): they are never merged.
/// </summary>
internal sealed class ShapeSignatures(ApiModel model)
{
    private readonly Dictionary<string, string> _inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _records = new(StringComparer.Ordinal);

    /// <summary>Forgets computed signatures (after a merge changed the shapes).</summary>
    public void Clear()
    {
        _inputs.Clear();
        _records.Clear();
    }

    public string Input(string key)
    {
        if (_inputs.TryGetValue(key, out var sig))
        {
            return sig;
        }

        _inputs[key] = "cycle:" + key;
        var sb = new StringBuilder();
        if (model.Inputs.TryGetValue(key, out var input))
        {
            sb.Append("I{");
            foreach (var p in input.Props)
            {
                sb.Append(p.Wire).Append(':').Append(p.Name).Append(':').Append(p.Required ? 'R' : '-').Append(':').Append(p.Fixed ?? "~").Append(':').Append(Type(p.Type.AsNonNullable())).Append(';');
            }
        }
        else if (model.OneOfs.TryGetValue(key, out var oneOf))
        {
            sb.Append("O{");
            foreach (var p in oneOf.Alternatives)
            {
                sb.Append(p.Name).Append(':').Append(Type(p.Type.AsNonNullable())).Append(';');
            }
        }
        else
        {
            sb.Append("?{").Append(key);
        }

        return _inputs[key] = sb.Append('}').ToString();
    }

    public string Record(string key)
    {
        if (_records.TryGetValue(key, out var sig))
        {
            return sig;
        }

        if (!model.Records.TryGetValue(key, out var record) || record.IsResource || record.BaseName is not null)
        {
            return "R:" + key;
        }

        _records[key] = "cycle:" + key;
        var sb = new StringBuilder("{");
        foreach (var p in record.Props)
        {
            sb.Append(p.Wire).Append(':').Append(p.Secret ? 'S' : '-').Append(':').Append(p.Default.Kind).Append(p.Default.Literal).Append(':').Append(Type(p.Type)).Append(';');
        }

        return _records[key] = sb.Append('}').ToString();
    }

    public string Enum(string key) => model.Enums.TryGetValue(key, out var e) ? "E{" + string.Join(',', e.Values) + "}" : "E:" + key;

    private string Type(TypeRef t)
    {
        var head = t.Kind switch
        {
            TypeKind.Input or TypeKind.OneOf => Input(t.Name!),
            TypeKind.Record => Record(t.Name!),
            TypeKind.Enum => Enum(t.Name!),
            _ => t.Kind + "/" + t.Wire + (t.Kind == TypeKind.Union ? ":" + t.Name : string.Empty),
        };
        if (t.Args.Count > 0)
        {
            head += "<" + string.Join(",", t.Args.Select(Type)) + ">";
        }

        return t.IsNullable ? head + "?" : head;
    }
}
