namespace Stripe.Connect.Client;

/// <summary>An API object with a unique identifier, such as <c>acct_123</c>.</summary>
public interface IHasId
{
    /// <summary>The object's unique identifier.</summary>
    string Id { get; }
}
