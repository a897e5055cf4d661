using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// Builds response objects from the response schemas, so every object the fake returns has the fields
/// and types the API description promises, and merges typed request parameters into stored objects.
/// </summary>
internal static class ObjectFactory
{
    private const int MaxDepth = 8;

    /// <summary>A new object of the named schema: nullable fields null, lists and hashes empty, flags false.</summary>
    public static JsonObject Create(string schemaName) => Skeleton(ApiSpec.Instance.Schema(schemaName), 0);

    /// <summary>A non-null skeleton for a schema, even when the schema itself is nullable.</summary>
    public static JsonObject Skeleton(JsonObject schema, int depth)
    {
        schema = ObjectSchema(schema) ?? [];
        var result = new JsonObject();
        if (schema["properties"] is not JsonObject properties)
        {
            return result;
        }

        var required = (schema["required"] as JsonArray)?.Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
        foreach (var (name, propertyNode) in properties)
        {
            var property = (JsonObject)propertyNode!;
            if (TryDefault(property, required.Contains(name), depth + 1, out var value))
            {
                result[name] = value;
            }
        }

        return result;
    }

    private static bool TryDefault(JsonObject schema, bool required, int depth, out JsonNode? value)
    {
        value = null;
        if (schema["nullable"]?.GetValue<bool>() == true)
        {
            return true;
        }

        var resolved = ApiSpec.Instance.Resolve(schema);
        if (resolved["x-stripeStub"] is not null || depth > MaxDepth)
        {
            return false;
        }

        if (resolved["anyOf"] is JsonArray)
        {
            // Expandable references and unions: the operation fills them in.
            return false;
        }

        switch (resolved["type"]?.GetValue<string>())
        {
            case "object":
                if (resolved["additionalProperties"] is JsonObject && resolved["properties"] is null)
                {
                    value = new JsonObject();
                    return true;
                }

                if (IsList(resolved))
                {
                    value = new JsonObject { ["object"] = "list", ["data"] = new JsonArray(), ["has_more"] = false, ["url"] = string.Empty };
                    return true;
                }

                value = Skeleton(resolved, depth);
                return true;
            case "array":
                value = new JsonArray();
                return true;
            case "boolean":
                value = false;
                return true;
            case "integer" when required:
                value = 0;
                return true;
            case "string" when resolved["enum"] is JsonArray { Count: 1 } single:
                value = single[0]!.DeepClone();
                return true;
            case "string" when required:
                value = string.Empty;
                return true;
            default:
                return false;
        }
    }

    private static bool IsList(JsonObject schema) =>
        schema["properties"] is JsonObject p && p["object"]?["enum"] is JsonArray e && e.Count == 1 && e[0]?.GetValue<string>() == "list";

    /// <summary>The object schema behind a property: follows <c>$ref</c> and picks the object branch of an <c>anyOf</c>.</summary>
    public static JsonObject? ObjectSchema(JsonObject schema)
    {
        schema = ApiSpec.Instance.Resolve(schema);
        if (schema["anyOf"] is JsonArray anyOf)
        {
            foreach (var alternative in anyOf.OfType<JsonObject>())
            {
                var resolved = ApiSpec.Instance.Resolve(alternative);
                if (resolved["type"]?.GetValue<string>() == "object" && resolved["x-stripeStub"] is null)
                {
                    return resolved;
                }
            }

            return null;
        }

        return schema["type"]?.GetValue<string>() == "object" ? schema : null;
    }

    /// <summary>
    /// Copies request parameters into <paramref name="target"/> where the response schema has a field of the
    /// same name and shape. An empty string unsets (null, or removes a hash key); hashes merge key by key.
    /// </summary>
    public static void Merge(JsonObject target, JsonObject parameters, JsonObject schema, params string[] skip)
    {
        var objectSchema = ObjectSchema(schema);
        var properties = objectSchema?["properties"] as JsonObject;
        var freeForm = objectSchema?["additionalProperties"] is JsonObject && properties is null;
        foreach (var (key, value) in parameters)
        {
            if (skip.Contains(key))
            {
                continue;
            }

            if (freeForm)
            {
                // metadata: "" removes a key, anything else sets it.
                if (value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0)
                {
                    target.Remove(key);
                }
                else
                {
                    target[key] = value?.DeepClone();
                }

                continue;
            }

            if (properties?[key] is not JsonObject propertySchema)
            {
                continue;
            }

            var isEmpty = value is JsonValue ev && ev.TryGetValue<string>(out var es) && es.Length == 0;
            var childSchema = ObjectSchema(propertySchema);
            if (isEmpty)
            {
                target[key] = childSchema is not null && childSchema["additionalProperties"] is JsonObject && childSchema["properties"] is null
                    ? new JsonObject()
                    : null;
            }
            else if (value is JsonObject childParams && childSchema is not null)
            {
                if (target[key] is not JsonObject child)
                {
                    child = Skeleton(childSchema, 1);
                    target[key] = child;
                }

                Merge(child, childParams, childSchema);
            }
            else if (value is JsonArray && ApiSpec.Instance.Resolve(propertySchema)["type"]?.GetValue<string>() == "array")
            {
                target[key] = value.DeepClone();
            }
            else if (value is JsonValue && childSchema is null)
            {
                target[key] = value.DeepClone();
            }
        }
    }
}
