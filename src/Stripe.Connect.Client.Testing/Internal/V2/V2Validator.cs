using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// Checks a v2 body or query against the operation's schema, as the v1 rules do for forms: unknown fields, wrong JSON
/// types, enum values outside the list and missing required fields are refused with <c>invalid_fields</c> naming the
/// field. Query scalars (strings on the wire) are converted to the schema's integer or boolean in place.
/// </summary>
internal static class V2Validator
{
    public static void Validate(V2Route route, JsonObject parameters) => Object(ApiSpec.Instance.Resolve(route.Schema), parameters, string.Empty, route.Method != "POST");

    private static void Object(JsonObject schema, JsonObject value, string path, bool fromQuery)
    {
        var properties = schema["properties"] as JsonObject;
        if (properties is null)
        {
            return;
        }

        foreach (var (name, child) in value.ToList())
        {
            var field = path.Length == 0 ? name : path + "." + name;
            if (properties[name] is not JsonObject childSchema)
            {
                throw V2Error.Invalid(field, $"Unknown field: {field}.");
            }

            var replaced = Value(ApiSpec.Instance.Resolve(childSchema), child, field, fromQuery);
            if (!ReferenceEquals(replaced, child))
            {
                value[name] = replaced;
            }
        }

        if (schema["required"] is JsonArray required)
        {
            foreach (var r in required)
            {
                var name = r!.GetValue<string>();
                if (value[name] is null)
                {
                    var field = path.Length == 0 ? name : path + "." + name;
                    throw V2Error.Invalid(field, $"Missing required field: {field}.");
                }
            }
        }
    }

    private static JsonNode? Value(JsonObject schema, JsonNode? value, string field, bool fromQuery)
    {
        if (value is null)
        {
            // JSON null: only metadata values (and fields the API marks nullable) take it.
            return schema["nullable"]?.GetValue<bool>() == true ? null : throw V2Error.Invalid(field, $"{field} cannot be null.");
        }

        var type = schema["type"]?.GetValue<string>();
        switch (type)
        {
            case "object":
                if (value is not JsonObject obj)
                {
                    throw V2Error.Invalid(field, $"{field} must be an object.");
                }

                if (schema["additionalProperties"] is JsonObject values)
                {
                    foreach (var (key, item) in obj.ToList())
                    {
                        Value(values, item, field + "." + key, fromQuery);
                    }
                }
                else
                {
                    Object(schema, obj, field, fromQuery);
                }

                return value;
            case "array":
                if (value is not JsonArray array)
                {
                    throw V2Error.Invalid(field, $"{field} must be an array.");
                }

                var items = schema["items"] is JsonObject i ? ApiSpec.Instance.Resolve(i) : new JsonObject();
                for (var index = 0; index < array.Count; index++)
                {
                    var replaced = Value(items, array[index], $"{field}[{index}]", fromQuery);
                    if (!ReferenceEquals(replaced, array[index]))
                    {
                        array[index] = replaced;
                    }
                }

                return value;
            case "integer":
                if (fromQuery && value is JsonValue q && q.TryGetValue<string>(out var text))
                {
                    return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? JsonValue.Create(n) : throw V2Error.Invalid(field, $"{field} must be an integer.");
                }

                return value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out _) ? value : throw V2Error.Invalid(field, $"{field} must be an integer.");
            case "boolean":
                if (fromQuery && value is JsonValue qb && qb.TryGetValue<string>(out var flag))
                {
                    return flag is "true" or "false" ? JsonValue.Create(flag == "true") : throw V2Error.Invalid(field, $"{field} must be true or false.");
                }

                return value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? value : throw V2Error.Invalid(field, $"{field} must be true or false.");
            case "string":
                if (value.GetValueKind() != JsonValueKind.String)
                {
                    throw V2Error.Invalid(field, $"{field} must be a string.");
                }

                if (schema["enum"] is JsonArray allowed && !allowed.Any(a => a!.GetValue<string>() == value.GetValue<string>()))
                {
                    throw V2Error.Invalid(field, $"{field} must be one of: {string.Join(", ", allowed.Select(a => a!.GetValue<string>()))}.");
                }

                return value;
            default:
                return value;
        }
    }
}
