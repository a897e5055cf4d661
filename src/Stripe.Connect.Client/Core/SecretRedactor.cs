using System.Text.RegularExpressions;

namespace Stripe.Connect.Client;

/// <summary>
/// Removes anything that looks like a Stripe secret (API keys, webhook secrets, client secrets) from text
/// that may end up in an exception message or a log line, such as a snippet of a proxy's error page.
/// </summary>
internal static partial class SecretRedactor
{
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        return SecretPattern().Replace(text, static m => m.Groups["kind"].Value + "***");
    }

    // sk_/rk_ keys, whsec_ webhook secrets, and client secrets of account sessions (..._secret_...).
    [GeneratedRegex(@"(?<kind>(?:sk|rk)_(?:test|live)_|whsec_|_secret_)[A-Za-z0-9_]+", RegexOptions.CultureInvariant)]
    private static partial Regex SecretPattern();
}
