namespace Stripe.Connect.Client.Testing.Internal.Hosted;

/// <summary>One input of the hosted onboarding form, as rendered: its label, current value and error.</summary>
/// <param name="Name">The form field name (and the input's id).</param>
/// <param name="Label">The visible label, which is also the input's accessible name.</param>
/// <param name="Kind">What input renders it.</param>
internal sealed record FormField(string Name, string Label, FormFieldKind Kind)
{
    public string? Value { get; init; }

    public bool Required { get; init; } = true;

    public string? Autocomplete { get; init; }

    /// <summary>A short help text under the input (for example "On file: ****6789").</summary>
    public string? Hint { get; init; }

    /// <summary>Why the last submission refused this value, or null.</summary>
    public string? Error { get; init; }

    /// <summary>The choices of a <see cref="FormFieldKind.Select"/>, value then text.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Options { get; init; } = [];
}
