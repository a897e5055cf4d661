using System.Globalization;
using System.Text.Json;
using Stripe.Connect.Client.Generator.Document;

namespace Stripe.Connect.Client.Generator.Configuration;

/// <summary>
/// A configuration for every operation a document describes, read from the <c>x-stripeOperations</c> its resources carry
/// (as in Stripe's <c>spec3.json</c>): one service per resource (<c>x-resourceId</c>, such as <c>charge</c> →
/// <c>ChargeService</c>), one method per entry whose <c>method_on</c> is <c>service</c>. It is how the generator is run over
/// a whole published document (<c>--all-operations</c>) to prove it reads every shape, not how the SDK's surface is chosen
/// (<c>connect-operations.json</c> is).
/// </summary>
internal static class StripeOperations
{
    public static GeneratorConfig FromDocument(string specJson, GeneratorConfig? names = null)
    {
        using var json = JsonDocument.Parse(specJson, new JsonDocumentOptions { MaxDepth = 256 });
        var doc = new SpecDocument(json.RootElement);
        var config = new GeneratorConfig();
        if (names is not null)
        {
            foreach (var (k, v) in names.TypeNames)
            {
                config.TypeNames[k] = v;
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var schemaName in doc.SchemaNames)
        {
            var schema = doc.Schema(schemaName);
            if (SpecDocument.Str(schema, "x-resourceId") is not { } resourceId || !schema.TryGetProperty("x-stripeOperations", out var ops) || ops.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var resource = Words.Pascal(resourceId);
            var property = resource.EndsWith('s') ? resource + "es" : resource + "s";
            var service = new ServiceConfig(property, resource + "Service", resource, resourceId.Replace('.', '/'), $"Calls the {Words.Human(resourceId)} endpoints.");
            var methods = new HashSet<string>(StringComparer.Ordinal);
            foreach (var op in ops.EnumerateArray())
            {
                if (SpecDocument.Str(op, "method_on") != "service" || SpecDocument.Str(op, "path") is not { } path || SpecDocument.Str(op, "operation") is not { } verb
                    || !seen.Add(verb + " " + path))
                {
                    continue;
                }

                var method = Words.Pascal(SpecDocument.Str(op, "method_name") ?? verb);
                for (var i = 2; !methods.Add(method); i++)
                {
                    method = Words.Pascal(SpecDocument.Str(op, "method_name") ?? verb) + i.ToString(CultureInfo.InvariantCulture);
                }

                config.Operations.Add(new OperationConfig(verb.ToUpperInvariant(), path, property, method, PathIds(path), null, null));
            }

            if (methods.Count > 0 && config.Services.TrueForAll(s => s.ClassName != service.ClassName))
            {
                config.Services.Add(service);
            }
        }

        return config;
    }

    /// <summary><c>/v1/charges/{charge}/refunds/{id}</c> → <c>charge</c>: <c>chargeId</c>, <c>id</c>: <c>idId</c>.</summary>
    private static List<KeyValuePair<string, string>> PathIds(string path)
    {
        var ids = new List<KeyValuePair<string, string>>();
        foreach (var segment in path.Split('/'))
        {
            if (segment.StartsWith('{') && segment.EndsWith('}'))
            {
                var wire = segment[1..^1];
                ids.Add(new(wire, Words.LowerFirst(Words.Pascal(wire)) + "Id"));
            }
        }

        return ids;
    }
}
