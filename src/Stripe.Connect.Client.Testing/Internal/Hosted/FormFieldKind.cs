namespace Stripe.Connect.Client.Testing.Internal.Hosted;

/// <summary>The inputs the hosted onboarding form uses.</summary>
internal enum FormFieldKind
{
    Text,
    Email,
    Tel,
    Url,
    Number,
    Select,
    TextArea,
    Checkbox,
}
