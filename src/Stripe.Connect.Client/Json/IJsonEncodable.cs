using System.Text.Json;

namespace Stripe.Connect.Client.Json;

/// <summary>
/// A v2 request (or a nested part of one) that writes itself as one JSON object: generated code calling
/// <see cref="Utf8JsonWriter"/> directly, with no reflection. The v2 sibling of the form encoding of v1.
/// </summary>
internal interface IJsonEncodable
{
    /// <summary>Writes the object, braces included; members left <see langword="null"/> are not written.</summary>
    /// <param name="writer">The writer, positioned where the value goes.</param>
    void WriteJson(Utf8JsonWriter writer);
}
