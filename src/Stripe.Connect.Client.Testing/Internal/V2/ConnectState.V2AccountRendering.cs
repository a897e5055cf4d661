using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>A v2 account as the API answers it: its configurations, identity, requirement entries and capability statuses, read from the v1 account.</summary>
internal sealed partial class ConnectState
{
    /// <summary>The sections of an account a call asked for with <c>include</c>; the rest are left out, as Stripe does.</summary>
    private static string[] Includes(Call call) =>
        call.Params["include"] is JsonArray include ? [.. include.Select(i => i!.GetValue<string>())] : [];

    private JsonObject RenderV2Account(Entity account, IReadOnlyCollection<string> include)
    {
        var side = _v2Accounts[account.Id];
        var v1 = RenderAccount(account);
        var result = new JsonObject
        {
            ["id"] = account.Id,
            ["object"] = "v2.core.account",
            ["applied_configurations"] = new JsonArray([.. side.Applied.Order(StringComparer.Ordinal).Select(a => (JsonNode?)JsonValue.Create(a))]),
            ["closed"] = side.Closed,
            ["contact_email"] = v1.Str("email"),
            ["created"] = side.Created,
            ["dashboard"] = side.Dashboard,
            ["display_name"] = v1["business_profile"]?["name"]?.GetValue<string>(),
            ["livemode"] = false,
            ["metadata"] = v1["metadata"]?.DeepClone() ?? new JsonObject(),
        };
        var entries = RequirementEntries(account, v1, side);
        if (include.Contains("requirements"))
        {
            result["requirements"] = new JsonObject
            {
                ["entries"] = entries,
                ["summary"] = RequirementsSummary(entries, v1),
            };
        }

        if (include.Contains("future_requirements"))
        {
            result["future_requirements"] = new JsonObject { ["entries"] = new JsonArray() };
        }

        if (include.Contains("identity"))
        {
            result["identity"] = RenderIdentity(v1);
        }

        if (include.Contains("defaults"))
        {
            result["defaults"] = new JsonObject { ["currency"] = v1.Str("default_currency"), ["locales"] = new JsonArray() };
        }

        var configuration = new JsonObject();
        foreach (var name in Configurations)
        {
            if (!include.Contains("configuration." + name))
            {
                continue;
            }

            var capabilities = new JsonObject();
            foreach (var (config, capability) in side.Capabilities.Where(c => c.Configuration == name).OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                var status = new JsonObject { ["status"] = CapabilityStatus(account, config, capability, entries, side), ["status_details"] = new JsonArray() };
                var dot = capability.IndexOf('.', StringComparison.Ordinal);
                if (dot < 0)
                {
                    capabilities[capability] = status;
                }
                else
                {
                    capabilities[capability[..dot]] ??= new JsonObject();
                    capabilities[capability[..dot]]![capability[(dot + 1)..]] = status;
                }
            }

            var section = new JsonObject { ["applied"] = side.Applied.Contains(name), ["capabilities"] = capabilities };
            if (name == "merchant" && v1["business_profile"]?["mcc"] is JsonValue mcc)
            {
                section["mcc"] = mcc.GetValue<string>();
            }

            configuration[name] = section;
        }

        if (configuration.Count > 0)
        {
            result["configuration"] = configuration;
        }

        return result;
    }

    private static JsonObject RenderIdentity(JsonObject v1)
    {
        var identity = new JsonObject { ["country"] = v1.Str("country") };
        if (v1.Str("business_type") is { } type)
        {
            identity["entity_type"] = type;
        }

        if (v1["individual"] is JsonObject individual)
        {
            var person = new JsonObject();
            void Copy(string v1Name, string name)
            {
                if (individual.Str(v1Name) is { } value)
                {
                    person[name] = value;
                }
            }

            Copy("first_name", "given_name");
            Copy("last_name", "surname");
            Copy("email", "email");
            Copy("phone", "phone");
            if (individual["address"] is JsonObject address)
            {
                person["address"] = address.DeepClone();
            }

            if (individual["dob"] is JsonObject dob && dob["year"] is not null)
            {
                person["date_of_birth"] = dob.DeepClone();
            }

            identity["individual"] = person;
        }

        if (v1["company"] is JsonObject company && company.Str("name") is { } companyName)
        {
            identity["business_details"] = new JsonObject { ["registered_name"] = companyName };
        }

        return identity;
    }

    /// <summary>The v1 requirement fields, named as v2 names them.</summary>
    private static string V2Requirement(string v1Field)
    {
        var (prefix, rest) = v1Field.IndexOf('.', StringComparison.Ordinal) is var dot and > 0 ? (v1Field[..dot], v1Field[(dot + 1)..]) : (v1Field, string.Empty);
        return (prefix, rest.Split('.')[0]) switch
        {
            ("business_type", _) => "identity.entity_type",
            ("individual", "first_name") => "identity.individual.given_name",
            ("individual", "last_name") => "identity.individual.surname",
            ("individual", "dob") => "identity.individual.date_of_birth",
            ("individual", "address") => "identity.individual.address",
            ("individual", "id_number" or "ssn_last_4") => "identity.individual.id_numbers",
            ("individual", "verification") => "identity.individual.documents.primary_verification",
            ("individual", var f) => "identity.individual." + f,
            ("company", "name") => "identity.business_details.registered_name",
            ("company", "address") => "identity.business_details.address",
            ("company", "tax_id") => "identity.business_details.id_numbers",
            ("company", var f) => "identity.business_details." + f,
            ("tos_acceptance", _) => "identity.attestations.terms_of_service.account",
            ("business_profile", "mcc") => "configuration.merchant.mcc",
            ("business_profile", "url") => "defaults.profile.business_url",
            ("business_profile", var f) => "defaults.profile." + f,
            ("external_account", _) => "configuration.recipient.default_outbound_destination",
            _ => v1Field,
        };
    }

    private string? CapabilityOf(Entity account, string configuration, string capability) =>
        _capabilities.Find(CapabilityKey(account.Id, V1Capability(configuration, capability)))?.Data.Str("status");

    /// <summary>v1 active is active; a requested capability waits as restricted while requirements are due, then as pending.</summary>
    private string CapabilityStatus(Entity account, string configuration, string capability, JsonArray entries, V2AccountSide side) =>
        side.Closed || !side.Applied.Contains(configuration) ? "restricted"
        : CapabilityOf(account, configuration, capability) switch
        {
            "active" => "active",
            _ when BlocksNow(entries) => "restricted",
            _ => "pending",
        };

    /// <summary>The v2-only state of a v2 account.</summary>
    private sealed class V2AccountSide(string dashboard, string created)
    {
        public string Dashboard { get; set; } = dashboard;

        public string Created { get; } = created;

        public bool Closed { get; set; }

        public List<string> Applied { get; } = [];

        public List<(string Configuration, string Name)> Capabilities { get; } = [];

        /// <summary>The account as last rendered with every section: what the next change is compared with.</summary>
        public JsonObject? Snapshot { get; set; }
    }
}
