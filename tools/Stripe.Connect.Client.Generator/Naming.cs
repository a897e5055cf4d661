using System.Text;

namespace Stripe.Connect.Client.Generator;

/// <summary>Turns wire names into C# names and human phrases.</summary>
internal static class Naming
{
    /// <summary><c>account_onboarding</c> → <c>AccountOnboarding</c>; <c>rejected.fraud</c> → <c>RejectedFraud</c>; <c>apps.secret</c> → <c>AppsSecret</c>.</summary>
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

    /// <summary>
    /// The name of a request record shared by every parameter with this <c>title</c>: <c>capability_param</c> → <c>CapabilityOptions</c>,
    /// <c>company_specs</c> → <c>CompanyOptions</c>, <c>company_ownership_declaration</c> → <c>CompanyOwnershipDeclarationOptions</c>.
    /// </summary>
    public static string SharedOptions(string title)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["_specs", "_param"])
        {
            if (title.EndsWith(suffix, StringComparison.Ordinal) && title.Length > suffix.Length)
            {
                title = title[..^suffix.Length];
                break;
            }
        }

        return Pascal(title) + "Options";
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
    public static string HumanFromPascal(string pascal)
    {
        var sb = new StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsAsciiLetterUpper(c) && i > 0)
            {
                sb.Append(' ');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    public static string Article(string phrase) => phrase.Length > 0 && "aeiou".Contains(phrase[0], StringComparison.Ordinal) ? "an " + phrase : "a " + phrase;

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
