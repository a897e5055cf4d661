namespace Stripe.Connect.Client.Testing.Internal.Hosted;

/// <summary>A group of inputs rendered as a fieldset with a legend (such as "Date of birth").</summary>
/// <param name="Title">The legend.</param>
/// <param name="Fields">The inputs, in order.</param>
internal sealed record FormSection(string Title, IReadOnlyList<FormField> Fields);
