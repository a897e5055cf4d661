using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>Stripe list pages: newest first, <c>limit</c> 1 to 100 (10 by default), cursors by object id.</summary>
internal static class Paging
{
    public static JsonObject Page(IEnumerable<Entity> items, JsonObject query, string url, Func<Entity, JsonNode> render)
    {
        var sorted = FilterCreated(items, query).OrderByDescending(e => e.Sequence).ToList();
        var limit = 10L;
        if (query["limit"] is JsonValue l)
        {
            limit = l.GetValue<long>();
            if (limit is < 1 or > 100)
            {
                throw ApiErrorException.Invalid("limit", $"Invalid limit: must be between 1 and 100, got {limit}.");
            }
        }

        var after = Text(query, "starting_after");
        var before = Text(query, "ending_before");
        if (after is not null && before is not null)
        {
            throw ApiErrorException.Invalid(null, "You may only specify one of these parameters: ending_before, starting_after.", "parameters_exclusive");
        }

        List<Entity> page;
        bool hasMore;
        if (before is not null)
        {
            var index = IndexOf(sorted, before, "ending_before");
            var newer = sorted.Take(index).ToList();
            hasMore = newer.Count > limit;
            page = newer.Skip(Math.Max(0, newer.Count - (int)limit)).ToList();
        }
        else
        {
            var start = after is null ? 0 : IndexOf(sorted, after, "starting_after") + 1;
            var rest = sorted.Skip(start).ToList();
            hasMore = rest.Count > limit;
            page = rest.Take((int)limit).ToList();
        }

        var data = new JsonArray();
        foreach (var entity in page)
        {
            data.Add(render(entity));
        }

        return List(data, hasMore, url);
    }

    public static JsonObject List(JsonArray data, bool hasMore, string url) =>
        new() { ["object"] = "list", ["data"] = data, ["has_more"] = hasMore, ["url"] = url };

    /// <summary>The embedded first page of a sub-list (an account's external accounts, a transfer's reversals...).</summary>
    public static JsonObject Embedded(IEnumerable<Entity> items, string url, Func<Entity, JsonNode> render)
    {
        var sorted = items.OrderByDescending(e => e.Sequence).ToList();
        var data = new JsonArray();
        foreach (var entity in sorted.Take(10))
        {
            data.Add(render(entity));
        }

        return List(data, sorted.Count > 10, url);
    }

    private static string? Text(JsonObject query, string key) =>
        query[key] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null;

    private static int IndexOf(List<Entity> sorted, string id, string param)
    {
        var index = sorted.FindIndex(e => e.Id == id);
        if (index < 0)
        {
            throw ApiErrorException.NoSuch(param, "object", id);
        }

        return index;
    }

    /// <summary>The <c>created</c> filter: an exact second, or a range with gt/gte/lt/lte.</summary>
    private static IEnumerable<Entity> FilterCreated(IEnumerable<Entity> items, JsonObject query) => Range(items, query["created"], e => e.Created);

    public static IEnumerable<Entity> Range(IEnumerable<Entity> items, JsonNode? filter, Func<Entity, long> value)
    {
        switch (filter)
        {
            case JsonValue exact when exact.TryGetValue<long>(out var at):
                return items.Where(e => value(e) == at);
            case JsonObject range:
                return items.Where(e =>
                {
                    var v = value(e);
                    return (range["gt"] is not JsonValue gt || v > gt.GetValue<long>())
                        && (range["gte"] is not JsonValue gte || v >= gte.GetValue<long>())
                        && (range["lt"] is not JsonValue lt || v < lt.GetValue<long>())
                        && (range["lte"] is not JsonValue lte || v <= lte.GetValue<long>());
                });
            default:
                return items;
        }
    }
}
