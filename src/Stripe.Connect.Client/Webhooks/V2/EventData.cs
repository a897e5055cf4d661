using System.Text.Json;

namespace Stripe.Connect.Client.V2.Core;

/// <summary>Reads the members of a fetched thin event's <c>data</c> for the generated data records (JSON DOM, no reflection).</summary>
internal static class EventData
{
    public static string String(JsonElement? data, string name) => StringOrNull(data, name) ?? string.Empty;

    public static string? StringOrNull(JsonElement? data, string name) =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static IReadOnlyList<string> Strings(JsonElement? data, string name)
    {
        if (data is not { ValueKind: JsonValueKind.Object } d || !d.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var list = new List<string>(v.GetArrayLength());
        foreach (var item in v.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                list.Add(item.GetString()!);
            }
        }

        return list;
    }
}
