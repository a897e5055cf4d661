using System.Globalization;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>
/// Writes each enum as an extensible <c>readonly partial struct</c> implementing <c>IStripeEnum&lt;T&gt;</c>: one static
/// member per known wire value, the raw string for values this SDK does not know, and an allocation-free lookup from
/// UTF-8 bytes for the generated readers.
/// </summary>
internal sealed class EnumEmitter : IEmitter
{
    private static readonly HashSet<string> ReservedMembers = new(StringComparer.Ordinal)
    {
        "Value", "IsKnown", "FromWire", "TryFromKnownUtf8", "Equals", "GetHashCode", "ToString", "GetType",
    };

    public IEnumerable<GeneratedFile> Emit(ApiModel model) =>
        model.Enums.Values.Select(e => new GeneratedFile(Layout.File(Layout.Enums, e.Name), Write(model, e)));

    /// <summary>
    /// The C# member of each wire value: its PascalCase, with <c>Value</c> added where it would clash. The wildcard
    /// <c>*</c> (every event type, in <c>enabled_events</c>) is <c>All</c>, which says what it means.
    /// </summary>
    public static List<(string Member, string Wire)> Members(string typeName, IEnumerable<string> values)
    {
        var members = new List<(string, string)>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in values)
        {
            var m = v == "*" ? "All" : Words.Pascal(v);
            if (m.Length == 0)
            {
                m = "Value";
            }

            if (m == typeName || ReservedMembers.Contains(m))
            {
                m += "Value";
            }

            var candidate = m;
            for (var i = 2; !used.Add(candidate); i++)
            {
                candidate = m + i.ToString(CultureInfo.InvariantCulture);
            }

            members.Add((candidate, v));
        }

        return members;
    }

    private static string Write(ApiModel model, EnumModel e)
    {
        var w = SourceFile.Start(model, "System.Text.Json.Serialization", "Stripe.Connect.Client.Json");
        var n = e.Name;
        SourceFile.TypeDoc(w, e.Summary, e.DocUrl);
        w.Line($"[JsonConverter(typeof(StripeEnumJsonConverter<{n}>))]");
        w.Open($"public readonly partial struct {n} : IStripeEnum<{n}>");
        w.Line("private readonly string? _value;");
        w.Line();
        w.Summary("Creates a value from its wire string; prefer the static known values.");
        w.Line("/// <param name=\"value\">The wire string.</param>");
        w.Open($"public {n}(string value)");
        w.Line("ArgumentNullException.ThrowIfNull(value);");
        w.Line("_value = value;");
        w.Close();
        var members = Members(n, e.Values);
        foreach (var (m, v) in members)
        {
            w.Line();
            w.Summary($"The wire value <c>{Words.Xml(v)}</c>.");
            w.Line($"public static {n} {m} {{ get; }} = new({Words.Literal(v)});");
        }

        w.Line();
        w.Summary("The wire string, such as <c>" + Words.Xml(e.Values.Min ?? string.Empty) + "</c>.");
        w.Line("public string Value => _value ?? string.Empty;");
        w.Line();
        w.Summary("<see langword=\"true\"/> when this SDK version knows the value.");
        w.Line($"public bool IsKnown => Value is {string.Join(" or ", members.Select(m => Words.Literal(m.Wire)))};");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public static {n} FromWire(string value) => value switch");
        w.Line("{");
        foreach (var (m, v) in members)
        {
            w.Line($"    {Words.Literal(v)} => {m},");
        }

        w.Line($"    _ => new {n}(value),");
        w.Line("};");
        w.Line();
        WriteTryFromKnownUtf8(w, n, members);
        WriteOperators(w, n);
        w.Close();
        return w.ToString();
    }

    /// <summary><c>TryFromKnownUtf8</c>: the known value whose wire string the bytes spell, matched by <see cref="Utf8Switch"/>.</summary>
    public static void WriteTryFromKnownUtf8(CodeWriter w, string n, IEnumerable<(string Member, string Wire)> members)
    {
        w.Line("/// <inheritdoc />");
        w.Open($"public static bool TryFromKnownUtf8(ReadOnlySpan<byte> utf8, out {n} value)");
        Utf8Switch.Write(w, "utf8", members.Select(m => (m.Wire, (Action<CodeWriter>)(body =>
        {
            body.Line($"value = {m.Member};");
            body.Line("return true;");
        }))));
        w.Line();
        w.Line("value = default;");
        w.Line("return false;");
        w.Close();
    }

    /// <summary>The conversion from a string, equality by wire string, and <c>ToString()</c>.</summary>
    public static void WriteOperators(CodeWriter w, string n)
    {
        w.Line();
        w.Summary("Converts a wire string.");
        w.Line("/// <param name=\"value\">The wire string.</param>");
        w.Line($"public static implicit operator {n}(string value) => FromWire(value);");
        w.Line();
        w.Summary("Compares two values by their wire strings.");
        w.Line("/// <param name=\"left\">The first value.</param>");
        w.Line("/// <param name=\"right\">The second value.</param>");
        w.Line("/// <returns><see langword=\"true\"/> when equal.</returns>");
        w.Line($"public static bool operator ==({n} left, {n} right) => left.Equals(right);");
        w.Line();
        w.Summary("Compares two values by their wire strings.");
        w.Line("/// <param name=\"left\">The first value.</param>");
        w.Line("/// <param name=\"right\">The second value.</param>");
        w.Line("/// <returns><see langword=\"true\"/> when different.</returns>");
        w.Line($"public static bool operator !=({n} left, {n} right) => !left.Equals(right);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public bool Equals({n} other) => string.Equals(Value, other.Value, StringComparison.Ordinal);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public override bool Equals(object? obj) => obj is {n} other && Equals(other);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public override string ToString() => Value;");
    }
}
