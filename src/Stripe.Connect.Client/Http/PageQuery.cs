using Stripe.Connect.Client.Form;

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

    /// <summary>The query of one page: the rest of the request and the cursor, if any.</summary>
    /// <param name="backward"><see langword="true"/> to page with <c>ending_before</c>.</param>
    /// <param name="cursor">The id to page from, or <see langword="null"/> for the first page.</param>
    /// <returns>The parameters, or <see langword="null"/> when there are none.</returns>
    public IFormEncodable? WithCursor(bool backward, string? cursor)
    {
        if (cursor is null)
        {
            return Rest.Length == 0 ? null : new EncodedFormParameters(Rest);
        }

        var pair = (backward ? "ending_before=" : "starting_after=") + Uri.EscapeDataString(cursor);
        return new EncodedFormParameters(Rest.Length == 0 ? pair : Rest + "&" + pair);
    }
}
