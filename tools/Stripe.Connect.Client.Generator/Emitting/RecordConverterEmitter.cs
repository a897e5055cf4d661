using System.Globalization;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>
/// Writes each response record's <c>JsonConverter</c>: <c>Read</c> walks the object with <c>Utf8JsonReader</c>, matching
/// member names on their UTF-8 bytes (by length, then a telling byte, then bytes: <see cref="Utf8Switch"/>), reads
/// nested records through their own converters and skips unknown members; <c>Write</c> writes every non-null member
/// under its wire name, in declaration order.
/// </summary>
internal sealed class RecordConverterEmitter : IEmitter
{
    public IEnumerable<GeneratedFile> Emit(ApiModel model) =>
        model.Records.Values.Select(r => new GeneratedFile(Layout.File(Layout.Serialization, r.Name + "JsonConverter"), Write(model, r)));

    private static string Write(ApiModel model, RecordModel r)
    {
        var fields = new SortedDictionary<string, string>(StringComparer.Ordinal);
        string Field(string converter)
        {
            if (!fields.TryGetValue(converter, out var name))
            {
                name = "Converter" + fields.Count.ToString(CultureInfo.InvariantCulture);
                fields[converter] = name;
            }

            return name;
        }

        var codecs = r.Props.ConvertAll(p => (Prop: p, Codec: MemberCodecs.For(p.Type, p.Default.Kind == DefaultKind.Literal ? p.Default.Literal : null, Field)));
        var w = SourceFile.Start(model, "System.Text.Json", "System.Text.Json.Serialization", "Stripe.Connect.Client.Json");
        w.Line("/// <summary>");
        w.Line($"/// Reads and writes a <see cref=\"{r.Name}\"/> directly with <see cref=\"Utf8JsonReader\"/> and <see cref=\"Utf8JsonWriter\"/>:");
        w.Line("/// members are matched on their UTF-8 names (by length, then bytes), nested records are read by their own");
        w.Line("/// converters, unknown members are skipped and <c>null</c> members are not written.");
        w.Line("/// </summary>");
        var obsolete = r.Props.Exists(p => p.Obsolete is not null);
        if (obsolete)
        {
            w.Line("#pragma warning disable CS0618 // Deprecated members are still read and written.");
        }

        w.Open($"internal sealed class {r.Name}JsonConverter : JsonConverter<{r.Name}>");
        w.Summary("The instance the generated readers call directly.");
        w.Line($"internal static readonly {r.Name}JsonConverter Instance = new();");
        foreach (var (conv, name) in fields.OrderBy(f => f.Value, StringComparer.Ordinal))
        {
            w.Line($"private static readonly {conv} {name} = new();");
        }

        w.Line();
        WriteRead(w, r, codecs);
        w.Line();
        WriteWrite(w, r, codecs);
        w.Close();
        if (obsolete)
        {
            w.Line("#pragma warning restore CS0618");
        }

        return w.ToString();
    }

    private static void WriteRead(CodeWriter w, RecordModel r, List<(PropertyModel Prop, MemberCodec Codec)> codecs)
    {
        w.Line("/// <inheritdoc />");
        w.Open($"public override {r.Name}? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)");
        w.Open("if (reader.TokenType == JsonTokenType.Null)");
        w.Line("return null;");
        w.Close();
        w.Line();
        w.Line($"JsonReading.ExpectObject(ref reader, \"{r.Name}\");");
        var deferred = RecordEmitter.DeferredDefaults(r);
        w.Line(deferred.Count > 0 ? $"var value = new {r.Name}(default(WithoutDefaults));" : $"var value = new {r.Name}();");
        w.Open("while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)");
        w.Line("var name = JsonReading.Name(ref reader);");
        w.Line("reader.Read();");
        if (codecs.Count == 0)
        {
            w.Line("JsonReading.Skip(ref reader);");
            w.Close();
        }
        else
        {
            Utf8Switch.Write(w, "name", codecs.Select(c => (c.Prop.Wire, (Action<CodeWriter>)(body =>
            {
                body.Line(Assignment(c.Prop, c.Codec));
                body.Line("continue;");
            }))));
            w.Line();
            w.Line("JsonReading.Skip(ref reader);");
            w.Close();
        }

        w.Line();
        w.Line("JsonReading.ExpectEndObject(ref reader);");
        if (deferred.Count > 0)
        {
            w.Line("// Members the JSON lacked get the default the public constructor gives them.");
            foreach (var p in deferred)
            {
                w.Line($"value.{p.Name} ??= {RecordEmitter.DefaultExpression(p.Default, p.Type)};");
            }
        }

        w.Line("return value;");
        w.Close();
    }

    private static string Assignment(PropertyModel p, MemberCodec c)
    {
        if (p.Type.IsNullable && c.IsValueType)
        {
            return $"value.{p.Name} = reader.TokenType == JsonTokenType.Null ? null : ({CSharpTypes.Print(p.Type)}){c.Read};";
        }

        if (p.Type.IsNullable)
        {
            return $"value.{p.Name} = reader.TokenType == JsonTokenType.Null ? null : {c.Read};";
        }

        // The setter turns null back into the member's default.
        return c.IsValueType ? $"value.{p.Name} = {c.Read};" : $"value.{p.Name} = reader.TokenType == JsonTokenType.Null ? null! : {c.Read}!;";
    }

    private static void WriteWrite(CodeWriter w, RecordModel r, List<(PropertyModel Prop, MemberCodec Codec)> codecs)
    {
        w.Line("/// <inheritdoc />");
        w.Open($"public override void Write(Utf8JsonWriter writer, {r.Name} value, JsonSerializerOptions options)");
        w.Line("ArgumentNullException.ThrowIfNull(writer);");
        w.Line("ArgumentNullException.ThrowIfNull(value);");
        w.Line("writer.WriteStartObject();");
        var i = 0;
        foreach (var (p, c) in codecs)
        {
            var name = $"writer.WritePropertyName({Words.Literal(p.Wire)}u8);";
            if (c.IsValueType && !p.Type.IsNullable)
            {
                w.Line(name);
                w.Line(c.Write($"value.{p.Name}"));
            }
            else
            {
                var v = "v" + (i++).ToString(CultureInfo.InvariantCulture);
                w.Open($"if (value.{p.Name} is {{ }} {v})");
                w.Line(name);
                w.Line(c.Write(v));
                w.Close();
            }
        }

        w.Line("writer.WriteEndObject();");
        w.Close();
    }
}
