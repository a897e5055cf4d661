using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>
/// Writes <c>ConnectJsonContext</c>, the internal source-generated JSON metadata of every response type: the records
/// (read by their generated converters), every member type (lists, maps and pages are written through it) and the
/// pages the services return.
/// </summary>
internal sealed class JsonContextEmitter : IEmitter
{
    public IEnumerable<GeneratedFile> Emit(ApiModel model)
    {
        var types = new SortedSet<string>(StringComparer.Ordinal) { "StripeObject" };
        types.UnionWith(model.Records.Keys);
        types.UnionWith(model.Unions.Keys);
        foreach (var p in model.Records.Values.SelectMany(r => r.Props).Concat(model.Unions.Values.SelectMany(u => u.BaseProps)))
        {
            // Value types keep their nullability (DateTimeOffset? is its own metadata); reference types do not.
            types.Add(p.Type.IsValueType ? CSharpTypes.Print(p.Type) : CSharpTypes.Bare(p.Type));
        }

        foreach (var m in model.Services.SelectMany(s => s.Methods))
        {
            types.Add(CSharpTypes.Bare(m.Result));
        }

        var members = model.Records.Values.SelectMany(r => r.Props).Concat(model.Unions.Values.SelectMany(u => u.BaseProps)).Select(p => p.Type);
        var w = SourceFile.Start(model, CSharpTypes.UsesJsonElement(members) ? ["System.Text.Json", "System.Text.Json.Serialization"] : ["System.Text.Json.Serialization"]);
        w.Summary("Source-generated JSON metadata for every API object of the SDK: no reflection, safe for trimming and Native AOT.");
        // Metadata only: the records read and write through their own generated converters, and the serializer's
        // fast-path writers would add static property names (JsonEncodedText) that the context's first use encodes,
        // loading System.Text.Encodings.Web into every fresh process that makes one call (docs/benchmarks.md).
        w.Line("[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, GenerationMode = JsonSourceGenerationMode.Metadata)]");
        foreach (var t in types)
        {
            w.Line($"[JsonSerializable(typeof({t}))]");
        }

        w.Line($"internal sealed partial class {model.JsonContext} : JsonSerializerContext");
        w.Line("{");
        w.Line("}");
        yield return new GeneratedFile(Layout.File(Layout.Serialization, model.JsonContext), w.ToString());
    }
}
