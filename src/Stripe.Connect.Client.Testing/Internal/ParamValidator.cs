using System.Globalization;
using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// Checks form parameters against an operation's schema the way Stripe does (unknown parameters, required
/// parameters, types, enum values, lengths) and returns them typed: integers as numbers, booleans as
/// booleans, numeric-keyed objects as arrays. An empty string survives only where the schema allows
/// unsetting, and means "unset".
/// </summary>
internal static class ParamValidator
{
    public static JsonObject Validate(JsonObject schema, JsonObject form)
    {
        var typed = CoerceObject(schema, form, prefix: null);
        return typed;
    }

    private static string Name(string? prefix, string key) => prefix is null ? key : $"{prefix}[{key}]";

    private static JsonNode Coerce(JsonObject schema, JsonNode value, string param)
    {
        schema = ApiSpec.Instance.Resolve(schema);
        if (schema["anyOf"] is JsonArray anyOf)
        {
            return CoerceAnyOf(anyOf, value, param);
        }

        if (IsEmptyString(value) && !AllowsEmpty(schema))
        {
            throw CannotBeEmpty(param);
        }

        var type = schema["type"]?.GetValue<string>();
        switch (type)
        {
            case "object":
                if (value is not JsonObject obj)
                {
                    throw ApiErrorException.Invalid(param, $"Invalid object: the parameter '{param}' must be a hash (sent as {param}[key]=value).");
                }

                return CoerceObject(schema, obj, param);
            case "array":
                return CoerceArray(schema, value, param);
            case "integer":
                {
                    var s = Scalar(value, param, "integer");
                    if (!long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                    {
                        throw ApiErrorException.Invalid(param, $"Invalid integer: {s}", "parameter_invalid_integer");
                    }

                    return JsonValue.Create(n);
                }

            case "number":
                {
                    var s = Scalar(value, param, "decimal");
                    if (!decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                    {
                        throw ApiErrorException.Invalid(param, $"Invalid decimal: {s}");
                    }

                    return JsonValue.Create(d);
                }

            case "boolean":
                {
                    var s = Scalar(value, param, "boolean");
                    return s switch
                    {
                        "true" => JsonValue.Create(true),
                        "false" => JsonValue.Create(false),
                        _ => throw ApiErrorException.Invalid(param, $"Invalid boolean: {s}"),
                    };
                }

            case "string":
                {
                    var s = Scalar(value, param, "string");
                    if (schema["enum"] is JsonArray values && !values.Any(v => v?.GetValue<string>() == s))
                    {
                        var allowed = string.Join(", ", values.Select(v => v!.GetValue<string>()).Where(v => v.Length > 0));
                        throw ApiErrorException.Invalid(param, $"Invalid {param}: must be one of {allowed}");
                    }

                    if (schema["maxLength"] is JsonValue max && s.Length > max.GetValue<int>())
                    {
                        throw ApiErrorException.Invalid(param, $"Invalid string: {Shorten(s)}; must be at most {max.GetValue<int>()} characters");
                    }

                    return JsonValue.Create(s);
                }

            default:
                return value.DeepClone();
        }
    }

    private static JsonNode CoerceAnyOf(JsonArray anyOf, JsonNode value, string param)
    {
        var alternatives = anyOf.OfType<JsonObject>().Select(ApiSpec.Instance.Resolve).ToList();
        if (IsEmptyString(value))
        {
            if (alternatives.Any(AllowsEmpty))
            {
                return JsonValue.Create(string.Empty);
            }

            throw CannotBeEmpty(param);
        }

        // Hash-shaped values only fit object (or array) alternatives, plain values only scalar ones.
        var wantsContainer = value is JsonObject;
        var candidates = alternatives
            .Where(a => IsContainer(a) == wantsContainer && !IsEmptyOnly(a))
            .ToList();
        if (candidates.Count == 0)
        {
            throw wantsContainer
                ? ApiErrorException.Invalid(param, $"Invalid value for {param}: a hash was sent where a single value is expected.")
                : ApiErrorException.Invalid(param, $"Invalid object: the parameter '{param}' must be a hash (sent as {param}[key]=value).");
        }

        ApiErrorException? best = null;
        var bestUnknown = int.MaxValue;
        foreach (var candidate in candidates)
        {
            try
            {
                return Coerce(candidate, value, param);
            }
            catch (ApiErrorException e)
            {
                // Report the error of the alternative that fits the sent keys best.
                var unknown = value is JsonObject o ? UnknownKeyCount(candidate, o) : 0;
                if (unknown < bestUnknown)
                {
                    best = e;
                    bestUnknown = unknown;
                }
            }
        }

        throw best!;
    }

    private static JsonObject CoerceObject(JsonObject schema, JsonObject value, string? prefix)
    {
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"] as JsonObject;
        var result = new JsonObject();

        if (properties is null && additional is null)
        {
            // A free-form hash: nothing to check.
            return (JsonObject)value.DeepClone();
        }

        foreach (var (key, _) in value)
        {
            if (properties?.ContainsKey(key) != true && additional is null)
            {
                var name = Name(prefix, key);
                throw ApiErrorException.Invalid(name, $"Received unknown parameter: {name}", "parameter_unknown");
            }
        }

        if (schema["required"] is JsonArray required)
        {
            foreach (var r in required)
            {
                var key = r!.GetValue<string>();
                if (!value.ContainsKey(key))
                {
                    throw ApiErrorException.Missing(Name(prefix, key));
                }
            }
        }

        foreach (var (key, child) in value)
        {
            var name = Name(prefix, key);
            if (properties?[key] is JsonObject propertySchema)
            {
                result[key] = Coerce(propertySchema, child!, name);
            }
            else if (IsEmptyString(child))
            {
                // metadata[key]= removes that key.
                result[key] = string.Empty;
            }
            else
            {
                result[key] = Coerce(additional!, child!, name);
            }
        }

        return result;
    }

    private static JsonArray CoerceArray(JsonObject schema, JsonNode value, string param)
    {
        if (value is not JsonObject indexed)
        {
            throw ApiErrorException.Invalid(param, $"Invalid array: the parameter '{param}' must be a list (sent as {param}[]=value or {param}[0]=value).");
        }

        var items = new List<(long Index, JsonNode Node)>();
        foreach (var (key, child) in indexed)
        {
            if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                throw ApiErrorException.Invalid(param, $"Invalid array: the parameter '{param}' must be a list, but received the key {param}[{key}].");
            }

            items.Add((index, child!));
        }

        var itemSchema = schema["items"] as JsonObject ?? [];
        var array = new JsonArray();
        foreach (var (index, node) in items.OrderBy(i => i.Index))
        {
            array.Add(Coerce(itemSchema, node, $"{param}[{index.ToString(CultureInfo.InvariantCulture)}]"));
        }

        return array;
    }

    private static string Scalar(JsonNode value, string param, string what)
    {
        if (value is JsonValue v && v.TryGetValue<string>(out var s))
        {
            return s;
        }

        throw ApiErrorException.Invalid(param, $"Invalid {what}: the parameter '{param}' must be a single value, not a hash or a list.");
    }

    private static bool IsEmptyString(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0;

    private static bool AllowsEmpty(JsonObject schema) =>
        schema["enum"] is JsonArray values && values.Any(v => v is JsonValue j && j.TryGetValue<string>(out var s) && s.Length == 0);

    private static bool IsEmptyOnly(JsonObject schema) =>
        schema["enum"] is JsonArray values && values.Count == 1 && AllowsEmpty(schema);

    private static bool IsContainer(JsonObject schema)
    {
        var type = schema["type"]?.GetValue<string>();
        return type is "object" or "array";
    }

    private static int UnknownKeyCount(JsonObject schema, JsonObject value)
    {
        if (schema["properties"] is not JsonObject properties || schema["additionalProperties"] is JsonObject)
        {
            return 0;
        }

        return value.Count(kv => !properties.ContainsKey(kv.Key));
    }

    private static ApiErrorException CannotBeEmpty(string param) =>
        ApiErrorException.Invalid(
            param,
            $"You passed an empty string for '{param}'. We assume empty values are an attempt to unset a parameter; however '{param}' cannot be unset. You should remove '{param}' from your request or supply a non-empty value.",
            "parameter_invalid_empty");

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
