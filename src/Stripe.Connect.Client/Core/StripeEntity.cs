using System.Text;
using System.Text.Json.Serialization;

namespace Stripe.Connect.Client;

/// <summary>
/// Base type of every object the Connect API returns. It carries the HTTP metadata of the response the
/// object came from, which is not part of the object's JSON and does not take part in equality or
/// <see cref="object.ToString"/>.
/// </summary>
public abstract record StripeEntity
{
    /// <summary>
    /// The metadata of the HTTP response this object was read from (request id, status code, headers,
    /// whether Stripe replayed an idempotent response). <see langword="null"/> for objects that were not
    /// returned by a call, such as nested objects, objects built in tests or objects read from a webhook.
    /// </summary>
    [JsonIgnore]
    public StripeResponse? StripeResponse { get; internal set; }

    /// <summary>Compares the JSON-visible content only; the response metadata is ignored.</summary>
    /// <param name="other">The object to compare with.</param>
    /// <returns><see langword="true"/> when both objects have the same runtime type.</returns>
    public virtual bool Equals(StripeEntity? other) => other is not null && EqualityContract == other.EqualityContract;

    /// <inheritdoc />
    public override int GetHashCode() => EqualityContract.GetHashCode();

    /// <summary>Prints nothing of the base type: response metadata is left out of <c>ToString()</c>.</summary>
    /// <param name="builder">The builder that receives the members.</param>
    /// <returns>Always <see langword="false"/>: no member was printed.</returns>
    protected virtual bool PrintMembers(StringBuilder builder) => false;
}
