namespace Stripe.Connect.Client.V2.Core;

/// <summary>A fetched event and its <c>data</c>, read into the type's own record.</summary>
/// <typeparam name="TData">The record of the event type's extra data.</typeparam>
/// <param name="Event">The full event.</param>
/// <param name="Data">Its data.</param>
public sealed record EventWithData<TData>(Event Event, TData Data)
    where TData : class;
