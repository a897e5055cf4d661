using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>
/// Writes <c>EventObjectTypes</c>, the table from an event's <c>data.object</c> type name (and its deleted form) to the
/// source-generated metadata of the record it is read into; a type not listed is read as <c>StripeObject</c>.
/// </summary>
internal sealed class EventObjectTableEmitter : IEmitter
{
    public IEnumerable<GeneratedFile> Emit(ApiModel model)
    {
        var w = SourceFile.Start(model, "System.Text.Json.Serialization.Metadata");
        w.Line("/// <summary>");
        w.Line("/// Maps the <c>object</c> name of an event's <c>data.object</c> to the source-generated metadata of this SDK's record");
        w.Line("/// for it. A type that is not listed is read as a <see cref=\"StripeObject\"/>.");
        w.Line("/// </summary>");
        w.Open("internal static class EventObjectTypes");
        w.Summary("Returns the metadata for an object type, or <see langword=\"null\"/> when the SDK has no record for it.");
        w.Line("/// <param name=\"objectType\">The value of the object's <c>object</c> field, such as <c>bank_account</c>.</param>");
        w.Line("/// <param name=\"deleted\"><see langword=\"true\"/> when the object carries <c>\"deleted\": true</c>.</param>");
        w.Line("/// <returns>The metadata to read the object with.</returns>");
        w.Open("public static JsonTypeInfo? Find(string objectType, bool deleted)");
        w.Line("var context = ConnectJsonContext.Default;");
        w.Open("if (deleted)");
        w.Line("// A deleted object is only an id, the object name and \"deleted\": true; types without a deleted record are read");
        w.Line("// as StripeObject (not as the full record, whose other fields are absent).");
        Switch(w, model.DeletedEventObjects);
        w.Close();
        w.Line();
        Switch(w, model.EventObjects);
        w.Close();
        w.Close();
        yield return new GeneratedFile(Layout.File(Layout.Events, "EventObjectTypes"), w.ToString());
    }

    private static void Switch(CodeWriter w, SortedDictionary<string, string> table)
    {
        w.Line("return objectType switch");
        w.Line("{");
        foreach (var (objectName, record) in table)
        {
            w.Line($"    {Words.Literal(objectName)} => context.{record},");
        }

        w.Line("    _ => null,");
        w.Line("};");
    }
}
