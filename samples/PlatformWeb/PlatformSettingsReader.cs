namespace PlatformWeb;

/// <summary>Reads <see cref="PlatformSettings"/> from the environment and the command line (<c>--Platform:AccountKind=V1Custom</c>).</summary>
public static class PlatformSettingsReader
{
    /// <summary>The settings from <c>STRIPE_*</c> variables and the <c>Platform</c> section of the environment and command line.</summary>
    public static PlatformSettings Read(string[] args)
    {
        var config = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
        var settings = new PlatformSettings
        {
            SecretKey = config["STRIPE_SECRET_KEY"],
            PublishableKey = config["STRIPE_PUBLISHABLE_KEY"],
            WebhookSecret = config["STRIPE_WEBHOOK_SECRET"],
            ThinWebhookSecret = config["STRIPE_THIN_WEBHOOK_SECRET"],
        };
        if (config["Platform:AccountKind"] is { Length: > 0 } kind)
        {
            settings.AccountKind = Enum.TryParse<AccountKind>(kind, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"Platform:AccountKind must be one of {string.Join(", ", Enum.GetNames<AccountKind>())}.");
        }

        if (config["Platform:Urls"] is { Length: > 0 } urls)
        {
            settings.Urls = urls;
        }

        return settings;
    }
}
