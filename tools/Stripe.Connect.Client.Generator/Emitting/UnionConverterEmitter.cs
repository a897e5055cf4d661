using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>
/// Writes each union's converter: it reads the variant the <c>object</c> field names, wherever that field stands, and
/// an unknown or missing value as the first variant, so a new kind never fails a response.
/// </summary>
internal sealed class UnionConverterEmitter : IEmitter
{
    public IEnumerable<GeneratedFile> Emit(ApiModel model) =>
        model.Unions.Values.Select(u => new GeneratedFile(Layout.File(Layout.Serialization, u.Name + "JsonConverter"), Write(model, u)));

    private static string Write(ApiModel model, UnionModel u)
    {
        var w = SourceFile.Start(model, "System.Text.Json", "System.Text.Json.Serialization", "Stripe.Connect.Client.Json");
        var fallback = u.HasFallback ? u.FallbackName : u.Variants[0].Record;
        w.Line("/// <summary>");
        w.Line($"/// Reads a <see cref=\"{u.Name}\"/> as the variant its <c>object</c> field names, wherever that field stands;");
        w.Line($"/// an unknown or missing value is read as <see cref=\"{fallback}\"/> so that a new kind never fails a response.");
        w.Line("/// Writes the concrete variant.");
        w.Line("/// </summary>");
        w.Open($"internal sealed class {u.Name}JsonConverter : JsonConverter<{u.Name}>");
        w.Summary("The instance the generated readers call directly.");
        w.Line($"internal static readonly {u.Name}JsonConverter Instance = new();");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Open($"public override {u.Name}? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)");
        w.Line("ArgumentNullException.ThrowIfNull(options);");
        w.Open("if (reader.TokenType == JsonTokenType.Null)");
        w.Line("return null;");
        w.Close();
        w.Line();
        w.Open("return JsonObjectType.Peek(reader) switch");
        foreach (var (value, cls) in u.Variants.Skip(u.HasFallback ? 0 : 1))
        {
            w.Line($"{Words.Literal(value)} => {cls}JsonConverter.Instance.Read(ref reader, typeof({cls}), options),");
        }

        w.Line(u.HasFallback ? "_ => ReadOther(ref reader)," : $"_ => {fallback}JsonConverter.Instance.Read(ref reader, typeof({fallback}), options),");
        w.Close(";");
        w.Close();
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Open($"public override void Write(Utf8JsonWriter writer, {u.Name} value, JsonSerializerOptions options)");
        w.Line("ArgumentNullException.ThrowIfNull(writer);");
        w.Line("ArgumentNullException.ThrowIfNull(options);");
        w.Open("switch (value)");
        foreach (var (_, cls) in u.Variants)
        {
            w.Line($"case {cls} v:");
            w.Line($"    {cls}JsonConverter.Instance.Write(writer, v, options);");
            w.Line("    break;");
        }

        if (u.HasFallback)
        {
            w.Line($"case {fallback} v:");
            w.Line("    v.Json.WriteTo(writer);");
            w.Line("    break;");
        }

        w.Line("default:");
        w.Line($"    throw new JsonException($\"Cannot write {{value?.GetType().Name ?? \"null\"}} as {u.Name}.\");");
        w.Close();
        w.Close();
        if (u.HasFallback)
        {
            w.Line();
            w.Open($"private static {fallback} ReadOther(ref Utf8JsonReader reader)");
            w.Line("// The fallback's constructor throws ArgumentException for a non-object; a malformed body must raise JsonException.");
            w.Open("if (reader.TokenType != JsonTokenType.StartObject)");
            w.Line($"throw new JsonException($\"Expected a JSON object for {u.Name}, found {{reader.TokenType}}.\");");
            w.Close();
            w.Line();
            w.Line("using var document = JsonDocument.ParseValue(ref reader);");
            w.Line($"return new {fallback}(document.RootElement);");
            w.Close();
        }

        w.Close();
        return w.ToString();
    }
}
