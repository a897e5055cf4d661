using System.Text.Json;
using Stripe.Connect.Client.Json;

namespace Stripe.Connect.Client.V2.Core;

/// <summary>
/// Reads a verified thin event payload into its <see cref="EventNotification"/> subclass in one forward pass of a
/// <see cref="Utf8JsonReader"/> over the payload bytes (no DOM, no copy, no reflection). Members this SDK does not
/// know are skipped (still validated); a repeated member keeps its last value, as a DOM lookup would.
/// </summary>
internal static class EventNotificationParser
{
    public static EventNotification Parse(ReadOnlySpan<byte> utf8Json, DateTimeOffset? signedAt)
    {
        Envelope envelope;
        try
        {
            envelope = Read(utf8Json);
        }
        catch (JsonException ex)
        {
            throw new SignatureVerificationException(SignatureVerificationFailure.InvalidPayload, "The payload is not a Stripe event notification: " + ex.Message, signedAt, ex);
        }

        if (envelope.Object == "event")
        {
            throw new SignatureVerificationException(
                SignatureVerificationFailure.InvalidPayload,
                "The payload is a snapshot event (object 'event', sent to v1 webhook endpoints); read it with StripeWebhook.ConstructEvent, not ParseEventNotification.",
                signedAt);
        }

        if (envelope.Object != "v2.core.event" || envelope.Type is not { Length: > 0 } type || envelope.Id is not { } id)
        {
            throw new SignatureVerificationException(
                SignatureVerificationFailure.InvalidPayload, $"The payload is not a thin event notification (its object is '{envelope.Object ?? "null"}', not 'v2.core.event', or it lacks an id or type).", signedAt);
        }

        var notification = EventNotificationTypes.Create(type);
        notification.Id = id;
        notification.Type = type;
        notification.Livemode = envelope.Livemode;
        notification.Context = envelope.Context;
        notification.SnapshotEvent = envelope.SnapshotEvent;
        if (envelope.Created is { } created)
        {
            notification.Created = created;
        }

        notification.Reason = envelope.Reason;
        notification.RelatedObject = envelope.RelatedObject;
        return notification;
    }

    /// <summary>The top-level members; anything but an object at the top leaves them all unset.</summary>
    private static Envelope Read(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        var envelope = default(Envelope);
        if (!reader.Read())
        {
            throw new JsonException("The payload is empty.");
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            JsonReading.Skip(ref reader);
            Finish(ref reader);
            return envelope;
        }

        // The generated record readers' steps: the member's name, then its value, then one branch per known name.
        while (JsonReading.NextMember(ref reader))
        {
            var name = JsonReading.Name(ref reader);
            JsonReading.Value(ref reader);
            if (name.SequenceEqual("id"u8))
            {
                envelope.Id = Text(ref reader);
            }
            else if (name.SequenceEqual("object"u8))
            {
                envelope.Object = Text(ref reader);
            }
            else if (name.SequenceEqual("type"u8))
            {
                envelope.Type = Text(ref reader);
            }
            else if (name.SequenceEqual("livemode"u8))
            {
                envelope.Livemode = reader.TokenType == JsonTokenType.True;
                JsonReading.Skip(ref reader);
            }
            else if (name.SequenceEqual("context"u8))
            {
                envelope.Context = Text(ref reader);
            }
            else if (name.SequenceEqual("snapshot_event"u8))
            {
                envelope.SnapshotEvent = Text(ref reader);
            }
            else if (name.SequenceEqual("created"u8))
            {
                envelope.Created = reader.TokenType == JsonTokenType.String && reader.TryGetDateTimeOffset(out var at) ? at : null;
                JsonReading.Skip(ref reader);
            }
            else if (name.SequenceEqual("reason"u8))
            {
                envelope.Reason = Reason(ref reader);
            }
            else if (name.SequenceEqual("related_object"u8))
            {
                envelope.RelatedObject = RelatedObject(ref reader);
            }
            else
            {
                JsonReading.Skip(ref reader);
            }
        }

        JsonReading.ExpectEndObject(ref reader);
        Finish(ref reader);
        return envelope;
    }

    private static EventNotificationReason? Reason(ref Utf8JsonReader reader)
    {
        if (!IsObject(ref reader))
        {
            return null;
        }

        string? type = null;
        EventNotificationRequest? request = null;
        while (JsonReading.NextMember(ref reader))
        {
            var name = JsonReading.Name(ref reader);
            JsonReading.Value(ref reader);
            if (name.SequenceEqual("type"u8))
            {
                type = Text(ref reader);
            }
            else if (name.SequenceEqual("request"u8))
            {
                request = Request(ref reader);
            }
            else
            {
                JsonReading.Skip(ref reader);
            }
        }

        return new EventNotificationReason { Type = type ?? string.Empty, Request = request };
    }

    private static EventNotificationRequest? Request(ref Utf8JsonReader reader)
    {
        if (!IsObject(ref reader))
        {
            return null;
        }

        string? id = null, idempotencyKey = null;
        while (JsonReading.NextMember(ref reader))
        {
            var name = JsonReading.Name(ref reader);
            JsonReading.Value(ref reader);
            if (name.SequenceEqual("id"u8))
            {
                id = Text(ref reader);
            }
            else if (name.SequenceEqual("idempotency_key"u8))
            {
                idempotencyKey = Text(ref reader);
            }
            else
            {
                JsonReading.Skip(ref reader);
            }
        }

        return new EventNotificationRequest { Id = id, IdempotencyKey = idempotencyKey };
    }

    private static EventNotificationRelatedObject? RelatedObject(ref Utf8JsonReader reader)
    {
        if (!IsObject(ref reader))
        {
            return null;
        }

        string? id = null, type = null, url = null;
        while (JsonReading.NextMember(ref reader))
        {
            var name = JsonReading.Name(ref reader);
            JsonReading.Value(ref reader);
            if (name.SequenceEqual("id"u8))
            {
                id = Text(ref reader);
            }
            else if (name.SequenceEqual("type"u8))
            {
                type = Text(ref reader);
            }
            else if (name.SequenceEqual("url"u8))
            {
                url = Text(ref reader);
            }
            else
            {
                JsonReading.Skip(ref reader);
            }
        }

        return new EventNotificationRelatedObject { Id = id, Type = type ?? string.Empty, Url = url };
    }

    /// <summary>Whether the value the reader stands on is an object (whose members the caller then reads); any other value is skipped.</summary>
    private static bool IsObject(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        JsonReading.Skip(ref reader);
        return false;
    }

    /// <summary>The value the reader stands on when it is a string; any other value is skipped and reads as <see langword="null"/>.</summary>
    private static string? Text(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return reader.GetString();
        }

        JsonReading.Skip(ref reader);
        return null;
    }

    /// <summary>Nothing but white space may follow the top-level value (a DOM parse refuses it too).</summary>
    private static void Finish(ref Utf8JsonReader reader)
    {
        if (reader.Read())
        {
            throw new JsonException("The payload has more than one JSON value.");
        }
    }

    private struct Envelope
    {
        public string? Id;
        public string? Object;
        public string? Type;
        public bool Livemode;
        public string? Context;
        public string? SnapshotEvent;
        public DateTimeOffset? Created;
        public EventNotificationReason? Reason;
        public EventNotificationRelatedObject? RelatedObject;
    }
}
