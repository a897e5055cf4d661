using System.Text.Json;
using Stripe.Connect.Client.Generator.Document;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Building;

/// <summary>
/// The one table that turns an OpenAPI scalar (<c>type</c> plus <c>format</c>) into a <see cref="TypeRef"/>, for
/// responses and requests alike. A new mapping is one row here plus, in the emitters, how that kind is read and written
/// (<c>Emitting/MemberCodecs.cs</c> for JSON, <c>Emitting/FormFields.cs</c> for forms); see the generator's README.
/// </summary>
internal static class ScalarMappings
{
    /// <summary>(type, format) → type; a <see langword="null"/> format is the row for "no format or an unknown one".</summary>
    private static readonly (string Type, string? Format, TypeRef Ref)[] Rows =
    [
        ("string", "date-time", TypeRef.Scalar(TypeKind.Timestamp, WireFormat.DateTime)),
        ("string", "decimal", TypeRef.Scalar(TypeKind.Decimal, WireFormat.DecimalString)),
        ("string", "int64", TypeRef.Scalar(TypeKind.Int64, WireFormat.Int64String)),
        ("string", null, TypeRef.String),
        ("integer", "unix-time", TypeRef.UnixTime),
        ("integer", null, TypeRef.Int64),
        ("number", null, TypeRef.Decimal),
        ("boolean", null, TypeRef.Boolean),
    ];

    /// <summary>Formats that are known to need nothing beyond the base type (not reported as skipped).</summary>
    private static readonly HashSet<string> PlainFormats = new(StringComparer.Ordinal) { "uri", "email", "int32", "double", "float" };

    /// <summary>The type of a scalar schema, or <see langword="null"/> when it is not a scalar; unknown formats are reported.</summary>
    /// <param name="schema">A schema with <c>type</c> string, integer, number or boolean.</param>
    /// <param name="where">The place, for the report.</param>
    /// <param name="report">Receives a line for a format read as its base type.</param>
    public static TypeRef? Map(JsonElement schema, string where, GenerationReport report)
    {
        var type = SpecDocument.Str(schema, "type");
        if (type is null)
        {
            return null;
        }

        var format = SpecDocument.Str(schema, "format");
        TypeRef? fallback = null;
        foreach (var (t, f, r) in Rows)
        {
            if (t != type)
            {
                continue;
            }

            if (f == format && f is not null)
            {
                return r;
            }

            if (f is null)
            {
                fallback = r;
            }
        }

        if (fallback is not null && format is not null && !PlainFormats.Contains(format) && !(type == "integer" && format == "unix-time"))
        {
            report.Skip($"format '{format}' of a {type}: read as {fallback.Kind}", where);
        }

        return fallback;
    }
}
