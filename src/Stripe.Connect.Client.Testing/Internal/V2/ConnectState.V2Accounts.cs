using System.Globalization;
using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// v2 accounts: what only v2 has (configurations and the capabilities requested under them, the dashboard, closing) is
/// kept here; identity, contact details, metadata, requirements and capability statuses are read from the v1 account of
/// the same id, so the v1 activation helpers, the clock and the hosted page move v2 accounts too.
/// </summary>
internal sealed partial class ConnectState
{
    private static readonly string[] Configurations = ["customer", "merchant", "recipient"];
    private static readonly string[] Sections = ["configuration.customer", "configuration.merchant", "configuration.recipient", "defaults", "future_requirements", "identity", "requirements"];

    private readonly Dictionary<string, V2AccountSide> _v2Accounts = new(StringComparer.Ordinal);

    /// <summary>A v2 capability name under a configuration → the v1 capability that carries its status.</summary>
    private static string V1Capability(string configuration, string capability) => (configuration, capability) switch
    {
        ("recipient", _) => "transfers",
        ("merchant", "stripe_balance.payouts") => "transfers",
        ("customer", _) => "card_payments",
        (_, var name) when IsCapabilityName(name) => name,
        _ => "card_payments",
    };

    private JsonObject CreateV2Account(Call call)
    {
        var p = call.Params.Str("account_token") is { } token ? SpendToken(token, "v2.core.account_token", "account_token", call.Params) : call.Params;
        var identity = p["identity"] as JsonObject;
        var dashboard = p.Str("dashboard") ?? "none";
        var v1 = new JsonObject
        {
            ["country"] = identity?.Str("country") ?? "US",
            // The v1 controller presets of the dashboard (Stripe's own mapping: full is Standard-like, none is Custom-like).
            ["controller"] = new JsonObject
            {
                ["fees"] = new JsonObject { ["payer"] = dashboard == "full" ? "account" : "application" },
                ["losses"] = new JsonObject { ["payments"] = dashboard == "full" ? "stripe" : "application" },
                ["requirement_collection"] = dashboard == "none" ? "application" : "stripe",
                ["stripe_dashboard"] = new JsonObject { ["type"] = dashboard },
            },
        };
        var capabilities = new JsonObject();
        var side = new V2AccountSide(dashboard, V2Time(call.Now));
        foreach (var configuration in Configurations)
        {
            if (p["configuration"]?[configuration] is not JsonObject config)
            {
                continue;
            }

            side.Applied.Add(configuration);
            foreach (var name in RequestedCapabilities(config))
            {
                side.Capabilities.Add((configuration, name));
                capabilities[V1Capability(configuration, name)] = new JsonObject { ["requested"] = true };
            }
        }

        if (capabilities.Count > 0)
        {
            v1["capabilities"] = capabilities;
        }

        MapV2Fields(p, v1);
        var created = CreateAccount(new Call(v1, [], call.Scope, call.Now, call.RequestId, call.IdempotencyKey));
        var id = created.Str("id")!;
        _v2Accounts[id] = side;
        side.Snapshot = RenderV2Account(_accounts.Find(id)!, Sections);
        EmitThin("v2.core.account.created", V2Context(id), RelatedAccount(id), null, call);
        return RenderV2Account(_accounts.Find(id)!, Includes(call));
    }

    private JsonObject UpdateV2Account(Call call)
    {
        var account = RequireV2Account(call);
        var side = _v2Accounts[account.Id];
        if (side.Closed)
        {
            throw new ApiErrorException(400, "cannot_proceed", "account_closed", null, "This account is closed and cannot be updated.");
        }

        var p = call.Params;
        if (p.Str("dashboard") is { } dashboard)
        {
            side.Dashboard = dashboard;
        }

        var v1 = new JsonObject();
        var capabilities = new JsonObject();
        foreach (var configuration in Configurations)
        {
            if (p["configuration"]?[configuration] is not JsonObject config)
            {
                continue;
            }

            if (config.Bool("applied") != false && !side.Applied.Contains(configuration))
            {
                side.Applied.Add(configuration);
            }
            else if (config.Bool("applied") == false)
            {
                side.Applied.Remove(configuration);
            }

            foreach (var name in RequestedCapabilities(config))
            {
                if (!side.Capabilities.Contains((configuration, name)))
                {
                    side.Capabilities.Add((configuration, name));
                }

                capabilities[V1Capability(configuration, name)] = new JsonObject { ["requested"] = true };
            }
        }

        if (capabilities.Count > 0)
        {
            v1["capabilities"] = capabilities;
        }

        MapV2Fields(p, v1);
        UpdateAccount(new Call(v1, new Dictionary<string, string> { ["account"] = account.Id }, call.Scope, call.Now, call.RequestId, call.IdempotencyKey));
        return RenderV2Account(account, Includes(call));
    }

    private JsonObject CloseV2Account(Call call)
    {
        var account = RequireV2Account(call);
        var side = _v2Accounts[account.Id];
        if (call.Params["applied_configurations"] is JsonArray only && only.Count > 0)
        {
            foreach (var c in only)
            {
                side.Applied.Remove(c!.GetValue<string>());
            }
        }
        else
        {
            side.Closed = true;
            side.Applied.Clear();
        }

        return RenderV2Account(account, []);
    }

    private JsonObject ListV2Accounts(Call call)
    {
        var applied = (call.Params["applied_configurations"] as JsonArray)?.Select(a => a!.GetValue<string>()).ToList();
        var closed = call.Bool("closed") ?? false;
        var items = _accounts.All.Where(a => a.Scope == call.Scope && _v2Accounts.TryGetValue(a.Id, out var s) && s.Closed == closed
                && (applied is null || applied.Any(s.Applied.Contains)))
            .OrderByDescending(a => a.Sequence)
            .Select(a => (JsonNode)RenderV2Account(a, []))
            .ToList();
        return V2Page(items, call, "/v2/core/accounts");
    }

    private Entity RequireV2Account(Call call, string param = "id")
    {
        var id = call.Path(param);
        // The platform reads its accounts; an account reads itself (Stripe-Context naming it, as a thin event's fetch does).
        return _v2Accounts.ContainsKey(id) && _accounts.Find(id) is { } account && (account.Scope == call.Scope || call.Scope == id) ? account : throw V2Error.NotFound("account", id);
    }

    private static IEnumerable<string> RequestedCapabilities(JsonObject configuration)
    {
        if (configuration["capabilities"] is not JsonObject capabilities)
        {
            yield break;
        }

        foreach (var (name, value) in capabilities)
        {
            if (value?["requested"] is JsonValue r && r.GetValue<bool>())
            {
                yield return name;
            }
            else if (value is JsonObject group)
            {
                // Recipient capabilities nest one level: bank_accounts.local, stripe_balance.stripe_transfers.
                foreach (var (inner, child) in group)
                {
                    if (child?["requested"] is JsonValue ir && ir.GetValue<bool>())
                    {
                        yield return name + "." + inner;
                    }
                }
            }
        }
    }

    /// <summary>The v2 fields that live on the v1 account, written as its parameters.</summary>
    private static void MapV2Fields(JsonObject p, JsonObject v1)
    {
        if (p.Str("contact_email") is { } email)
        {
            v1["email"] = email;
        }

        if (p.Str("display_name") is { } name)
        {
            v1["business_profile"] = new JsonObject { ["name"] = name };
        }

        if (p["metadata"] is JsonObject metadata)
        {
            // A null value removes the key: the v1 form of that is the empty string.
            v1["metadata"] = new JsonObject(metadata.Select(m => KeyValuePair.Create(m.Key, (JsonNode?)JsonValue.Create(m.Value?.GetValue<string>() ?? string.Empty))));
        }

        if (p["defaults"]?["profile"] is JsonObject profile)
        {
            v1["business_profile"] ??= new JsonObject();
            if (profile.Str("business_url") is { } url)
            {
                v1["business_profile"]!["url"] = url;
            }

            if (profile.Str("product_description") is { } description)
            {
                v1["business_profile"]!["product_description"] = description;
            }
        }

        if (p["configuration"]?["merchant"]?["mcc"] is JsonValue mcc)
        {
            v1["business_profile"] ??= new JsonObject();
            v1["business_profile"]!["mcc"] = mcc.GetValue<string>();
        }

        if (p["identity"] is not JsonObject identity)
        {
            return;
        }

        if (identity.Str("entity_type") is { } entity)
        {
            v1["business_type"] = entity;
        }

        if (identity["individual"] is JsonObject person)
        {
            var individual = new JsonObject();
            Copy(person, "given_name", individual, "first_name");
            Copy(person, "surname", individual, "last_name");
            Copy(person, "email", individual, "email");
            Copy(person, "phone", individual, "phone");
            if (person["address"] is JsonObject address)
            {
                individual["address"] = address.DeepClone();
            }

            if (person["date_of_birth"] is JsonObject dob)
            {
                individual["dob"] = dob.DeepClone();
            }

            if (person["id_numbers"] is JsonArray ids && ids.Count > 0 && ids[0]?["value"] is JsonValue number)
            {
                individual["id_number"] = number.GetValue<string>();
            }

            v1["individual"] = individual;
        }

        if (identity["business_details"] is JsonObject business)
        {
            var company = new JsonObject();
            Copy(business, "registered_name", company, "name");
            Copy(business, "phone", company, "phone");
            if (business["address"] is JsonObject address)
            {
                company["address"] = address.DeepClone();
            }

            if (business["id_numbers"] is JsonArray ids && ids.Count > 0 && ids[0]?["value"] is JsonValue number)
            {
                company["tax_id"] = number.GetValue<string>();
            }

            v1["company"] = company;
        }

        if (identity["attestations"]?["terms_of_service"]?["account"] is JsonObject tos)
        {
            var acceptance = new JsonObject();
            if (tos.Str("date") is { } date && DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                acceptance["date"] = at.ToUnixTimeSeconds();
            }

            Copy(tos, "ip", acceptance, "ip");
            Copy(tos, "user_agent", acceptance, "user_agent");
            v1["tos_acceptance"] = acceptance;
        }

        static void Copy(JsonObject from, string name, JsonObject to, string v1Name)
        {
            if (from.Str(name) is { } value)
            {
                to[v1Name] = value;
            }
        }
    }

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
                ["summary"] = new JsonObject { ["minimum_deadline"] = entries.Count == 0 ? null : new JsonObject { ["status"] = "currently_due" } },
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

    private JsonArray RequirementEntries(Entity account, JsonObject v1, V2AccountSide side)
    {
        var due = new SortedSet<string>(StringComparer.Ordinal);
        if (v1["requirements"] is JsonObject requirements)
        {
            foreach (var list in new[] { "currently_due", "past_due" })
            {
                if (requirements[list] is JsonArray fields)
                {
                    foreach (var f in fields)
                    {
                        due.Add(V2Requirement(f!.GetValue<string>()));
                    }
                }
            }
        }

        var entries = new JsonArray();
        foreach (var description in due)
        {
            var restricts = new JsonArray();
            foreach (var (configuration, capability) in side.Capabilities)
            {
                if (CapabilityOf(account, configuration, capability) != "active")
                {
                    restricts.Add((JsonNode)new JsonObject { ["capability"] = capability, ["configuration"] = configuration, ["deadline"] = new JsonObject { ["status"] = "currently_due" } });
                }
            }

            entries.Add((JsonNode)new JsonObject
            {
                ["awaiting_action_from"] = "user",
                ["description"] = description,
                ["errors"] = new JsonArray(),
                ["impact"] = new JsonObject { ["restricts_capabilities"] = restricts },
                ["minimum_deadline"] = new JsonObject { ["status"] = "currently_due" },
                ["requested_reasons"] = new JsonArray(new JsonObject { ["code"] = "routine_onboarding" }),
            });
        }

        return entries;
    }

    private string? CapabilityOf(Entity account, string configuration, string capability) =>
        _capabilities.Find(CapabilityKey(account.Id, V1Capability(configuration, capability)))?.Data.Str("status");

    /// <summary>v1 active is active; a requested capability waits as restricted while requirements are due, then as pending.</summary>
    private string CapabilityStatus(Entity account, string configuration, string capability, JsonArray entries, V2AccountSide side) =>
        side.Closed || !side.Applied.Contains(configuration) ? "restricted"
        : CapabilityOf(account, configuration, capability) switch
        {
            "active" => "active",
            _ when entries.Count > 0 => "restricted",
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
