using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// A v2 account's requirement entries, read from the v1 requirements of the same account. Every v1 field becomes one
/// entry under its v2 name, at its most urgent v1 list: <c>past_due</c>, then <c>currently_due</c> (both awaiting the
/// user), then <c>pending_verification</c> (awaiting Stripe: provided, under review), then <c>eventually_due</c>
/// (awaiting the user, not yet needed). v1's errors (requirement, code, reason) become the errors of their entry.
/// </summary>
internal sealed partial class ConnectState
{
    private static readonly (string List, string AwaitingActionFrom, string Status)[] V1Lists =
    [
        ("past_due", "user", "past_due"),
        ("currently_due", "user", "currently_due"),
        ("pending_verification", "stripe", "currently_due"),
        ("eventually_due", "user", "eventually_due"),
    ];

    private static readonly string[] DeadlineUrgency = ["past_due", "currently_due", "eventually_due"];

    private JsonArray RequirementEntries(Entity account, JsonObject v1, V2AccountSide side)
    {
        var requirements = v1["requirements"] as JsonObject;
        var placed = new SortedDictionary<string, (string From, string Status)>(StringComparer.Ordinal);
        foreach (var (list, from, status) in V1Lists)
        {
            foreach (var field in requirements?[list] as JsonArray ?? [])
            {
                placed.TryAdd(V2Requirement(field!.GetValue<string>()), (from, status));
            }
        }

        var errors = new Dictionary<string, JsonArray>(StringComparer.Ordinal);
        foreach (var error in requirements?["errors"] as JsonArray ?? [])
        {
            var description = V2Requirement(error!["requirement"]!.GetValue<string>());
            if (!errors.TryGetValue(description, out var list))
            {
                errors[description] = list = [];
            }

            list.Add((JsonNode)new JsonObject { ["code"] = error["code"]?.DeepClone(), ["description"] = error["reason"]?.DeepClone() });
        }

        var entries = new JsonArray();
        foreach (var (description, (from, status)) in placed)
        {
            var restricts = new JsonArray();
            foreach (var (configuration, capability) in side.Capabilities)
            {
                if (CapabilityOf(account, configuration, capability) != "active")
                {
                    restricts.Add((JsonNode)new JsonObject { ["capability"] = capability, ["configuration"] = configuration, ["deadline"] = new JsonObject { ["status"] = status } });
                }
            }

            entries.Add((JsonNode)new JsonObject
            {
                ["awaiting_action_from"] = from,
                ["description"] = description,
                ["errors"] = errors.GetValueOrDefault(description) ?? [],
                ["impact"] = new JsonObject { ["restricts_capabilities"] = restricts },
                ["minimum_deadline"] = new JsonObject { ["status"] = status },
                ["requested_reasons"] = new JsonArray(new JsonObject { ["code"] = "routine_onboarding" }),
            });
        }

        return entries;
    }

    /// <summary>The most urgent deadline status over all entries (null when there are none), with v1's <c>current_deadline</c> as its time.</summary>
    private static JsonObject RequirementsSummary(JsonArray entries, JsonObject v1)
    {
        var statuses = entries.Select(e => e!["minimum_deadline"]!["status"]!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
        var most = DeadlineUrgency.FirstOrDefault(statuses.Contains);
        if (most is null)
        {
            return new JsonObject { ["minimum_deadline"] = null };
        }

        var deadline = new JsonObject { ["status"] = most };
        if (v1["requirements"]?["current_deadline"] is JsonValue time && time.TryGetValue<long>(out var unix))
        {
            deadline["time"] = V2Time(unix);
        }

        return new JsonObject { ["minimum_deadline"] = deadline };
    }

    /// <summary>True while the user has something due now: what keeps a requested capability restricted rather than pending.</summary>
    private static bool BlocksNow(JsonArray entries) =>
        entries.Any(e => e!["awaiting_action_from"]!.GetValue<string>() == "user" && e["minimum_deadline"]!["status"]!.GetValue<string>() != "eventually_due");
}
