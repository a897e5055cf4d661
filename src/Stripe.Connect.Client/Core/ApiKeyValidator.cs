namespace Stripe.Connect.Client;

/// <summary>Checks the shape of API keys without ever putting a key into a message.</summary>
internal static class ApiKeyValidator
{
    /// <summary>Returns why the key is unusable, or <see langword="null"/> when its shape is fine.</summary>
    public static string? Problem(string? key, string settingName)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return $"{settingName} is required: set it to a secret key (sk_...) or a restricted key (rk_...) from the Stripe dashboard.";
        }

        // Checked before the prefix: a key read from a file or an environment variable often keeps its line break,
        // and " sk_test_..." would otherwise be reported as not starting with sk_.
        if (char.IsWhiteSpace(key[0]) || char.IsWhiteSpace(key[^1]))
        {
            return $"{settingName} has white space before or after the key (a copied space or line break?); remove it.";
        }

        if (!key.StartsWith("sk_", StringComparison.Ordinal) && !key.StartsWith("rk_", StringComparison.Ordinal))
        {
            return key.StartsWith("pk_", StringComparison.Ordinal)
                ? $"{settingName} is a publishable key; the Connect API needs a secret key (sk_...) or a restricted key (rk_...)."
                : $"{settingName} is not a Stripe secret key: it must start with sk_ or rk_.";
        }

        foreach (var c in key)
        {
            if (c <= ' ' || c >= 0x7F)
            {
                return $"{settingName} contains whitespace or a non-ASCII character; check that it was copied whole.";
            }
        }

        return key.Length < 8 ? $"{settingName} is too short to be a Stripe key." : null;
    }

    /// <summary>Shows the kind of key (sk_test_, rk_live_...) and nothing else.</summary>
    public static string Mask(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return "(none)";
        }

        var secondUnderscore = key.IndexOf('_', 3);
        return secondUnderscore > 0 && secondUnderscore < 8 ? key[..(secondUnderscore + 1)] + "***" : "***";
    }
}
