namespace Stripe.Connect.Client.Form;

/// <summary>
/// Parameters that are already form-encoded, such as a list query with its page cursor moved: written as they are,
/// so auto-paging goes through the same preparation step as every other call without encoding the request again.
/// </summary>
/// <param name="encoded">The encoded text (<c>limit=10&amp;starting_after=acct_1</c>).</param>
internal sealed class EncodedFormParameters(string encoded) : IFormEncodable
{
    public void WriteForm(FormWriter writer) => writer.AppendEncoded(encoded);
}
