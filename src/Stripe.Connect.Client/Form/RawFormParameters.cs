namespace Stripe.Connect.Client.Form;

/// <summary>
/// The parameters of <see cref="ConnectClient.RawRequestAsync"/>: pairs whose keys are already in bracket form
/// (<c>metadata[order]</c>, <c>expand[]</c>). As an <see cref="IFormEncodable"/>, they go through the same encoding
/// step as a typed request record.
/// </summary>
/// <param name="pairs">The pairs, in the order they are sent; a <see langword="null"/> value is sent as empty.</param>
internal sealed class RawFormParameters(IEnumerable<KeyValuePair<string, string>> pairs) : IFormEncodable
{
    public void WriteForm(FormWriter writer)
    {
        foreach (var pair in pairs)
        {
            writer.AddRaw(pair.Key, pair.Value ?? string.Empty);
        }
    }
}
