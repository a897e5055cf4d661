using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// Turns <c>application/x-www-form-urlencoded</c> text (a body or a query string) into a tree of
/// <see cref="JsonObject"/>s whose leaves are strings. <c>a[b][c]=v</c> nests, <c>a[]=v</c> appends under the
/// next numeric key and <c>a[0][x]=v</c> keeps its index; the validator later turns numeric-keyed objects
/// into arrays where the schema wants one. Types are not decided here.
/// </summary>
internal static class FormParser
{
    public static JsonObject Parse(string? text)
    {
        var root = new JsonObject();
        if (string.IsNullOrEmpty(text))
        {
            return root;
        }

        if (text[0] == '?')
        {
            text = text[1..];
        }

        foreach (var pair in text.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var rawKey = eq < 0 ? pair : pair[..eq];
            var rawValue = eq < 0 ? string.Empty : pair[(eq + 1)..];
            var key = Decode(rawKey);
            var value = Decode(rawValue);
            Set(root, SplitKey(key), value);
        }

        return root;
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));

    /// <summary>Splits <c>a[b][]</c> into <c>a</c>, <c>b</c>, <c>""</c>; a malformed key stays whole.</summary>
    internal static List<string> SplitKey(string key)
    {
        var parts = new List<string>();
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open <= 0 || !key.EndsWith(']'))
        {
            parts.Add(key);
            return parts;
        }

        parts.Add(key[..open]);
        var i = open;
        while (i < key.Length)
        {
            if (key[i] != '[')
            {
                return [key];
            }

            var close = key.IndexOf(']', i);
            if (close < 0)
            {
                return [key];
            }

            parts.Add(key[(i + 1)..close]);
            i = close + 1;
        }

        return parts;
    }

    private static void Set(JsonObject root, List<string> path, string value)
    {
        var node = root;
        for (var i = 0; i < path.Count; i++)
        {
            var segment = path[i];
            if (segment.Length == 0)
            {
                // "a[]" appends: the next free index.
                segment = node.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (i == path.Count - 1)
            {
                node[segment] = value;
                return;
            }

            if (node[segment] is JsonObject child)
            {
                node = child;
            }
            else
            {
                child = new JsonObject();
                node[segment] = child;
                node = child;
            }
        }
    }
}
