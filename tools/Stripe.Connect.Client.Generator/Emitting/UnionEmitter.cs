using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>Writes each union as an <c>abstract partial record</c> holding the members all its variants share.</summary>
internal sealed class UnionEmitter : IEmitter
{
    public IEnumerable<GeneratedFile> Emit(ApiModel model)
    {
        foreach (var u in model.Unions.Values)
        {
            yield return new GeneratedFile(Layout.File(Layout.Models, u.Name), Write(model, u));
            if (u.HasFallback)
            {
                yield return new GeneratedFile(Layout.File(Layout.Models, u.FallbackName), WriteFallback(model, u));
            }
        }
    }

    private static string Write(ApiModel model, UnionModel u)
    {
        var usings = new List<string> { "System.Text.Json.Serialization" };
        if (CSharpTypes.UsesJsonElement(u.BaseProps.Select(p => p.Type)))
        {
            usings.Add("System.Text.Json");
        }

        if (u.BaseProps.Exists(p => MemberCodecs.Attribute(p.Type) is not null))
        {
            usings.Add("Stripe.Connect.Client.Json");
        }

        var w = SourceFile.Start(model, usings);
        var variants = string.Join(", ", u.Variants.Select(v => $"<see cref=\"{v.Record}\"/>"));
        var fallback = u.HasFallback ? u.FallbackName : u.Variants[0].Record;
        var others = u.HasFallback ? "any other <c>object</c> value" : "an unknown <c>object</c> value";
        SourceFile.TypeDoc(w, $"{u.Summary} Known kinds: {variants}; {others} is read as <see cref=\"{fallback}\"/>.", u.DocUrl);
        w.Line($"[JsonConverter(typeof({u.Name}JsonConverter))]");
        w.Open($"public abstract partial record {u.Name} : StripeEntity" + (u.HasId ? ", IHasId" : string.Empty));
        var first = true;
        foreach (var p in u.BaseProps)
        {
            if (!first)
            {
                w.Line();
            }

            first = false;
            RecordEmitter.WriteMember(w, p);
        }

        w.Close();
        return w.ToString();
    }

    /// <summary>
    /// The generic variant of an inline union: any kind the SDK has no record for, with its id, object name and the
    /// whole JSON (as <c>StripeObject</c> keeps them), compared by JSON and printed without it.
    /// </summary>
    private static string WriteFallback(ApiModel model, UnionModel u)
    {
        var w = SourceFile.Start(model, "System.Text.Json");
        SourceFile.TypeDoc(w, $"A <see cref=\"{u.Name}\"/> of a kind this SDK has no typed record for (a charge, a refund, a kind added later): its <see cref=\"{u.Name}.Id\"/>, <see cref=\"{u.Name}.Object\"/> name and whole <see cref=\"Json\"/> stay readable.", u.DocUrl);
        w.Open($"public sealed partial record {u.FallbackName} : {u.Name}");
        w.Summary("Creates the object from its JSON.");
        w.Line("/// <param name=\"json\">A JSON object; it is cloned, so the caller may dispose its document.</param>");
        w.Line("/// <exception cref=\"ArgumentException\"><paramref name=\"json\"/> is not a JSON object.</exception>");
        w.Open($"public {u.FallbackName}(JsonElement json)");
        w.Open("if (json.ValueKind != JsonValueKind.Object)");
        w.Line("throw new ArgumentException(\"A Stripe object must be a JSON object.\", nameof(json));");
        w.Close();
        w.Line();
        w.Line("Json = json.Clone();");
        w.Line("Id = json.TryGetProperty(\"id\", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : string.Empty;");
        w.Line("Object = json.TryGetProperty(\"object\", out var obj) && obj.ValueKind == JsonValueKind.String ? obj.GetString()! : string.Empty;");
        w.Close();
        w.Line();
        w.Summary("The whole object as the API sent it.");
        w.Line("public JsonElement Json { get; }");
        w.Line();
        w.Summary("The same object as a generic <see cref=\"StripeObject\"/>.");
        w.Line("/// <returns>A <see cref=\"StripeObject\"/> over the same JSON.</returns>");
        w.Line("public StripeObject ToStripeObject() => new(Json);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line($"public bool Equals({u.FallbackName}? other) =>");
        w.Line("    other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal) && string.Equals(Object, other.Object, StringComparison.Ordinal)");
        w.Line("    && string.Equals(Json.GetRawText(), other.Json.GetRawText(), StringComparison.Ordinal);");
        w.Line();
        w.Line("/// <inheritdoc />");
        w.Line("public override int GetHashCode() => HashCode.Combine(Id, Object);");
        w.Line();
        w.Summary("The object name and id only: the raw JSON may hold anything, so it is never printed.");
        w.Line("/// <returns>A short description.</returns>");
        w.Line("public override string ToString() => $\"{Object} {Id}\";");
        w.Close();
        return w.ToString();
    }
}
