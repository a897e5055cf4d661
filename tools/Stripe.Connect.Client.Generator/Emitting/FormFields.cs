using System.Globalization;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>
/// The statements that write one request member as form fields (<c>Form/FormWriter</c>), by <see cref="TypeKind"/>. A
/// new type mapping adds its case here; the v2 JSON bodies will get a sibling that writes <c>Utf8JsonWriter</c> calls.
/// </summary>
internal static class FormFields
{
    private static readonly HashSet<TypeKind> Scalars = [TypeKind.String, TypeKind.Boolean, TypeKind.Int64, TypeKind.Decimal, TypeKind.Timestamp, TypeKind.Enum];

    /// <summary>The condition that a required member was really given, or <see langword="null"/> when its type cannot be missing.</summary>
    public static string? RequiredCheck(InputPropertyModel p) => p.Type.Kind switch
    {
        TypeKind.String => $"!string.IsNullOrEmpty({p.Name})",
        TypeKind.Enum => $"{p.Name}.Value.Length != 0",
        _ when !p.Type.IsValueType => $"{p.Name} is not null",
        _ => null,
    };

    /// <summary>Writes the statements for member <paramref name="expr"/> of type <paramref name="t"/> under form key <paramref name="key"/>.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="t">The member's type.</param>
    /// <param name="key">A C# expression for the form key (a literal, or <c>key</c> inside a one-of).</param>
    /// <param name="expr">The C# expression of the value.</param>
    /// <param name="counter">Numbers the locals, so nested statements do not clash.</param>
    /// <param name="indexedLists">v2 queries: lists as <c>key[0]=a&amp;key[1]=b</c> instead of <c>key[]=a</c>.</param>
    public static void Write(CodeWriter w, TypeRef t, string key, string expr, ref int counter, bool indexedLists = false)
    {
        if (Scalars.Contains(t.Kind))
        {
            w.Line($"writer.Add({key}, {expr});");
            return;
        }

        switch (t.Kind)
        {
            case TypeKind.List when t.Item.Kind == TypeKind.Input:
                {
                    var v = Local("l", ref counter);
                    var i = "i" + counter.ToString(CultureInfo.InvariantCulture);
                    w.Open($"if ({expr} is {{ }} {v})");
                    w.Open($"for (var {i} = 0; {i} < {v}.Count; {i}++)");
                    w.Line($"writer.BeginListItem({key}, {i});");
                    w.Line($"((IFormEncodable){v}[{i}]).WriteForm(writer);");
                    w.Line("writer.EndObject();");
                    w.Close();
                    w.Close();
                    break;
                }

            case TypeKind.List:
                w.Line($"writer.{(indexedLists ? "AddIndexedList" : "AddList")}({key}, {expr});");
                break;
            case TypeKind.Map:
                w.Line($"writer.AddMap({key}, {expr});");
                break;
            case TypeKind.Metadata:
                w.Line($"writer.AddMetadata({key}, {expr}, clearable: false);");
                break;
            case TypeKind.Emptyable when t.Item.Kind == TypeKind.Metadata:
                w.Line($"writer.AddMetadata({key}, {expr}, clearable: true);");
                break;
            case TypeKind.Input:
                {
                    var v = Local("n", ref counter);
                    w.Open($"if ({expr} is {{ }} {v})");
                    w.Line($"writer.BeginObject({key});");
                    w.Line($"((IFormEncodable){v}).WriteForm(writer);");
                    w.Line("writer.EndObject();");
                    w.Close();
                    break;
                }

            case TypeKind.OneOf or TypeKind.Range:
                {
                    var v = Local("u", ref counter);
                    w.Open($"if ({expr} is {{ }} {v})");
                    w.Line($"{v}.WriteForm(writer, {key});");
                    w.Close();
                    break;
                }

            case TypeKind.Emptyable:
                {
                    var v = Local("e", ref counter);
                    w.Open($"if ({expr} is {{ }} {v})");
                    w.Open($"if ({v}.IsEmpty)");
                    w.Line($"writer.AddEmpty({key});");
                    w.Close();
                    w.Open("else");
                    var inner = t.Item;
                    Write(w, inner, key, inner.IsValueType ? $"{v}.Value" : $"{v}.Value!", ref counter, indexedLists);
                    w.Close();
                    w.Close();
                    break;
                }

            default:
                throw new InvalidOperationException($"No form encoding for a request member of kind {t.Kind}.");
        }
    }

    private static string Local(string prefix, ref int counter) => prefix + (++counter).ToString(CultureInfo.InvariantCulture);
}
