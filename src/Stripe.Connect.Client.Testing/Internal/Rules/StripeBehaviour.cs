namespace Stripe.Connect.Client.Testing.Internal.Rules;

/// <summary>
/// One behaviour the fake models the way Stripe behaves (not a refusal): what it does, and where Stripe documents (or
/// shows) it. The README's table "Behaviour the in-memory API models" lists the same ids; a test keeps the two in step.
/// </summary>
/// <param name="Id">A short stable name.</param>
/// <param name="Summary">What the fake does, in one line.</param>
/// <param name="Source">Where Stripe documents (or shows) it.</param>
internal sealed record StripeBehaviour(string Id, string Summary, string Source);
