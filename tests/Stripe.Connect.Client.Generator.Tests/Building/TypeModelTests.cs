using System.Text.Json;
using Stripe.Connect.Client.Generator.Building;
using Stripe.Connect.Client.Generator.Emitting;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Tests.Building;

/// <summary>The typed type model, the scalar mapping table and the only place types become C# text.</summary>
public class TypeModelTests
{
    [Test]
    public void Type_references_compare_by_kind_name_arguments_nullability_and_wire_format()
    {
        var list = TypeRef.ListOf(TypeRef.Named(TypeKind.Record, "widget"));
        Assert.Multiple(() =>
        {
            Assert.That(list, Is.EqualTo(TypeRef.ListOf(TypeRef.Named(TypeKind.Record, "widget"))));
            Assert.That(list, Is.Not.EqualTo(TypeRef.ListOf(TypeRef.Named(TypeKind.Record, "gadget"))));
            Assert.That(list.AsNullable(), Is.Not.EqualTo(list));
            Assert.That(TypeRef.UnixTime, Is.Not.EqualTo(TypeRef.Scalar(TypeKind.Timestamp, WireFormat.DateTime)));
            Assert.That(list.Item.Name, Is.EqualTo("widget"));
            Assert.That(() => TypeRef.String.Item, Throws.InvalidOperationException);
        });
    }

    [Test]
    public void Renaming_reaches_every_type_argument_and_keeps_the_rest()
    {
        var t = TypeRef.EmptyableOf(TypeRef.ListOf(TypeRef.Named(TypeKind.Input, "key.a"))).AsNullable();
        var renamed = t.Rename(r => r.Name == "key.a" ? "AInput" : null);
        Assert.Multiple(() =>
        {
            Assert.That(CSharpTypes.Print(renamed), Is.EqualTo("Emptyable<IReadOnlyList<AInput>>?"));
            Assert.That(renamed.IsNullable, Is.True);
            Assert.That(t.Rename(_ => null), Is.SameAs(t), "nothing to rename: the same instance");
        });
    }

    [Test]
    public void Value_types_print_with_nullable_and_metadata_is_one_reference_type_whether_clearable_or_not()
    {
        Assert.Multiple(() =>
        {
            Assert.That(CSharpTypes.Print(TypeRef.Int64.AsNullable()), Is.EqualTo("long?"));
            Assert.That(CSharpTypes.Print(TypeRef.MapOf(TypeRef.ListOf(TypeRef.String))), Is.EqualTo("IReadOnlyDictionary<string, IReadOnlyList<string>>"));
            Assert.That(CSharpTypes.Print(TypeRef.PageOf(TypeRef.Named(TypeKind.Record, "Account"))), Is.EqualTo("StripeList<Account>"));
            Assert.That(CSharpTypes.ContextProperty(TypeRef.PageOf(TypeRef.Named(TypeKind.Record, "Account"))), Is.EqualTo("StripeListAccount"));
            Assert.That(CSharpTypes.Print(TypeRef.EmptyableOf(TypeRef.Metadata).AsNullable()), Is.EqualTo(CSharpTypes.Print(TypeRef.Metadata.AsNullable())));
            Assert.That(TypeRef.EmptyableOf(TypeRef.Metadata).IsValueType, Is.False);
            Assert.That(TypeRef.EmptyableOf(TypeRef.String).IsValueType, Is.True);
        });
    }

    [TestCase("""{"type":"string"}""", "String", "Default")]
    [TestCase("""{"type":"string","format":"date-time"}""", "Timestamp", "DateTime")]
    [TestCase("""{"type":"string","format":"decimal"}""", "Decimal", "DecimalString")]
    [TestCase("""{"type":"string","format":"int64"}""", "Int64", "Int64String")]
    [TestCase("""{"type":"integer","format":"unix-time"}""", "Timestamp", "UnixTime")]
    [TestCase("""{"type":"integer"}""", "Int64", "Default")]
    [TestCase("""{"type":"number"}""", "Decimal", "Default")]
    [TestCase("""{"type":"boolean"}""", "Boolean", "Default")]
    public void Scalars_map_through_one_table(string schema, string kind, string wire)
    {
        var report = new GenerationReport();
        using var doc = JsonDocument.Parse(schema);
        var t = ScalarMappings.Map(doc.RootElement, "here", report)!;
        Assert.Multiple(() =>
        {
            Assert.That(t.Kind.ToString(), Is.EqualTo(kind));
            Assert.That(t.Wire.ToString(), Is.EqualTo(wire));
            Assert.That(report.Skipped, Is.Empty);
        });
    }

    [Test]
    public void An_unknown_format_reads_as_its_base_type_and_is_reported_not_fatal()
    {
        var report = new GenerationReport();
        using var doc = JsonDocument.Parse("""{"type":"string","format":"binary"}""");
        Assert.That(ScalarMappings.Map(doc.RootElement, "files.file", report), Is.EqualTo(TypeRef.String));
        report.Skip("format 'binary' of a string: read as String", "other.place");
        Assert.That(report.Skipped.Single(), Is.EqualTo("format 'binary' of a string: read as String (2 places, first files.file)"));
        using var object_ = JsonDocument.Parse("""{"type":"object"}""");
        Assert.That(ScalarMappings.Map(object_.RootElement, "x", report), Is.Null, "not a scalar");
    }
}
