using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>How one response member is read from <c>Utf8JsonReader</c> and written to <c>Utf8JsonWriter</c>.</summary>
/// <param name="Read">The expression that reads a non-null token.</param>
/// <param name="Write">The statement that writes a value, given the expression holding it.</param>
/// <param name="IsValueType">The value is a C# value type (a nullable one reads through a cast).</param>
internal sealed record MemberCodec(string Read, Func<string, string> Write, bool IsValueType);

/// <summary>
/// The JSON codecs of response members, by <see cref="TypeKind"/> and <see cref="WireFormat"/>. A new type mapping adds
/// its case here (and to <see cref="Attribute"/> when the member needs a converter for System.Text.Json's own path).
/// </summary>
internal static class MemberCodecs
{
    /// <summary>The converter a member carries as <c>[JsonConverter(typeof(...))]</c>, or <see langword="null"/>.</summary>
    public static string? Attribute(TypeRef t) => t.Kind switch
    {
        TypeKind.Timestamp when t.Wire == WireFormat.UnixTime => t.IsNullable ? "NullableUnixTimeJsonConverter" : "UnixTimeJsonConverter",
        TypeKind.Expandable => $"ExpandableJsonConverter<{CSharpTypes.Print(t.Item)}>",
        TypeKind.List when t.Item.Kind == TypeKind.Expandable => $"ExpandableListJsonConverter<{CSharpTypes.Print(t.Item.Item)}>",
        _ => null,
    };

    /// <summary>The codec of a member of type <paramref name="t"/>.</summary>
    /// <param name="t">The member's type.</param>
    /// <param name="literal">The member's fixed default (an object name), read without allocating when the JSON matches it.</param>
    /// <param name="field">Returns the name of a static converter field of the given type, declaring it on first use.</param>
    public static MemberCodec For(TypeRef t, string? literal, Func<string, string> field)
    {
        var bare = CSharpTypes.Bare(t);
        if (t is { Kind: TypeKind.Timestamp, Wire: WireFormat.UnixTime })
        {
            // Not the attribute's converter: JsonUnixTime is precompiled with the assembly, a JsonConverter<DateTimeOffset> is not.
            return new("JsonUnixTime.Read(ref reader)", v => $"JsonUnixTime.Write(writer, {v});", true);
        }

        if (Attribute(t) is { } converter)
        {
            var f = field(converter);
            return new($"{f}.Read(ref reader, typeof({bare}), options)", v => $"{f}.Write(writer, {v}, options);", t.IsValueType);
        }

        switch (t.Kind, t.Wire)
        {
            case (TypeKind.String, _) when literal is not null:
                // A fixed value such as an object's "object" name: the literal is reused, not allocated per read.
                return new($"JsonReading.StringOr(ref reader, {Words.Literal(literal)}u8, {Words.Literal(literal)})", v => $"writer.WriteStringValue({v});", false);
            case (TypeKind.String, _):
                return new("reader.GetString()", v => $"writer.WriteStringValue({v});", false);
            case (TypeKind.Boolean, _):
                return new("reader.GetBoolean()", v => $"writer.WriteBooleanValue({v});", true);
            case (TypeKind.Int64, WireFormat.Int64String):
                return new("JsonWireStrings.ReadInt64(ref reader)", v => $"JsonWireStrings.WriteInt64(writer, {v});", true);
            case (TypeKind.Int64, _):
                return new("reader.GetInt64()", v => $"writer.WriteNumberValue({v});", true);
            case (TypeKind.Decimal, WireFormat.DecimalString):
                return new("JsonWireStrings.ReadDecimal(ref reader)", v => $"JsonWireStrings.WriteDecimal(writer, {v});", true);
            case (TypeKind.Decimal, _):
                return new("reader.GetDecimal()", v => $"writer.WriteNumberValue({v});", true);
            case (TypeKind.Timestamp, WireFormat.DateTime):
                return new("reader.GetDateTimeOffset()", v => $"JsonWireStrings.WriteDateTime(writer, {v});", true);
            case (TypeKind.StripeObject, _):
                {
                    var f = field("StripeObjectJsonConverter");
                    return new($"{f}.Read(ref reader, typeof(StripeObject), options)", v => $"{f}.Write(writer, {v}, options);", false);
                }

            case (TypeKind.Enum, _):
                // Not a converter field: JsonEnums' generic methods are this assembly's own, so ReadyToRun precompiles
                // them over the enum structs, where a JsonConverter<T> instance went to the JIT on first use.
                return new($"JsonEnums.Read<{bare}>(ref reader)", v => $"JsonEnums.Write(writer, {v});", true);

            case (TypeKind.Record or TypeKind.Union, _):
                return new($"{bare}JsonConverter.Instance.Read(ref reader, typeof({bare}), options)", v => $"{bare}JsonConverter.Instance.Write(writer, {v}, options);", false);
        }

        // Lists, maps and pages are read by the hand-written loops of Json/JsonLists, JsonMaps and JsonPages (one
        // System.Text.Json entry point per list was most of the remaining read time); they are still written by
        // System.Text.Json's collection converters, with the item converters above.
        var info = $"JsonInfo<{bare}>.Get(options)";
        var read = CollectionRead(t, field) ?? $"JsonSerializer.Deserialize(ref reader, {info})";
        return new(read, v => $"JsonSerializer.Serialize(writer, {v}, {info});", t.IsValueType);
    }

    /// <summary>The read expression of a list, map or page the <c>Json/</c> helpers handle, or <see langword="null"/> for any other shape.</summary>
    private static string? CollectionRead(TypeRef t, Func<string, string> field)
    {
        switch (t.Kind)
        {
            case TypeKind.List when t.Item is { Kind: TypeKind.String, Wire: WireFormat.Default }:
                return "JsonLists.ReadStrings(ref reader)";
            case TypeKind.List when t.Item is { Kind: TypeKind.Int64, Wire: WireFormat.Default }:
                return "JsonLists.ReadLongs(ref reader)";
            case TypeKind.Map when t.Item is { Kind: TypeKind.String, Wire: WireFormat.Default }:
                return "JsonMaps.ReadStrings(ref reader)";
            case TypeKind.Map when t.Item is { Kind: TypeKind.List, Item: { Kind: TypeKind.String, Wire: WireFormat.Default } }:
                return "JsonMaps.ReadStringLists(ref reader)";
            case TypeKind.List when t.Item.Kind == TypeKind.Enum:
                return $"JsonLists.ReadEnums<{CSharpTypes.Bare(t.Item)}>(ref reader)";
            case TypeKind.List when ItemConverter(t.Item, field) is { } item:
                return $"JsonLists.ReadList(ref reader, {item}, options)";
            case TypeKind.Page when ItemConverter(t.Item, field) is { } item:
                return $"JsonPages.Read(ref reader, {item}, options)";
            default:
                return null;
        }
    }

    /// <summary>The converter instance that reads one list item, or <see langword="null"/>.</summary>
    private static string? ItemConverter(TypeRef t, Func<string, string> field) => t.Kind switch
    {
        TypeKind.Record or TypeKind.Union => $"{CSharpTypes.Bare(t)}JsonConverter.Instance",
        TypeKind.Enum => field($"StripeEnumJsonConverter<{CSharpTypes.Bare(t)}>"),
        TypeKind.StripeObject => field("StripeObjectJsonConverter"),
        _ => null,
    };
}
