using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Docs;

/// <summary>
/// The rules for the common kinds of members, in the team's own words: money amounts, currency and country codes,
/// timestamps, ids and their prefixes, enums and their values, expandable references, and what <see langword="null"/>
/// means. Each rule returns a sentence or <see langword="null"/>; <see cref="DocWriter"/> puts them together after the
/// member's main sentence (from the overlay, or a rule here).
/// </summary>
internal static class DocRules
{
    public const string Null = "<see langword=\"null\"/>";
    public const string True = "<see langword=\"true\"/>";
    public const string False = "<see langword=\"false\"/>";

    private const int MaxListedValues = 8;

    public static string Code(string text) => "<c>" + Words.Xml(text) + "</c>";

    public static string Cref(string name) => $"<see cref=\"{name}\"/>";

    public static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    public static bool IsAmount(string wire, TypeRef t) =>
        t.AsNonNullable().Kind == TypeKind.Int64 && (wire == "amount" || wire.StartsWith("amount_", StringComparison.Ordinal) || wire.EndsWith("_amount", StringComparison.Ordinal));

    public static bool IsCurrency(string wire, TypeRef t) =>
        t.AsNonNullable().Kind is TypeKind.String or TypeKind.Enum && (wire == "currency" || wire.EndsWith("_currency", StringComparison.Ordinal));

    public static bool IsCountry(string wire, TypeRef t) =>
        t.AsNonNullable().Kind == TypeKind.String && (wire == "country" || wire.EndsWith("_country", StringComparison.Ordinal));

    /// <summary>The main sentence for the members whose meaning the name and kind already settle, or <see langword="null"/>.</summary>
    public static string? MainSentence(string wire, TypeRef t, string ownerHuman, string? objectValue, string? idPrefix, bool isResource, bool isRequest)
    {
        var human = Words.Human(wire);
        return wire switch
        {
            "id" when isResource => $"Unique identifier of the {ownerHuman}" + (idPrefix is null ? "." : $", starting with {Code(idPrefix)}."),
            "object" => objectValue is null ? "Names the kind of object." : $"Names the kind of object: always {Code(objectValue)}.",
            "livemode" => $"{True} for an object of live mode, {False} for one of test mode.",
            "deleted" => $"Always {True}: the object no longer exists.",
            "created" when t.AsNonNullable().Kind == TypeKind.Timestamp => $"When the {ownerHuman} was created.",
            "created" when isRequest => "Only objects created in this time range, or at exactly this time.",
            "metadata" when isRequest => "Key-value pairs of your own to store on the object, such as your ids for it; Stripe only keeps and returns them.",
            "metadata" => "Key-value pairs your platform stored on the object; empty when there are none.",
            "expand" => $"Related objects to return whole instead of as ids, by path (such as {Code("data.destination")} on a list).",
            "limit" => "How many objects one page holds, from 1 to 100 (10 when not set).",
            "starting_after" => "A cursor for the next page: the id of the last object of the page before.",
            "ending_before" => "A cursor for the previous page: the id of the first object of the page after.",
            _ when t.AsNonNullable().Kind == TypeKind.Page => $"The first page of its {human}; when <see cref=\"StripeList{{T}}.HasMore\"/> is {True}, list the rest with their service.",
            _ when IsCurrency(wire, t) => $"{Capitalize(human)}: a three-letter ISO 4217 currency code in lower case, such as {Code("usd")} or {Code("eur")}.",
            _ when IsCountry(wire, t) => $"{Capitalize(human)}: a two-letter ISO 3166-1 alpha-2 country code, such as {Code("US")} or {Code("DE")}.",
            _ when IsAmount(wire, t) => $"{Capitalize(human)}, in the smallest unit of the currency (cents for {Code("usd")}: {Code("1000")} is 10.00 USD; a zero-decimal currency such as {Code("jpy")} has no smaller unit).",
            _ => null,
        };
    }

    /// <summary>The fallback main sentence when neither the overlay nor <see cref="MainSentence"/> has one (it says little; the docs test lists it).</summary>
    public static string Fallback(string wire, TypeRef t) => t.AsNonNullable().Kind == TypeKind.Boolean ? $"Whether {Words.Human(wire)}." : $"The {Words.Human(wire)}.";

    /// <summary>How the value is spelled on the wire, when the C# type does not say it.</summary>
    public static string? Format(TypeRef t)
    {
        var inner = Unwrap(t);
        return (inner.Kind, inner.Wire) switch
        {
            (TypeKind.Timestamp, WireFormat.UnixTime) => "On the wire a Unix time: whole seconds since 1970-01-01 UTC.",
            (TypeKind.Timestamp, WireFormat.DateTime) => "On the wire an RFC 3339 timestamp.",
            (TypeKind.Decimal, WireFormat.DecimalString) => "On the wire a decimal string, so no precision is lost.",
            (TypeKind.Int64, WireFormat.Int64String) => "On the wire a string of digits, so 64-bit values survive JSON readers that use doubles.",
            _ => null,
        };
    }

    /// <summary>The known values of an enum member (or of a list of them), with the type that holds them.</summary>
    public static string? Values(TypeRef t, ApiModel model)
    {
        var inner = Unwrap(t);
        if (inner.Kind != TypeKind.Enum || !model.Enums.TryGetValue(inner.Name!, out var e))
        {
            return null;
        }

        var values = e.Values.Take(MaxListedValues).Select(Code).ToList();
        var list = e.Values.Count > MaxListedValues ? $"one of {e.Values.Count} values such as {string.Join(", ", values)}" : "one of " + JoinOr(values);
        return $"Known values: {list} ({Cref(e.Name)}); a value added later is kept as its string.";
    }

    /// <summary>What an expandable reference holds before and after expansion.</summary>
    public static string? Expansion(string wire, TypeRef t, string? targetPrefix)
    {
        var inner = t.AsNonNullable().Kind == TypeKind.List ? t.AsNonNullable().Item : t.AsNonNullable();
        if (inner.Kind != TypeKind.Expandable)
        {
            return null;
        }

        var target = inner.Item.Kind == TypeKind.StripeObject ? "a generic <see cref=\"StripeObject\"/>" : Cref(inner.Item.Name!);
        var id = targetPrefix is null ? "the id" : $"the id ({Code(targetPrefix + "...")})";
        return $"Holds {id}; when the request expands {Code(wire)}, {Cref("Expandable{T}.Value")} is the whole object, {target}.";
    }

    /// <summary>What <see langword="null"/> means on a response member.</summary>
    public static string? ResponseNull(PropertyModel p)
    {
        if (!p.Type.IsNullable)
        {
            return null;
        }

        return p.Facts.NullableInDocument ? $"{Null} when it has no value." : $"{Null} when the response leaves it out.";
    }

    public static string JoinOr(IReadOnlyList<string> items) => Join(items, "or");

    public static string JoinAnd(IReadOnlyList<string> items) => Join(items, "and");

    private static string Join(IReadOnlyList<string> items, string conjunction) => items.Count switch
    {
        0 => string.Empty,
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + $" {conjunction} " + items[^1],
    };

    private static TypeRef Unwrap(TypeRef t)
    {
        t = t.AsNonNullable();
        while (t.Kind is TypeKind.List or TypeKind.Emptyable)
        {
            t = t.Item.AsNonNullable();
        }

        return t;
    }
}
