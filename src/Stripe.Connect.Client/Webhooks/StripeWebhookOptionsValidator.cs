using Microsoft.Extensions.Options;
using Stripe.Connect.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Validates <see cref="StripeWebhookOptions"/> with messages that name the bad setting and never show a secret.</summary>
internal sealed class StripeWebhookOptionsValidator : IValidateOptions<StripeWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, StripeWebhookOptions options)
    {
        var problems = options.Validate();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
