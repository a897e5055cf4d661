namespace Stripe.Connect.Client.Testing;

/// <summary>
/// One signed delivery of an event to a webhook endpoint, as an in-process callback receives it: the body and the
/// <c>Stripe-Signature</c> header exactly as they would arrive over HTTP.
/// </summary>
/// <param name="EndpointId">The <c>we_</c> id of the endpoint.</param>
/// <param name="Url">The endpoint's URL.</param>
/// <param name="EventId">The <c>evt_</c> id of the event.</param>
/// <param name="EventType">The event type, for example <c>payout.paid</c>.</param>
/// <param name="Payload">The request body: the event's JSON. Verify these exact characters.</param>
/// <param name="SignatureHeader">The <c>Stripe-Signature</c> header, <c>t=...,v1=...</c>, signed with the endpoint's secret.</param>
/// <param name="Attempt">1 for the first attempt, then 2, 3, ... for retries.</param>
public sealed record WebhookDelivery(
    string EndpointId,
    string Url,
    string EventId,
    string EventType,
    string Payload,
    string SignatureHeader,
    int Attempt);
