using System.Globalization;
using System.Text.Json;
using Stripe.Connect.Client.Generator.Document;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Building;

/// <summary>
/// Walks the parameters of the configured operations (query parameters of GET and DELETE, the body of POST) and adds
/// their request records, one-of parameters, filters and enums to the model, keyed by place
/// (<c>AccountCreateRequest.company.address</c>, <c>ExternalAccountCreateRequest.external_account#bank_account</c>);
/// names and docs come later.
/// </summary>
internal sealed class InputWalker(SpecDocument doc, ApiModel model)
{
    /// <summary>The shape key of the filter over timestamps (<c>created</c>); the namer calls it <c>TimeRangeInput</c>.</summary>
    public const string TimeRangeKey = "range:time";

    /// <summary>The shape key of the filter over numbers (<c>amount</c>); the namer calls it <c>NumberRangeInput</c>.</summary>
    public const string NumberRangeKey = "range:number";

    private BodyEncoding _encoding;

    /// <summary>Adds the request record of an operation and returns its key, or <see langword="null"/> when it takes no parameters.</summary>
    public string? Request(JsonElement op, string requestKey, string docUrl)
    {
        var props = new List<(string Wire, JsonElement Schema, bool Required)>();
        props.AddRange(SpecDocument.QueryParameters(op));
        var (media, body) = SpecDocument.RequestBody(op);
        _encoding = media == "application/json" ? BodyEncoding.Json : BodyEncoding.Form;
        if (media is not null and not "application/x-www-form-urlencoded" and not "application/json")
        {
            model.Report.Skip($"request body as {media}: its parameters are sent as a form", requestKey);
        }

        if (body.ValueKind == JsonValueKind.Object)
        {
            body = doc.Resolve(body);
            var required = SpecDocument.RequiredSet(body);
            props.AddRange(SpecDocument.SortedProperties(body).Select(p => (p.Name, p.Value, required.Contains(p.Name))));
        }

        if (props.Count == 0)
        {
            return null;
        }

        var request = new InputModel(requestKey) { IsTopLevel = true, DocUrl = docUrl, Encoding = _encoding };
        request.Places.Add(requestKey);
        model.Inputs[requestKey] = request;
        props.Sort((a, b) => string.CompareOrdinal(a.Wire, b.Wire));
        foreach (var (wire, schema, required) in props)
        {
            request.Props.Add(Prop(requestKey, wire, schema, required, docUrl));
        }

        return requestKey;
    }

    private InputPropertyModel Prop(string ownerKey, string wire, JsonElement schema, bool required, string docUrl)
    {
        var placeKey = ownerKey + "." + wire;
        var resolved = doc.Resolve(schema);
        var t = Input(resolved, placeKey, wire, docUrl);
        var facts = new MemberFacts(false, required, SpecDocument.Int(resolved, "maxLength"), SpecDocument.Flag(schema, "deprecated") || SpecDocument.Flag(resolved, "deprecated"));
        string? fixedValue = null;
        if (wire == "object" && required && SpecDocument.Str(resolved, "type") == "string" && SpecDocument.EnumValues(resolved, out _) is [var only])
        {
            // A discriminator with one allowed value: the record sends it itself.
            fixedValue = only;
            t = TypeRef.String;
            model.Enums.Remove(placeKey);
        }

        return new InputPropertyModel
        {
            Wire = wire,
            Name = Words.Pascal(wire),
            Type = required ? t : t.AsNullable(),
            Required = required && fixedValue is null,
            Fixed = fixedValue,
            Facts = facts,
        };
    }

    private TypeRef Input(JsonElement s, string placeKey, string wire, string docUrl)
    {
        s = doc.Resolve(s);
        if (SpecDocument.TryGetAlternatives(s, out var anyOf))
        {
            var rest = new List<JsonElement>();
            var hasEmpty = false;
            foreach (var a in anyOf.EnumerateArray())
            {
                var ra = doc.Resolve(a);
                if (SpecDocument.Str(ra, "type") == "string" && SpecDocument.EnumValues(ra, out var empty) is { Count: 0 } && empty)
                {
                    hasEmpty = true;
                }
                else
                {
                    rest.Add(ra);
                }
            }

            var inner = rest.Count switch
            {
                0 => TypeRef.String,
                1 => Input(rest[0], placeKey, wire, docUrl),
                _ when rest.Count == 2 && IsRange(rest[0]) && SpecDocument.Str(rest[1], "type") == "integer" => Range(wire),
                _ => OneOf(rest, placeKey, wire, docUrl),
            };
            return hasEmpty ? TypeRef.EmptyableOf(inner) : inner;
        }

        if (s.TryGetProperty("allOf", out _))
        {
            model.Report.Skip("allOf in a request: sent as a string", placeKey);
            return TypeRef.String;
        }

        var type = SpecDocument.Str(s, "type");
        if (type == "string" && s.TryGetProperty("enum", out _))
        {
            var values = SpecDocument.EnumValues(s, out var hasEmpty);
            TypeRef t = TypeRef.String;
            if (values.Count > 0)
            {
                if (!model.Enums.TryGetValue(placeKey, out var e))
                {
                    model.Enums[placeKey] = e = new EnumModel(placeKey) { DocUrl = docUrl };
                    e.Places.Add(placeKey);
                }

                e.Values.UnionWith(values);
                t = TypeRef.Named(TypeKind.Enum, placeKey);
            }

            return hasEmpty ? TypeRef.EmptyableOf(t) : t;
        }

        if (ScalarMappings.Map(s, placeKey, model.Report) is { } scalar)
        {
            return scalar;
        }

        switch (type)
        {
            case "array":
                {
                    var item = s.TryGetProperty("items", out var items) ? Input(items, placeKey, wire, docUrl) : TypeRef.String;
                    if (item.Kind is TypeKind.Input or TypeKind.Enum or TypeKind.String or TypeKind.Int64)
                    {
                        return TypeRef.ListOf(item);
                    }

                    model.Report.Skip($"list of {item.Kind} in a request: sent as a list of strings", placeKey);
                    return TypeRef.ListOf(TypeRef.String);
                }

            case "object" or null:
                if (s.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object && props.EnumerateObject().Any())
                {
                    return Nested(s, placeKey, docUrl);
                }

                if (wire == "metadata")
                {
                    // v2 bodies: a key sent with JSON null is removed (additionalProperties: {nullable: true}).
                    return _encoding == BodyEncoding.Json && s.TryGetProperty("additionalProperties", out var values) && SpecDocument.Flag(values, "nullable")
                        ? TypeRef.Scalar(TypeKind.Metadata, WireFormat.NullableValues)
                        : TypeRef.Metadata;
                }

                if (s.TryGetProperty("additionalProperties", out _) || type == "object")
                {
                    return TypeRef.MapOf(TypeRef.String);
                }

                break;
        }

        model.Report.Skip($"request parameter of type {type ?? "(none)"}: sent as a string", placeKey);
        return TypeRef.String;
    }

    private TypeRef Nested(JsonElement s, string key, string docUrl)
    {
        if (!model.Inputs.ContainsKey(key))
        {
            var input = new InputModel(key) { Title = SpecDocument.Str(s, "title"), DocUrl = docUrl, Encoding = _encoding };
            input.Places.Add(key);
            model.Inputs[key] = input;
            var required = SpecDocument.RequiredSet(s);
            foreach (var p in SpecDocument.SortedProperties(s))
            {
                input.Props.Add(Prop(key, p.Name, p.Value, required.Contains(p.Name), docUrl));
            }
        }

        return TypeRef.Named(TypeKind.Input, key);
    }

    private TypeRef Range(string wire)
    {
        // created-like filters are times; others (amount) are plain numbers.
        var isTime = wire == "created" || wire.EndsWith("_at", StringComparison.Ordinal) || wire.EndsWith("date", StringComparison.Ordinal);
        var key = isTime ? TimeRangeKey : NumberRangeKey;
        var element = isTime ? TypeRef.UnixTime : TypeRef.Int64;
        model.Ranges.TryAdd(key, new RangeModel(key, element));
        return TypeRef.RangeOf(element, key);
    }

    private static bool IsRange(JsonElement s)
    {
        if (SpecDocument.Str(s, "type") != "object" || !s.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var count = 0;
        foreach (var p in props.EnumerateObject())
        {
            if (p.Name is not ("gt" or "gte" or "lt" or "lte") || SpecDocument.Str(p.Value, "type") != "integer")
            {
                return false;
            }

            count++;
        }

        return count > 0;
    }

    private TypeRef OneOf(List<JsonElement> alternatives, string placeKey, string wire, string docUrl)
    {
        if (!model.OneOfs.ContainsKey(placeKey))
        {
            var oneOf = new OneOfModel(placeKey) { DocUrl = docUrl };
            oneOf.Places.Add(placeKey);
            model.OneOfs[placeKey] = oneOf;
            var used = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            var index = 0;
            foreach (var a in alternatives)
            {
                index++;
                var altKey = AlternativeKey(a, index, used);
                var isObject = SpecDocument.Str(a, "type") == "object" && a.TryGetProperty("properties", out _);
                var t = isObject ? Nested(a, placeKey + "#" + altKey, docUrl) : Input(a, placeKey + "#" + altKey, wire, docUrl);
                oneOf.Alternatives.Add(new InputPropertyModel { Wire = string.Empty, Name = Words.Pascal(altKey), Type = t.AsNullable() });
            }
        }

        return TypeRef.Named(TypeKind.OneOf, placeKey);
    }

    /// <summary>
    /// The key of one alternative: an object's <c>object</c> value or <c>title</c> (a second object with the same value adds
    /// the first field the earlier one lacks: <c>card_token</c>), or the kind of a scalar (<c>value</c>, <c>number</c>).
    /// </summary>
    private static string AlternativeKey(JsonElement a, int index, Dictionary<string, JsonElement> used)
    {
        string key;
        var type = SpecDocument.Str(a, "type");
        if (type == "object" && a.TryGetProperty("properties", out var props))
        {
            key = props.TryGetProperty("object", out var o) && SpecDocument.EnumValues(o, out _) is [var value]
                ? value
                : SpecDocument.Str(a, "title") ?? "object";
            if (used.TryGetValue(key, out var earlier))
            {
                var extra = props.EnumerateObject().Select(p => p.Name).Where(n => !earlier.GetProperty("properties").TryGetProperty(n, out _)).Order(StringComparer.Ordinal).FirstOrDefault();
                key += "_" + (extra ?? index.ToString(CultureInfo.InvariantCulture));
            }
        }
        else
        {
            key = type switch
            {
                "string" => "value",
                "integer" or "number" => "number",
                "boolean" => "flag",
                "array" => "list",
                _ => "option",
            };
            if (used.ContainsKey(key))
            {
                key += index.ToString(CultureInfo.InvariantCulture);
            }
        }

        used[key] = a;
        return key;
    }
}
