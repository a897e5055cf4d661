using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>
/// Writes <c>StripeEventType</c> from the v1 event types of <c>connect.events.json</c>: an extensible enum like the others,
/// whose known values document the record each event's <c>data.object</c> is read into.
/// </summary>
internal sealed class EventTypeEmitter : IEmitter
{
    public const string TypeName = "StripeEventType";

    public IEnumerable<GeneratedFile> Emit(ApiModel model)
    {
        if (model.EventTypes.Count == 0)
        {
            yield break;
        }

        const string n = TypeName;
        var w = SourceFile.Start(model, "System.Text.Json.Serialization", "Stripe.Connect.Client.Json");
        w.Line("/// <summary>");
        w.Line("/// The kind of an event, such as <c>account.updated</c>. The Connect event types are known values; any other type");
        w.Line("/// Stripe sends (a type outside Connect or one added after this SDK version) is kept as its string, so compare with");
        w.Line("/// the static values or read <see cref=\"Value\"/>.");
        w.Line("/// </summary>");
        w.Line($"[JsonConverter(typeof(StripeEnumJsonConverter<{n}>))]");
        w.Open($"public readonly partial struct {n} : IStripeEnum<{n}>");
        w.Line("private readonly string? _value;");
        w.Line();
        w.Summary("Creates a value from its wire string; prefer the static known values.");
        w.Line("/// <param name=\"value\">The wire string, such as <c>account.updated</c>.</param>");
        w.Open($"public {n}(string value)");
        w.Line("ArgumentNullException.ThrowIfNull(value);");
        w.Line("_value = value;");
        w.Close();
        foreach (var e in model.EventTypes)
        {
            w.Line();
            w.Summary($"Wire value <c>{Words.Xml(e.Wire)}</c>. {e.Doc}");
            w.Line($"public static {n} {e.Member} {{ get; }} = new({Words.Literal(e.Wire)});");
        }

        w.Line();
        w.Summary("The wire string, such as <c>account.updated</c>; empty for a default value.");
        w.Line("public string Value => _value ?? string.Empty;");
        w.Line();
        w.Summary("<see langword=\"true\"/> when this SDK version lists the type among its known values.");
        w.Line("public bool IsKnown => TryFromKnown(Value, out _);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public static {n} FromWire(string value) => TryFromKnown(value, out var known) ? known : new {n}(value);");
        w.Line();
        EnumEmitter.WriteTryFromKnownUtf8(w, n, model.EventTypes.Select(e => (e.Member, e.Wire)));
        EnumEmitter.WriteOperators(w, n);
        w.Line();
        w.Open($"private static bool TryFromKnown(string value, out {n} known)");
        w.Line("known = value switch");
        w.Line("{");
        foreach (var e in model.EventTypes)
        {
            w.Line($"    {Words.Literal(e.Wire)} => {e.Member},");
        }

        w.Line("    _ => default,");
        w.Line("};");
        w.Line("return known._value is not null;");
        w.Close();
        w.Close();
        yield return new GeneratedFile(Layout.File(Layout.Events, n), w.ToString());
    }
}
