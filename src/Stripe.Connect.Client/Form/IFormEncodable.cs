namespace Stripe.Connect.Client.Form;

/// <summary>
/// A request (or a nested part of one) that writes itself as form fields. Generated request records implement
/// it; the writer carries the key prefix of nested objects.
/// </summary>
internal interface IFormEncodable
{
    /// <summary>Writes every parameter that is set; <see langword="null"/> members are not sent.</summary>
    /// <param name="writer">The writer positioned at this object's key prefix.</param>
    void WriteForm(FormWriter writer);
}
