using System.Text.Json.Nodes;
using Stripe.Connect.Client.Testing.Internal.Hosted;
using Stripe.Connect.Client.Testing.Internal.Rules;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>Accounts, capabilities, login links, account links and account sessions.</summary>
internal sealed partial class ConnectState
{
    private static readonly string[] AccountMergeSkip =
    [
        "account_token", "capabilities", "controller", "country", "default_currency", "documents", "expand",
        "external_account", "groups", "type",
    ];

    private readonly EntityTable _accounts = new();
    private readonly EntityTable _capabilities = new();

    /// <summary>How long an account link works, in seconds (Stripe's links expire after five minutes).</summary>
    private const long AccountLinkLifetime = 300;

    private static JsonObject AccountSchema => ApiSpec.Instance.Schema("account");

    private Entity NewPlatformAccount()
    {
        var data = ObjectFactory.Create("account");
        var id = NewId("acct_");
        data["id"] = id;
        data["created"] = Now;
        data["country"] = "US";
        data["default_currency"] = "usd";
        data["email"] = "platform@example.com";
        data["type"] = "standard";
        data["details_submitted"] = true;
        data["charges_enabled"] = true;
        data["payouts_enabled"] = true;
        data["controller"] = new JsonObject { ["type"] = "account" };
        return new Entity(id, data, NextSequence(), null, null);
    }

    /// <summary>
    /// An account the caller may act on: the platform sees its connected accounts (and itself); a
    /// <c>Stripe-Account</c> request sees only that account.
    /// </summary>
    private Entity? FindAccount(string id, string? scope)
    {
        if (scope is null && id == Platform.Id)
        {
            return Platform;
        }

        var account = _accounts.Find(id);
        if (account is null || _deauthorized.Contains(id))
        {
            return null;
        }

        return scope is null ? (account.Scope is null ? account : null) : (account.Id == scope ? account : null);
    }

    private Entity RequireAccount(string id, string? scope, string param = "id") =>
        FindAccount(id, scope) ?? throw ApiErrorException.NoSuch(param, "account", id);

    public Entity? FindConnectedAccount(string id) => _accounts.Find(id) is { Scope: null } a ? a : null;

    private JsonObject RenderAccount(Entity account)
    {
        var data = account.Data.Clone();
        if (account == Platform)
        {
            data["capabilities"] = new JsonObject { ["card_payments"] = "active", ["transfers"] = "active" };
            data["external_accounts"] = Paging.List([], false, $"/v1/accounts/{account.Id}/external_accounts");
            return data;
        }

        var capabilities = new JsonObject();
        foreach (var capability in CapabilitiesOf(account.Id).OrderBy(c => c.Data.Str("id"), StringComparer.Ordinal))
        {
            var status = capability.Data.Str("status");
            if (status is "active" or "pending" or "inactive")
            {
                capabilities[capability.Data.Str("id")!] = status;
            }
        }

        data["capabilities"] = capabilities;
        var externals = _externalAccounts.ChildrenOf(account.Id).ToList();
        data["external_accounts"] = Paging.Embedded(externals, $"/v1/accounts/{account.Id}/external_accounts", e => e.Data.Clone());

        // The enabled flags follow the capabilities and a rejection, as the real account does.
        var rejected = IsRejected(account);
        data["charges_enabled"] = !rejected && capabilities["card_payments"]?.GetValue<string>() == "active";
        data["payouts_enabled"] = !rejected && externals.Count > 0
            && capabilities.Any(c => c.Value?.GetValue<string>() == "active");
        return data;
    }

    private static bool IsRejected(Entity account) =>
        account.Data["requirements"]?["disabled_reason"] is JsonValue v
        && v.TryGetValue<string>(out var reason)
        && reason.StartsWith("rejected.", StringComparison.Ordinal);

    private JsonObject CreateAccount(Call call)
    {
        var p = call.Params;
        var type = call.Str("type");
        var controllerParams = p["controller"] as JsonObject;
        if (type is not null && controllerParams is not null)
        {
            throw ApiErrorException.Invalid("controller", "You cannot specify both `type` and `controller`; use `controller` only.", "parameters_exclusive");
        }

        var id = NewId("acct_");
        var country = (call.Str("country") ?? "US").ToUpperInvariant();
        var data = ObjectFactory.Create("account");
        data["id"] = id;
        data["created"] = call.Now;
        data["country"] = country;
        data["default_currency"] = call.Str("default_currency") is { } currency ? Lower(currency) : CountrySpecCatalog.DefaultCurrency(country);
        data["email"] = null;
        p = WithAccountToken(call);
        ObjectFactory.Merge(data, p, AccountSchema, AccountMergeSkip);

        var controller = ObjectFactory.Skeleton(ApiSpec.Instance.Schema("account_unification_account_controller"), 0);
        if (controllerParams is not null)
        {
            controller["type"] = "application";
            controller["is_controller"] = true;
            ObjectFactory.Merge(controller, controllerParams, ApiSpec.Instance.Schema("account_unification_account_controller"));
            type = controller["stripe_dashboard"]?["type"]?.GetValue<string>() switch
            {
                "express" => "express",
                "none" => "custom",
                "full" => "standard",
                _ => "none",
            };
        }
        else
        {
            type ??= "standard";
            ControllerFor(controller, type);
        }

        data["type"] = type;
        data["controller"] = controller;
        var account = new Entity(id, data, NextSequence(), call.Scope, null);
        _accounts.Add(account);
        ChangeAccount(account, call, () =>
        {
            ApplyAccountDetails(account, p, call.Now);
            ApplyAccountSideParams(account, call);
        }, created: true);
        return RenderAccount(account);
    }

    /// <summary>
    /// What the merge of account parameters cannot do: record that sensitive numbers (a company's tax id, the
    /// individual's SSN) were provided without echoing them, give a new individual its person id, and start a
    /// verification when a date of birth or an identity document arrived.
    /// </summary>
    private void ApplyAccountDetails(Entity account, JsonObject parameters, long now)
    {
        if (parameters["company"] is JsonObject companyParams && companyParams.Str("tax_id") is not null && account.Data["company"] is JsonObject company)
        {
            company["tax_id_provided"] = true;
        }

        if (parameters["individual"] is not JsonObject individualParams || account.Data["individual"] is not JsonObject individual)
        {
            return;
        }

        if (individual.Str("id") is null)
        {
            individual["id"] = NewId("person_");
            individual["account"] = account.Id;
            individual["created"] = now;
        }

        if (individual["verification"] is JsonObject verification && verification.Str("status") is null)
        {
            verification["status"] = "unverified";
        }

        MarkSensitiveNumbers(individual, individualParams);
        ScheduleVerification(individual, individualParams, account, null);
    }

    /// <summary>Sensitive numbers are never echoed back; the API only says they were provided (a full SSN includes its last 4).</summary>
    private static void MarkSensitiveNumbers(JsonObject person, JsonObject parameters)
    {
        if (parameters.Str("id_number") is not null)
        {
            person["id_number_provided"] = true;
            person["ssn_last_4_provided"] = true;
        }

        if (parameters.Str("ssn_last_4") is not null)
        {
            person["ssn_last_4_provided"] = true;
        }
    }

    /// <summary>The account parameters, with those of an <c>account_token</c> (made through POST /v1/tokens) merged in.</summary>
    private JsonObject WithAccountToken(Call call)
    {
        if (call.Str("account_token") is not { } token)
        {
            return call.Params;
        }

        var merged = TokenParams(token, "account_token", "account").Clone();
        merged.Remove("tos_shown_and_accepted");
        foreach (var (key, value) in call.Params)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }

    private static void ControllerFor(JsonObject controller, string type)
    {
        var (payer, losses, collection, dashboard) = type switch
        {
            "express" => ("application", "application", "stripe", "express"),
            "custom" => ("application", "application", "application", "none"),
            _ => ("account", "stripe", "stripe", "full"),
        };
        controller["type"] = "application";
        controller["is_controller"] = true;
        controller["fees"] = new JsonObject { ["payer"] = payer };
        controller["losses"] = new JsonObject { ["payments"] = losses };
        controller["requirement_collection"] = collection;
        controller["stripe_dashboard"] = new JsonObject { ["type"] = dashboard };
    }

    /// <summary>The parts of account create/update that make other objects: capabilities and an external account.</summary>
    private void ApplyAccountSideParams(Entity account, Call call)
    {
        if (call.Params["capabilities"] is JsonObject capabilities)
        {
            foreach (var (name, value) in capabilities)
            {
                if (value is JsonObject o && o.Bool("requested") is { } requested)
                {
                    SetCapability(account, name, requested, call.Now);
                }
            }
        }

        if (call.Params["external_account"] is { } external && !call.Params.IsUnset("external_account"))
        {
            AddExternalAccount(account, external, defaultForCurrency: null, metadata: null, call.Now, "external_account");
        }
    }

    private JsonObject RetrieveAccount(Call call) => RenderAccount(RequireAccount(call.Path("account"), call.Scope));

    private JsonObject RetrieveCurrentAccount(Call call) =>
        RenderAccount(call.Scope is null ? Platform : RequireAccount(call.Scope, call.Scope));

    private JsonObject UpdateAccount(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        ChangeAccount(account, call, () =>
        {
            if (call.Str("default_currency") is { } currency)
            {
                account.Data["default_currency"] = Lower(currency);
            }

            var parameters = WithAccountToken(call);
            ObjectFactory.Merge(account.Data, parameters, AccountSchema, AccountMergeSkip);
            ApplyAccountDetails(account, parameters, call.Now);
            ApplyAccountSideParams(account, call);
        });
        return RenderAccount(account);
    }

    private JsonObject DeleteAccount(Call call)
    {
        var id = call.Path("account");
        if (id == Platform.Id || id == call.Scope)
        {
            throw ApiErrorException.Invalid("account", "You cannot delete your own account through the API; only connected accounts can be deleted.");
        }

        var account = RequireAccount(id, call.Scope);
        _accounts.Remove(account.Id);
        _capabilities.RemoveWhere(c => c.Parent == account.Id);
        _persons.RemoveWhere(p => p.Parent == account.Id);
        _externalAccounts.RemoveWhere(e => e.Parent == account.Id);
        return Deleted(account.Id, "account");
    }

    private JsonObject ListAccounts(Call call) =>
        Paging.Page(_accounts.All.Where(a => a.Scope == call.Scope), call.Params, "/v1/accounts", RenderAccount);

    private JsonObject RejectAccount(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        if (account == Platform)
        {
            throw ApiErrorException.Invalid("account", "You cannot reject your own account.");
        }

        if (IsRejected(account))
        {
            throw ApiErrorException.Invalid("account", $"The account {account.Id} has already been rejected.");
        }

        // A platform's rejection shows as rejected.platform_*, unlike Stripe's own rejected.fraud and friends.
        var reason = call.Str("reason")!;
        ChangeAccount(account, call, () => SetDisabledReason(account, reason.StartsWith("fraud", StringComparison.Ordinal)
            ? "rejected.platform_fraud"
            : reason == "terms_of_service" ? "rejected.platform_terms_of_service" : "rejected.platform_other"));
        return RenderAccount(account);
    }

    private JsonObject UnrejectAccount(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        if (!IsRejected(account))
        {
            throw ApiErrorException.Invalid("account", $"The account {account.Id} is not rejected, so it cannot be unrejected.");
        }

        ChangeAccount(account, call, () => SetDisabledReason(account, null));
        return RenderAccount(account);
    }

    private static void SetDisabledReason(Entity account, string? reason)
    {
        if (account.Data["requirements"] is not JsonObject requirements)
        {
            requirements = ObjectFactory.Skeleton(ApiSpec.Instance.Schema("account_requirements"), 0);
            account.Data["requirements"] = requirements;
        }

        requirements["disabled_reason"] = reason;
    }

    private JsonObject CreateLoginLink(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        if (account.Data["controller"]?["stripe_dashboard"]?["type"]?.GetValue<string>() != "express")
        {
            throw RuleTable.LoginLinkNotExpress.Fail("account", $"Cannot create a login link for the account {account.Id}, which is not an Express account (it has no Express Dashboard).");
        }

        var link = ObjectFactory.Create("login_link");
        link["created"] = call.Now;
        link["url"] = $"https://connect.stripe.com/express/{account.Id}/{RandomText(12)}";
        return link;
    }

    private JsonObject CreateAccountLink(Call call)
    {
        var account = RequireAccount(call.Str("account")!, call.Scope, "account");
        if (call.Str("type") == "account_update" && account.Data["controller"]?["requirement_collection"]?.GetValue<string>() != "application")
        {
            throw RuleTable.AccountUpdateLink.Fail(
                "type",
                "Invalid type: must be one of account_onboarding. account_update links are only for accounts whose requirements the platform collects; Stripe collects them for this account (Express or Standard).");
        }

        // The link leads to the hosted onboarding page (InMemoryHostedPages) when it runs, else to a connect.stripe.com URL.
        var link = ObjectFactory.Create("account_link");
        var collect = call.Params["collection_options"]?["fields"]?.GetValue<string>() ?? call.Str("collect");
        link["created"] = call.Now;
        link["expires_at"] = call.Now + AccountLinkLifetime;
        link["url"] = AddHostedLink(
            account.Id,
            call.Str("type") == "account_update" ? HostedLinkPurpose.Update : HostedLinkPurpose.Onboarding,
            collect == "eventually_due",
            call.Str("return_url")!,
            call.Str("refresh_url")!,
            call.Now + AccountLinkLifetime,
            "v1/account_links");
        return link;
    }

    private JsonObject CreateAccountSession(Call call)
    {
        var account = RequireAccount(call.Str("account")!, call.Scope, "account");
        var components = ObjectFactory.Create("account_session_components");
        ObjectFactory.Merge(components, (JsonObject)call.Params["components"]!, ApiSpec.Instance.Schema("account_session_components"));
        var session = ObjectFactory.Create("account_session");
        session["account"] = account.Id;
        session["client_secret"] = "accs_secret__" + RandomText(40);
        session["components"] = components;
        session["expires_at"] = call.Now + 1800;
        session["livemode"] = false;
        return session;
    }
}
