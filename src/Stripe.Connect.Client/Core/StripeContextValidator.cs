namespace Stripe.Connect.Client;

/// <summary>
/// Checks a context before it becomes the <c>Stripe-Context</c> header: the same rules for the client-wide
/// <see cref="ConnectClientOptions.StripeContext"/> and a call's <see cref="RequestOptions.StripeContext"/>.
/// </summary>
internal static class StripeContextValidator
{
    // Contexts are account ids joined by '/'; the bound only keeps a pasted blob out of a header.
    private const int MaxLength = 1024;

    /// <summary>Why <paramref name="context"/> is not a usable context, or <see langword="null"/> when it is (or is not set).</summary>
    /// <param name="context">The context, or <see langword="null"/> for none.</param>
    /// <param name="settingName">The setting named in the message, such as <c>RequestOptions.StripeContext</c>.</param>
    /// <returns>The problem, without the value itself.</returns>
    public static string? Problem(string? context, string settingName)
    {
        if (context is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(context))
        {
            return $"{settingName} is empty: leave it null, or set an account id (acct_...) or a path of them (acct_1/acct_2).";
        }

        if (context.Length > MaxLength)
        {
            return $"{settingName} is longer than {MaxLength} characters.";
        }

        foreach (var segment in context.Split('/'))
        {
            if (segment.Length == 0)
            {
                return $"{settingName} has an empty segment: separate account ids with a single '/'.";
            }

            foreach (var c in segment)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.'))
                {
                    return $"{settingName} must be account ids (letters, digits and underscores) separated by '/'.";
                }
            }
        }

        return null;
    }
}
