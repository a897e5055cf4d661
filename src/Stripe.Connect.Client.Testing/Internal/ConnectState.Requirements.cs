using System.Text.Json.Nodes;
using Stripe.Connect.Client.Testing.Internal.Requirements;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// The v1 requirements model. For accounts whose requirements the platform collects (Custom, or
/// <c>controller.requirement_collection=application</c>) and for Express accounts, every change recomputes
/// <c>requirements</c> (currently, past and eventually due, pending verification, errors, alternatives, the
/// deadline, the disabled reason), each capability's status and requirements, and <c>details_submitted</c>, from
/// what the account still lacks (<see cref="RequirementCatalog"/>); the changes are written as
/// <c>capability.updated</c> and <c>account.updated</c> events. Standard accounts keep the simple model: a requested
/// capability is pending until a helper (or the activation delay) activates it.
/// </summary>
internal sealed partial class ConnectState
{
    /// <summary>Capabilities a test approved (<see cref="ActivateCapabilities"/>, the activation delay): their minimum requirements are waived.</summary>
    private readonly HashSet<string> _approvedCapabilities = new(StringComparer.Ordinal);

    /// <summary>Accounts past a verification threshold: their eventually-due fields are due by this Unix time.</summary>
    private readonly Dictionary<string, long> _thresholds = new(StringComparer.Ordinal);

    private int _changeDepth;

    /// <summary>True for accounts whose requirements this model computes (Custom, controller-collected, Express).</summary>
    private bool TracksRequirements(Entity account)
    {
        if (account == Platform)
        {
            return false;
        }

        var controller = account.Data["controller"] as JsonObject;
        return controller?["requirement_collection"]?.GetValue<string>() == "application"
            || controller?["stripe_dashboard"]?["type"]?.GetValue<string>() == "express";
    }

    /// <summary>
    /// Runs a change to an account (or to objects under it), then recomputes its requirements and capabilities and
    /// writes <c>capability.updated</c> for each capability that changed and <c>account.updated</c> when the account
    /// as rendered changed. Nested calls only run their change: the outermost one reports.
    /// </summary>
    private T ChangeAccount<T>(Entity account, Call? call, Func<T> change, bool created = false)
    {
        if (_changeDepth > 0)
        {
            var inner = change();
            Refresh(account);
            return inner;
        }

        var before = created ? null : RenderAccount(account);
        var capabilitiesBefore = CapabilitiesOf(account.Id).ToDictionary(c => c.Id, c => c.Data.Clone(), StringComparer.Ordinal);
        T result;
        _changeDepth++;
        try
        {
            result = change();
            Refresh(account);
        }
        finally
        {
            _changeDepth--;
        }

        if (_accounts.Find(account.Id) is null && account != Platform)
        {
            return result;
        }

        var scope = EventScope(account.Id);
        foreach (var capability in CapabilitiesOf(account.Id).ToList())
        {
            var old = capabilitiesBefore.GetValueOrDefault(capability.Id) ?? NewCapability(account.Id, capability.Data.Str("id")!);
            EmitUpdate("capability.updated", scope, old, capability.Data, call);
        }

        if (before is not null)
        {
            EmitUpdate("account.updated", scope, before, RenderAccount(account), call);
        }

        SyncV2Accounts(call);
        return result;
    }

    private void ChangeAccount(Entity account, Call? call, Action change, bool created = false) =>
        ChangeAccount(account, call, () =>
        {
            change();
            return true;
        }, created);

    /// <summary>Makes the eventually-due fields currently due, to be provided by <paramref name="deadline"/> (Unix time).</summary>
    public void ReachThreshold(Entity account, long deadline)
    {
        ChangeAccount(account, null, () => _thresholds[account.Id] = deadline);
        Schedule(DateTimeOffset.FromUnixTimeSeconds(deadline), () =>
        {
            if (_accounts.Find(account.Id) is { } current)
            {
                ChangeAccount(current, null, () => { });
            }
        });
    }

    /// <summary>Recomputes requirements, capability statuses and <c>details_submitted</c> of a tracked account.</summary>
    private void Refresh(Entity account)
    {
        if (!TracksRequirements(account))
        {
            return;
        }

        var data = account.Data;
        var country = data.Str("country") ?? "US";
        var businessType = data.Str("business_type");
        var isCompany = businessType is "company" or "non_profit";
        var representative = isCompany ? Representative(account.Id) : null;
        var personPrefix = isCompany ? representative?.Str("id") ?? "representative" : "individual";
        string Name(string field) =>
            representative is not null && field.StartsWith("representative.", StringComparison.Ordinal)
                ? representative.Str("id") + field["representative".Length..]
                : field;

        var missing = RequirementCatalog.Minimum(country, businessType).Where(f => !IsProvided(account, f, representative)).Select(Name).ToList();
        var missingLater = RequirementCatalog.Eventually(country, businessType).Where(f => !IsProvided(account, f, representative)).Select(Name).ToList();
        var verification = VerificationState.Of(isCompany ? representative : data["individual"] as JsonObject);
        var document = personPrefix + "." + RequirementCatalog.IdentityDocument;
        var externalMissing = missing.Remove(RequirementCatalog.ExternalAccount);

        long? deadline = _thresholds.TryGetValue(account.Id, out var d) && missingLater.Count > 0 ? d : null;
        var thresholdPassed = deadline is { } due && Now >= due;
        var thresholdFields = deadline is null ? [] : missingLater;
        var capabilityFields = new List<string>(missing);
        if (verification.Failed)
        {
            capabilityFields.Add(document);
        }

        var pendingFields = verification.Pending ? new List<string>(missingLater) { document } : [];
        var accountLists = new RequirementLists();
        var anyRequested = false;
        foreach (var capability in CapabilitiesOf(account.Id))
        {
            var lists = new RequirementLists();
            string status;
            if (capability.Data.Bool("requested") != true)
            {
                status = "unrequested";
            }
            else
            {
                anyRequested = true;
                var approved = _approvedCapabilities.Contains(capability.Id);
                lists.CurrentlyDue.UnionWith(thresholdFields);
                if (thresholdPassed)
                {
                    lists.PastDue.UnionWith(thresholdFields);
                }

                lists.EventuallyDue.UnionWith(missing);
                lists.EventuallyDue.UnionWith(missingLater);
                if (!approved)
                {
                    lists.CurrentlyDue.UnionWith(capabilityFields);
                    lists.PastDue.UnionWith(capabilityFields);
                    lists.EventuallyDue.UnionWith(capabilityFields);
                    lists.PendingVerification.UnionWith(pendingFields);
                }

                status = lists.PastDue.Count > 0 ? "inactive" : !approved && verification.Pending ? "pending" : "active";
                if (!thresholdPassed && lists.CurrentlyDue.Overlaps(thresholdFields))
                {
                    lists.Deadline = deadline;
                }

                lists.DisabledReason = status switch
                {
                    "inactive" => "requirements.fields_needed",
                    "pending" => "pending.review",
                    _ => null,
                };
                accountLists.Add(lists);
            }

            capability.Data["status"] = status;
            capability.Data["requirements"] = lists.ToJson(errors: null);
        }

        if (anyRequested && externalMissing)
        {
            accountLists.CurrentlyDue.Add(RequirementCatalog.ExternalAccount);
            accountLists.PastDue.Add(RequirementCatalog.ExternalAccount);
            accountLists.EventuallyDue.Add(RequirementCatalog.ExternalAccount);
        }

        var capabilityStatuses = CapabilitiesOf(account.Id).Where(c => c.Data.Bool("requested") == true).Select(c => c.Data.Str("status")).ToList();
        var current = data["requirements"]?["disabled_reason"]?.GetValue<string>();
        accountLists.DisabledReason = current is not null && current.StartsWith("rejected.", StringComparison.Ordinal)
            ? current
            : capabilityStatuses.Contains("inactive") ? "requirements.past_due"
            : capabilityStatuses.Contains("pending") ? "requirements.pending_verification"
            : null;
        JsonArray? errors = null;
        if (verification.Failed && accountLists.CurrentlyDue.Contains(document))
        {
            // JsonNode, not JsonObject: the generic Add<T> would need reflection (not trimming-safe).
            errors = new JsonArray((JsonNode)new JsonObject { ["code"] = verification.ErrorCode, ["reason"] = verification.Reason, ["requirement"] = document });
        }

        data["requirements"] = accountLists.ToJson(errors);
        if (anyRequested && accountLists.CurrentlyDue.Count == 0)
        {
            // Once everything asked for has been given, the details count as submitted for good.
            data["details_submitted"] = true;
        }
    }

    /// <summary>The person with <c>relationship.representative</c>, the one a company's requirements name.</summary>
    private JsonObject? Representative(string accountId) =>
        _persons.ChildrenOf(accountId).FirstOrDefault(p => p.Data["relationship"]?["representative"] is JsonValue v && v.TryGetValue<bool>(out var b) && b)?.Data;

    /// <summary>Whether the account (or its representative) has a value for one requirement.</summary>
    private bool IsProvided(Entity account, string requirement, JsonObject? representative)
    {
        var data = account.Data;
        switch (requirement)
        {
            case RequirementCatalog.ExternalAccount:
                return ExternalAccountsOf(account.Id).Any();
            case "business_profile.url":
                // Stripe's alternative: a product description stands in for a website.
                return HasValue(data, "business_profile.url") || HasValue(data, "business_profile.product_description");
            case "company.tax_id":
                return data["company"]?["tax_id_provided"] is JsonValue t && t.TryGetValue<bool>(out var provided) && provided;
        }

        var dot = requirement.IndexOf('.', StringComparison.Ordinal);
        var root = dot < 0 ? requirement : requirement[..dot];
        var (target, path) = root switch
        {
            "individual" => (data["individual"] as JsonObject, requirement[(dot + 1)..]),
            "representative" => (representative, requirement[(dot + 1)..]),
            _ => (data, requirement),
        };
        if (target is null)
        {
            return false;
        }

        return path switch
        {
            "ssn_last_4" => target.Bool("ssn_last_4_provided") == true || target.Bool("id_number_provided") == true,
            "id_number" => target.Bool("id_number_provided") == true,
            _ => HasValue(target, path),
        };
    }

    private static bool HasValue(JsonObject obj, string path)
    {
        JsonNode? node = obj;
        foreach (var segment in path.Split('.'))
        {
            node = (node as JsonObject)?[segment];
        }

        return node is JsonValue v && (!v.TryGetValue<string>(out var s) || s.Length > 0);
    }

    /// <summary>One set of requirement lists, for an account or for one capability.</summary>
    private sealed class RequirementLists
    {
        public SortedSet<string> CurrentlyDue { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> PastDue { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> EventuallyDue { get; } = new(StringComparer.Ordinal);

        public SortedSet<string> PendingVerification { get; } = new(StringComparer.Ordinal);

        public long? Deadline { get; set; }

        public string? DisabledReason { get; set; }

        public void Add(RequirementLists other)
        {
            CurrentlyDue.UnionWith(other.CurrentlyDue);
            PastDue.UnionWith(other.PastDue);
            EventuallyDue.UnionWith(other.EventuallyDue);
            PendingVerification.UnionWith(other.PendingVerification);
            if (other.Deadline is { } deadline && (Deadline is null || deadline < Deadline))
            {
                Deadline = deadline;
            }
        }

        public JsonObject ToJson(JsonArray? errors)
        {
            var alternatives = new JsonArray();
            if (CurrentlyDue.Contains("business_profile.url"))
            {
                alternatives.Add((JsonNode)new JsonObject
                {
                    ["alternative_fields_due"] = new JsonArray("business_profile.product_description"),
                    ["original_fields_due"] = new JsonArray("business_profile.url"),
                });
            }

            return new JsonObject
            {
                ["alternatives"] = alternatives,
                ["current_deadline"] = Deadline,
                ["currently_due"] = Strings(CurrentlyDue),
                ["disabled_reason"] = DisabledReason,
                ["errors"] = errors ?? [],
                ["eventually_due"] = Strings(EventuallyDue),
                ["past_due"] = Strings(PastDue),
                ["pending_verification"] = Strings(PendingVerification),
            };
        }

        private static JsonArray Strings(IEnumerable<string> values)
        {
            var array = new JsonArray();
            foreach (var value in values)
            {
                array.Add((JsonNode)JsonValue.Create(value));
            }

            return array;
        }
    }
}
