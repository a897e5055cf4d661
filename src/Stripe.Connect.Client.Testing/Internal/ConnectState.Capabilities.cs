using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>The capabilities of an account: requested, activated and listed.</summary>
internal sealed partial class ConnectState
{
    private IEnumerable<Entity> CapabilitiesOf(string account) => _capabilities.ChildrenOf(account);

    private static bool IsCapabilityName(string name) =>
        ApiSpec.Instance.Schema("account_capabilities")["properties"]?[name] is not null;

    private static string CapabilityKey(string account, string name) => account + "/" + name;

    /// <summary>
    /// Requesting moves a capability to pending (it turns active later, or at once where the requirements model
    /// finds nothing missing); un-requesting to unrequested. Run inside <see cref="ChangeAccount{T}"/>, which writes
    /// the <c>capability.updated</c> event.
    /// </summary>
    public Entity SetCapability(Entity account, string name, bool requested, long now)
    {
        if (!IsCapabilityName(name))
        {
            throw ApiErrorException.Invalid($"capabilities[{name}]", $"Received unknown parameter: capabilities[{name}]", "parameter_unknown");
        }

        var capability = _capabilities.Find(CapabilityKey(account.Id, name));
        if (capability is null)
        {
            var data = NewCapability(account.Id, name);
            capability = new Entity(CapabilityKey(account.Id, name), data, NextSequence(), account.Scope, account.Id);
            _capabilities.Add(capability);
        }

        var status = capability.Data.Str("status");
        if (requested && status is not ("active" or "pending" or "inactive"))
        {
            capability.Data["status"] = "pending";
            capability.Data["requested"] = true;
            capability.Data["requested_at"] = now;
        }
        else if (!requested)
        {
            capability.Data["status"] = "unrequested";
            capability.Data["requested"] = false;
            capability.Data["requested_at"] = null;
            _approvedCapabilities.Remove(capability.Id);
        }

        return capability;
    }

    private static JsonObject NewCapability(string account, string name)
    {
        var data = ObjectFactory.Create("capability");
        data["id"] = name;
        data["account"] = account;
        data["requested"] = false;
        data["requested_at"] = null;
        data["status"] = "unrequested";
        return data;
    }

    /// <summary>
    /// Approves a requested capability that is not active (or all of an account's when <paramref name="name"/> is
    /// null), as Stripe does once its review is done: Standard accounts' pending capabilities turn active, and on
    /// accounts with the requirements model the minimum requirements are waived. Returns how many turned active.
    /// </summary>
    public int ActivateCapabilities(string account, string? name)
    {
        var entity = _accounts.Find(account)!;
        var tracked = TracksRequirements(entity);
        return ChangeAccount(entity, null, () =>
        {
            var waiting = CapabilitiesOf(account)
                .Where(c => (name is null || c.Data.Str("id") == name) && c.Data.Bool("requested") == true && c.Data.Str("status") != "active")
                .ToList();
            foreach (var capability in waiting)
            {
                if (tracked)
                {
                    _approvedCapabilities.Add(capability.Id);
                }
                else
                {
                    capability.Data["status"] = "active";
                }
            }

            Refresh(entity);
            return waiting.Count(c => c.Data.Str("status") == "active");
        });
    }

    private JsonObject RetrieveCapability(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        var name = call.Path("capability");
        if (!IsCapabilityName(name))
        {
            throw ApiErrorException.NoSuch("id", "capability", name);
        }

        // A capability never requested still exists for the account, as unrequested.
        return _capabilities.Find(CapabilityKey(account.Id, name))?.Data.Clone() ?? NewCapability(account.Id, name);
    }

    private JsonObject UpdateCapability(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        var name = call.Path("capability");
        if (!IsCapabilityName(name))
        {
            throw ApiErrorException.NoSuch("id", "capability", name);
        }

        if (call.Bool("requested") is { } requested)
        {
            return ChangeAccount(account, call, () => SetCapability(account, name, requested, call.Now)).Data.Clone();
        }

        return _capabilities.Find(CapabilityKey(account.Id, name))?.Data.Clone() ?? NewCapability(account.Id, name);
    }

    private JsonObject ListCapabilities(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        var data = new JsonArray();
        foreach (var capability in CapabilitiesOf(account.Id).OrderBy(c => c.Data.Str("id"), StringComparer.Ordinal))
        {
            data.Add((JsonNode)capability.Data.Clone());
        }

        return Paging.List(data, false, $"/v1/accounts/{account.Id}/capabilities");
    }
}
