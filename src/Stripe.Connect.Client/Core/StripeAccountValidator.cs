namespace Stripe.Connect.Client;

/// <summary>
/// Checks a connected account id before it becomes the <c>Stripe-Account</c> header: the same rules for the
/// client-wide <see cref="ConnectClientOptions.StripeAccount"/> and a call's <see cref="RequestOptions.StripeAccount"/>.
/// </summary>
internal static class StripeAccountValidator
{
    private const string Prefix = "acct_";

    // Stripe ids are far shorter; the bound only keeps a pasted blob out of a header.
    private const int MaxLength = 255;

    /// <summary>Why <paramref name="account"/> is not a usable account id, or <see langword="null"/> when it is (or is not set).</summary>
    /// <param name="account">The id, or <see langword="null"/> for none.</param>
    /// <param name="settingName">The setting named in the message, such as <c>RequestOptions.StripeAccount</c>.</param>
    /// <returns>The problem, without the value itself.</returns>
    public static string? Problem(string? account, string settingName)
    {
        if (account is null)
        {
            return null;
        }

        if (account.Length == 0 || string.IsNullOrWhiteSpace(account))
        {
            return $"{settingName} is empty: leave it null to act as the platform, or set a connected account id (acct_...).";
        }

        if (char.IsWhiteSpace(account[0]) || char.IsWhiteSpace(account[^1]))
        {
            return $"{settingName} has white space before or after the account id; remove it.";
        }

        if (!account.StartsWith(Prefix, StringComparison.Ordinal) || account.Length == Prefix.Length || account.Length > MaxLength)
        {
            return $"{settingName} must be a connected account id (acct_...).";
        }

        for (var i = Prefix.Length; i < account.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(account[i]) && account[i] != '_')
            {
                return $"{settingName} must be a connected account id: acct_ followed by letters, digits and underscores.";
            }
        }

        return null;
    }
}
