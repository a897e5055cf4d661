using System.Text;

namespace Stripe.Connect.Client.Generator;

/// <summary>Turns wire names into C# names and human phrases, and C# names back into words.</summary>
internal static class Words
{
    /// <summary><c>account_onboarding</c> → <c>AccountOnboarding</c>; <c>rejected.fraud</c> → <c>RejectedFraud</c>; <c>3d_secure</c> → <c>Value3dSecure</c>.</summary>
    public static string Pascal(string wire)
    {
        var sb = new StringBuilder(wire.Length);
        var upper = true;
        foreach (var c in wire)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(upper ? char.ToUpperInvariant(c) : c);
                upper = false;
            }
            else
            {
                upper = true;
            }
        }

        if (sb.Length > 0 && char.IsAsciiDigit(sb[0]))
        {
            sb.Insert(0, "Value");
        }

        return sb.ToString();
    }

    /// <summary>The PascalCase words of a name: <c>AccountRequirementsError</c> → <c>Account</c>, <c>Requirements</c>, <c>Error</c>.</summary>
    public static List<string> Split(string pascal)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= pascal.Length; i++)
        {
            if (i == pascal.Length || (char.IsAsciiLetterUpper(pascal[i]) && !char.IsAsciiLetterUpper(pascal[i - 1])))
            {
                words.Add(pascal[start..i]);
                start = i;
            }
        }

        return words;
    }

    /// <summary><c>account_holder_name</c> → <c>account holder name</c>.</summary>
    public static string Human(string wire)
    {
        var sb = new StringBuilder(wire.Length);
        foreach (var c in wire)
        {
            sb.Append(c is '_' or '.' or '-' ? ' ' : c);
        }

        return sb.ToString();
    }

    /// <summary><c>ApplicationFeeRefund</c> → <c>application fee refund</c>.</summary>
    public static string HumanFromPascal(string pascal) => string.Join(' ', Split(pascal)).ToLowerInvariant();

    public static string Article(string phrase) => phrase.Length > 0 && "aeiou".Contains(phrase[0], StringComparison.Ordinal) ? "an " + phrase : "a " + phrase;

    public static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
        return sb.ToString();
    }
}
