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
}
