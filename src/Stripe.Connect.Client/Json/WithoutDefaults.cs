namespace Stripe.Connect.Client.Json;

/// <summary>
/// Selects a generated record's internal constructor that leaves the members defaulting to a new instance
/// (<c>new StripeList&lt;T&gt;()</c>, a nested record) unset. Only the generated readers use it: the JSON nearly always
/// carries those members, so building the defaults first was an allocation thrown away per member, and the reader
/// gives every member the JSON lacked its default before it returns the record.
/// </summary>
internal readonly struct WithoutDefaults;
