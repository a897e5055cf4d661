using System.Text.Json;

namespace Stripe.Connect.Client.V2.Core;

/// <summary>Reads a verified thin event payload into its <see cref="EventNotification"/> subclass (JSON DOM, no reflection).</summary>
internal static class EventNotificationParser
{
    public static EventNotification Parse(ReadOnlySpan<byte> utf8Json, DateTimeOffset? signedAt)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8Json.ToArray());
        }
        catch (JsonException ex)
        {
            throw new SignatureVerificationException(SignatureVerificationFailure.InvalidPayload, "The payload is not a Stripe event notification: " + ex.Message, signedAt, ex);
        }

        using (doc)
        {
            var root = doc.RootElement;
            var kind = root.ValueKind == JsonValueKind.Object ? Text(root, "object") : null;
            if (kind == "event")
            {
                throw new SignatureVerificationException(
                    SignatureVerificationFailure.InvalidPayload,
                    "The payload is a snapshot event (object 'event', sent to v1 webhook endpoints); read it with StripeWebhook.ConstructEvent, not ParseEventNotification.",
                    signedAt);
            }

            if (kind != "v2.core.event" || Text(root, "type") is not { Length: > 0 } type || Text(root, "id") is not { } id)
            {
                throw new SignatureVerificationException(
                    SignatureVerificationFailure.InvalidPayload, $"The payload is not a thin event notification (its object is '{kind ?? "null"}', not 'v2.core.event', or it lacks an id or type).", signedAt);
            }

            var notification = EventNotificationTypes.Create(type);
            notification.Id = id;
            notification.Type = type;
            notification.Livemode = root.TryGetProperty("livemode", out var live) && live.ValueKind == JsonValueKind.True;
            notification.Context = Text(root, "context");
            notification.SnapshotEvent = Text(root, "snapshot_event");
            if (root.TryGetProperty("created", out var created) && created.ValueKind == JsonValueKind.String && created.TryGetDateTimeOffset(out var at))
            {
                notification.Created = at;
            }

            if (root.TryGetProperty("reason", out var reason) && reason.ValueKind == JsonValueKind.Object)
            {
                var request = reason.TryGetProperty("request", out var r) && r.ValueKind == JsonValueKind.Object
                    ? new EventNotificationRequest { Id = Text(r, "id"), IdempotencyKey = Text(r, "idempotency_key") }
                    : null;
                notification.Reason = new EventNotificationReason { Type = Text(reason, "type") ?? string.Empty, Request = request };
            }

            if (root.TryGetProperty("related_object", out var related) && related.ValueKind == JsonValueKind.Object)
            {
                notification.RelatedObject = new EventNotificationRelatedObject { Id = Text(related, "id"), Type = Text(related, "type") ?? string.Empty, Url = Text(related, "url") };
            }

            return notification;
        }
    }

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
