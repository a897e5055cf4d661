using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// The configuration an <c>AddConnectClient(IConfiguration)</c> call bound the options from, kept so that a failed
/// validation can name the section it read (a missing or misspelled section is the usual cause).
/// </summary>
/// <param name="configuration">The section (or root) given to <c>AddConnectClient</c>.</param>
internal sealed class ConnectClientConfigurationSource(IConfiguration configuration)
{
    /// <summary>Where the options were read, such as <c>configuration section 'StripeConnect'</c>, and whether it exists.</summary>
    /// <returns>A sentence naming the path read; no value from it.</returns>
    public string Describe()
    {
        if (configuration is not IConfigurationSection section)
        {
            return "ConnectClientOptions were read from the root of the configuration (keys such as ApiKey at the top level).";
        }

        return section.Exists()
            ? $"ConnectClientOptions were read from the configuration section '{section.Path}' (the key is {section.Path}:ApiKey, for example)."
            : $"ConnectClientOptions were read from the configuration section '{section.Path}', which does not exist or is empty: check its name and where it is defined (the key would be {section.Path}:ApiKey, for example).";
    }
}
