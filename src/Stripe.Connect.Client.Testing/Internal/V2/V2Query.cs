using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>Reads a v2 query (<c>include[0]=a&amp;include[1]=b&amp;created[gt]=1&amp;limit=10</c>) into JSON; scalars stay strings until validated.</summary>
internal static class V2Query
{
    public static JsonObject Parse(string query)
    {
        var result = new JsonObject();
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = Uri.UnescapeDataString((eq < 0 ? string.Empty : pair[(eq + 1)..]).Replace('+', ' '));
            var open = key.IndexOf('[', StringComparison.Ordinal);
            if (open < 0 || !key.EndsWith(']'))
            {
                result[key] = value;
                continue;
            }

            var name = key[..open];
            var inner = key[(open + 1)..^1];
            if (int.TryParse(inner, out _))
            {
                if (result[name] is not JsonArray list)
                {
                    result[name] = list = [];
                }

                list.Add((JsonNode?)JsonValue.Create(value));
            }
            else
            {
                if (result[name] is not JsonObject obj)
                {
                    result[name] = obj = [];
                }

                obj[inner] = value;
            }
        }

        return result;
    }
}
