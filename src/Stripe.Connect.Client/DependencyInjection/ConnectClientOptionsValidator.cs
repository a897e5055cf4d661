using Microsoft.Extensions.Options;
using Stripe.Connect.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Validates <see cref="ConnectClientOptions"/> with messages that name the bad setting and never show the key.</summary>
internal sealed class ConnectClientOptionsValidator : IValidateOptions<ConnectClientOptions>
{
    public ValidateOptionsResult Validate(string? name, ConnectClientOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
