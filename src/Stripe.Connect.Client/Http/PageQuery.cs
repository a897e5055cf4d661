namespace Stripe.Connect.Client.Http;

/// <summary>
/// An encoded list query split into its cursor (<c>starting_after</c> / <c>ending_before</c>) and the rest, so
/// auto-paging can move the cursor without re-encoding the request.
/// </summary>
internal readonly record struct PageQuery(string Rest, string? StartingAfter, string? EndingBefore)
{
    public static PageQuery Parse(string? encoded)
    {
        if (string.IsNullOrEmpty(encoded))
        {
            return new PageQuery(string.Empty, null, null);
        }

        string? startingAfter = null;
        string? endingBefore = null;
        var kept = new List<string>();
        foreach (var pair in encoded.Split('&'))
        {
            if (pair.StartsWith("starting_after=", StringComparison.Ordinal))
            {
                startingAfter = Uri.UnescapeDataString(pair["starting_after=".Length..]);
            }
            else if (pair.StartsWith("ending_before=", StringComparison.Ordinal))
            {
                endingBefore = Uri.UnescapeDataString(pair["ending_before=".Length..]);
            }
            else
            {
                kept.Add(pair);
            }
        }

        return new PageQuery(string.Join('&', kept), startingAfter, endingBefore);
    }

    public string? WithCursor(bool backward, string? cursor)
    {
        if (cursor is null)
        {
            return Rest.Length == 0 ? null : Rest;
        }

        var pair = (backward ? "ending_before=" : "starting_after=") + Uri.EscapeDataString(cursor);
        return Rest.Length == 0 ? pair : Rest + "&" + pair;
    }
}
