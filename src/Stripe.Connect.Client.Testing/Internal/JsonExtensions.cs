using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>Short typed reads of validated parameters and stored objects.</summary>
internal static class JsonExtensions
{
    /// <summary>A string value; the empty string (an "unset") and other types read as null.</summary>
    public static string? Str(this JsonObject obj, string key) =>
        obj[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    public static long? Long(this JsonObject obj, string key) =>
        obj[key] is JsonValue v && v.TryGetValue<long>(out var n) ? n : null;

    public static bool? Bool(this JsonObject obj, string key) =>
        obj[key] is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

    public static bool IsUnset(this JsonObject obj, string key) =>
        obj[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0;

    public static JsonObject Clone(this JsonObject obj) => (JsonObject)obj.DeepClone();
}
