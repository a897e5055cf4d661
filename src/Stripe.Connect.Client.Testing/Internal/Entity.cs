using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>A stored object with what the fake needs besides its JSON: order of creation and who owns it.</summary>
internal sealed class Entity
{
    public Entity(string id, JsonObject data, long sequence, string? scope, string? parent)
    {
        Id = id;
        Data = data;
        Sequence = sequence;
        Scope = scope;
        Parent = parent;
    }

    public string Id { get; }

    public JsonObject Data { get; }

    /// <summary>Strictly increasing, so objects created within the same second still sort newest first.</summary>
    public long Sequence { get; }

    /// <summary>The connected account whose <c>Stripe-Account</c> header created it, or null for the platform.</summary>
    public string? Scope { get; }

    /// <summary>The owning object (the account of a person, the transfer of a reversal...), if any.</summary>
    public string? Parent { get; }

    public long Created => Data["created"] is JsonValue v && v.TryGetValue<long>(out var c) ? c : 0;
}
