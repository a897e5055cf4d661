using System.Globalization;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>
/// The statements that write one request member of a v2 JSON body with <c>Utf8JsonWriter</c> (no reflection), by
/// <see cref="TypeKind"/>: the sibling of <see cref="FormFields"/>. A member left <see langword="null"/> is not written;
/// metadata values that are <see langword="null"/> are written as JSON <c>null</c>, which removes the key.
/// </summary>
internal static class JsonFields
{
    /// <summary>Writes the statements for member <paramref name="expr"/> of type <paramref name="t"/> under the JSON name <paramref name="wire"/>.</summary>
    /// <param name="w">The writer.</param>
    /// <param name="t">The member's type.</param>
    /// <param name="wire">The JSON property name.</param>
    /// <param name="expr">The C# expression of the value.</param>
    /// <param name="counter">Numbers the locals, so nested statements do not clash.</param>
    public static void Write(CodeWriter w, TypeRef t, string wire, string expr, ref int counter)
    {
        var name = Words.Literal(wire) + "u8";
        var v = "v" + (++counter).ToString(CultureInfo.InvariantCulture);
        w.Open($"if ({expr} is {{ }} {v})");
        w.Line($"writer.WritePropertyName({name});");
        Value(w, t.AsNonNullable(), v, ref counter);
        w.Close();
    }

    /// <summary>Writes one value (no property name) of type <paramref name="t"/>; <paramref name="v"/> is not null.</summary>
    private static void Value(CodeWriter w, TypeRef t, string v, ref int counter)
    {
        switch (t.Kind)
        {
            case TypeKind.String:
                w.Line($"writer.WriteStringValue({v});");
                break;
            case TypeKind.Boolean:
                w.Line($"writer.WriteBooleanValue({v});");
                break;
            case TypeKind.Int64 when t.Wire == WireFormat.Int64String:
                w.Line($"JsonWireStrings.WriteInt64(writer, {v});");
                break;
            case TypeKind.Int64:
                w.Line($"writer.WriteNumberValue({v});");
                break;
            case TypeKind.Decimal when t.Wire == WireFormat.DecimalString:
                w.Line($"JsonWireStrings.WriteDecimal(writer, {v});");
                break;
            case TypeKind.Decimal:
                w.Line($"writer.WriteNumberValue({v});");
                break;
            case TypeKind.Timestamp when t.Wire == WireFormat.UnixTime:
                w.Line($"writer.WriteNumberValue({v}.ToUnixTimeSeconds());");
                break;
            case TypeKind.Timestamp:
                w.Line($"JsonWireStrings.WriteDateTime(writer, {v});");
                break;
            case TypeKind.Enum:
                w.Line($"writer.WriteStringValue({v}.Value);");
                break;
            case TypeKind.Input:
                w.Line($"((IJsonEncodable){v}).WriteJson(writer);");
                break;
            case TypeKind.Metadata:
                w.Line($"JsonBody.WriteMetadata(writer, {v});");
                break;
            case TypeKind.Map:
                {
                    var pair = "p" + (++counter).ToString(CultureInfo.InvariantCulture);
                    w.Line("writer.WriteStartObject();");
                    w.Open($"foreach (var {pair} in {v})");
                    w.Line($"writer.WritePropertyName({pair}.Key);");
                    var inner = $"{pair}.Value";
                    if (t.Item.IsNullable)
                    {
                        w.Open($"if ({inner} is null)");
                        w.Line("writer.WriteNullValue();");
                        w.Close();
                        w.Open("else");
                        Value(w, t.Item.AsNonNullable(), CSharpTypes.IsNullableValue(t.Item) ? inner + ".Value" : inner, ref counter);
                        w.Close();
                    }
                    else
                    {
                        Value(w, t.Item, inner, ref counter);
                    }

                    w.Close();
                    w.Line("writer.WriteEndObject();");
                    break;
                }

            case TypeKind.List:
                {
                    // An index over IReadOnlyList<T>: foreach through the interface would box an enumerator per list.
                    var index = "n" + (++counter).ToString(CultureInfo.InvariantCulture);
                    var item = "i" + (++counter).ToString(CultureInfo.InvariantCulture);
                    w.Line("writer.WriteStartArray();");
                    w.Open($"for (var {index} = 0; {index} < {v}.Count; {index}++)");
                    w.Line($"var {item} = {v}[{index}];");
                    Value(w, t.Item.AsNonNullable(), item, ref counter);
                    w.Close();
                    w.Line("writer.WriteEndArray();");
                    break;
                }

            default:
                throw new InvalidOperationException($"No JSON encoding for a request member of kind {t.Kind}.");
        }
    }
}
