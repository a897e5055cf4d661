using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Stripe.Connect.Client;

/// <summary>
/// Removes anything that looks like a Stripe secret (API keys, webhook secrets, client secrets) from text
/// that may end up in an exception message, a log line, an activity tag or <c>ToString()</c>: every string a
/// server supplies (error fields, the raw body, the <c>Request-Id</c> header, a redirect's host) goes through here.
/// </summary>
internal static partial class SecretRedactor
{
    /// <summary>The text with every secret replaced by its kind and <c>***</c>; the text itself when it holds none.</summary>
    /// <param name="text">The text, possibly <see langword="null"/>.</param>
    /// <returns>The redacted text; <see cref="string.Empty"/> for <see langword="null"/>.</returns>
    public static string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? string.Empty;
        }

        // Runs on every response (the request id), so the regular expression only runs on text that may hold a secret.
        if (!MayHoldSecret(text))
        {
            return text;
        }

        return RedactMatches(text);
    }

    /// <summary>
    /// The regular-expression pass, kept out of <see cref="Redact"/> so the common call (text without any secret, such
    /// as every request id) does not load System.Text.RegularExpressions into a fresh process.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static string RedactMatches(string text)
    {
        // A JSON body may spell a key with escapes (sk\u005ftest\u005f...), which the pattern cannot see: the escapes
        // of letters, digits and underscores are decoded first, and that form is kept only when it hid a secret.
        var source = text.Contains("\\u", StringComparison.Ordinal)
            ? EscapedWordCharacter().Replace(text, static m => DecodeWordCharacter(m))
            : text;
        var redacted = SecretPattern().Replace(source, static m => m.Groups["kind"].Value + "***");
        return string.Equals(redacted, source, StringComparison.Ordinal) ? text : redacted;
    }

    /// <summary><see cref="Redact"/>, keeping <see langword="null"/> as <see langword="null"/>.</summary>
    /// <param name="text">The text, possibly <see langword="null"/>.</param>
    /// <returns>The redacted text, or <see langword="null"/>.</returns>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? RedactOrNull(string? text) => text is null ? null : Redact(text);

    private static bool MayHoldSecret(string text) =>
        text.Contains("k_test_", StringComparison.Ordinal)
        || text.Contains("k_live_", StringComparison.Ordinal)
        || text.Contains("whsec_", StringComparison.Ordinal)
        || text.Contains("_secret_", StringComparison.Ordinal)
        || text.Contains("\\u", StringComparison.Ordinal);

    private static string DecodeWordCharacter(Match match)
    {
        var c = (char)int.Parse(match.Groups["hex"].ValueSpan, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        return char.IsAsciiLetterOrDigit(c) || c == '_' ? c.ToString() : match.Value;
    }

    // sk_/rk_ keys, whsec_ webhook secrets, and client secrets of account sessions (..._secret_...).
    [GeneratedRegex(@"(?<kind>(?:sk|rk)_(?:test|live)_|whsec_|_secret_)[A-Za-z0-9_]+", RegexOptions.CultureInvariant)]
    private static partial Regex SecretPattern();

    [GeneratedRegex(@"\\u(?<hex>[0-9A-Fa-f]{4})", RegexOptions.CultureInvariant)]
    private static partial Regex EscapedWordCharacter();
}
