using Microsoft.Extensions.Options;
using Stripe.Connect.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Validates <see cref="ConnectClientOptions"/> with messages that name the bad setting and never show the key; when the
/// options came from configuration, the message also names the section that was read.
/// </summary>
/// <param name="sources">The configuration sections the options were bound from, if any.</param>
internal sealed class ConnectClientOptionsValidator(IEnumerable<ConnectClientConfigurationSource> sources) : IValidateOptions<ConnectClientOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectClientOptions options)
    {
        var problems = options.Validate();
        if (problems.Count == 0)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>(problems);
        foreach (var source in sources)
        {
            failures.Add(source.Describe());
        }

        return ValidateOptionsResult.Fail(failures);
    }
}
