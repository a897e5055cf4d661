using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>Country specs, app secrets and <c>expand[]</c>.</summary>
internal sealed partial class ConnectState
{
    private readonly EntityTable _secrets = new();

    private JsonObject RetrieveCountrySpec(Call call) =>
        CountrySpecCatalog.Find(call.Path("country")) ?? throw ApiErrorException.NoSuch("id", "country spec", call.Path("country"));

    private JsonObject ListCountrySpecs(Call call)
    {
        // Alphabetical, like the real list: the sequence runs backwards so "newest first" reads A to Z.
        var codes = CountrySpecCatalog.Codes.ToList();
        var entities = codes.Select((code, i) => new Entity(code, CountrySpecCatalog.Find(code)!, codes.Count - i, null, null));
        return Paging.Page(entities, call.Params, "/v1/country_specs", e => e.Data);
    }

    private static (string Type, string? User) SecretScope(JsonObject scope)
    {
        var type = scope.Str("type")!;
        var user = scope.Str("user");
        if (type == "user" && user is null)
        {
            throw ApiErrorException.Missing("scope[user]");
        }

        if (type == "account" && user is not null)
        {
            throw ApiErrorException.Invalid("scope[user]", "scope[user] can only be set when scope[type] is user.");
        }

        return (type, user);
    }

    private IEnumerable<Entity> LiveSecrets(string? scope, long now) =>
        _secrets.All.Where(s => s.Scope == scope && (s.Data.Long("expires_at") is not { } expires || expires > now));

    private static bool InScope(Entity secret, (string Type, string? User) scope) =>
        secret.Data["scope"]?["type"]?.GetValue<string>() == scope.Type
        && (secret.Data["scope"]?["user"] as JsonValue)?.GetValue<string>() == scope.User;

    private static JsonObject RenderSecret(Entity secret, bool withPayload)
    {
        var data = secret.Data.Clone();
        if (!withPayload)
        {
            data["payload"] = null;
        }

        return data;
    }

    private static bool WantsPayload(Call call) =>
        call.Params["expand"] is JsonArray expand && expand.Any(e => e?.GetValue<string>() == "payload");

    private JsonObject CreateSecret(Call call)
    {
        var scope = SecretScope((JsonObject)call.Params["scope"]!);
        var name = call.Str("name")!;
        if (call.Long("expires_at") is { } expiresAt && expiresAt <= call.Now)
        {
            throw ApiErrorException.Invalid("expires_at", "expires_at must be in the future.");
        }

        // Setting a secret that exists (same name and scope) replaces it.
        foreach (var existing in _secrets.All.Where(s => s.Scope == call.Scope && s.Data.Str("name") == name && InScope(s, scope)).ToList())
        {
            _secrets.Remove(existing.Id);
        }

        var data = ObjectFactory.Create("apps.secret");
        var id = "appsecret_" + RandomText(30);
        data["id"] = id;
        data["created"] = call.Now;
        data["expires_at"] = call.Long("expires_at");
        data["livemode"] = false;
        data["name"] = name;
        data["payload"] = call.Str("payload");
        var scopeObject = new JsonObject { ["type"] = scope.Type };
        if (scope.User is not null)
        {
            scopeObject["user"] = scope.User;
        }

        data["scope"] = scopeObject;
        var secret = new Entity(id, data, NextSequence(), call.Scope, null);
        _secrets.Add(secret);
        return RenderSecret(secret, WantsPayload(call));
    }

    private Entity RequireSecret(Call call)
    {
        var scope = SecretScope((JsonObject)call.Params["scope"]!);
        var name = call.Str("name")!;
        return LiveSecrets(call.Scope, call.Now).FirstOrDefault(s => s.Data.Str("name") == name && InScope(s, scope))
            ?? throw ApiErrorException.NoSuch("name", "secret", name);
    }

    private JsonObject FindSecret(Call call) => RenderSecret(RequireSecret(call), WantsPayload(call));

    private JsonObject DeleteSecret(Call call)
    {
        var secret = RequireSecret(call);
        _secrets.Remove(secret.Id);
        var data = RenderSecret(secret, withPayload: false);
        data["deleted"] = true;
        return data;
    }

    private JsonObject ListSecrets(Call call)
    {
        var scope = SecretScope((JsonObject)call.Params["scope"]!);
        return Paging.Page(LiveSecrets(call.Scope, call.Now).Where(s => InScope(s, scope)), call.Params, "/v1/apps/secrets", s => RenderSecret(s, false));
    }

    /// <summary>
    /// Replaces an id with its object for each <c>expand[]</c> path (<c>destination</c>, <c>data.account</c>,
    /// <c>fee.account</c>...). Objects this fake does not keep (charges, balance transactions) expand to stubs.
    /// </summary>
    private void Expand(JsonObject target, string path, Call call)
    {
        if (target.Str("object") == "apps.secret" && path == "payload")
        {
            return;
        }

        var dot = path.IndexOf('.', StringComparison.Ordinal);
        var field = dot < 0 ? path : path[..dot];
        var rest = dot < 0 ? null : path[(dot + 1)..];
        if (target.Str("object") == "list" && field == "data" && rest is not null)
        {
            foreach (var item in (target["data"] as JsonArray ?? []).OfType<JsonObject>())
            {
                Expand(item, rest, call);
            }

            return;
        }

        var schema = target.Str("object") is { } objectName ? ApiSpec.Instance.Schemas[objectName] as JsonObject : null;
        var property = schema?["properties"]?[field] as JsonObject;
        var expandable = schema?["x-expandableFields"] is JsonArray fields && fields.Any(f => f?.GetValue<string>() == field);
        if (property?["x-expansionResources"] is not JsonObject resources || !expandable)
        {
            throw ApiErrorException.Invalid("expand", $"This property cannot be expanded ({field}).");
        }

        if (target[field] is JsonValue idValue && idValue.TryGetValue<string>(out var id))
        {
            var kind = StubKind(id) ?? resources["oneOf"]?[0]?["$ref"]?.GetValue<string>()["#/components/schemas/".Length..] ?? "object";
            var expanded = Lookup(id, call) ?? new JsonObject { ["id"] = id, ["object"] = kind };
            target[field] = expanded;
        }

        if (rest is not null && target[field] is JsonObject child)
        {
            Expand(child, rest, call);
        }
    }

    private JsonObject? Lookup(string id, Call call)
    {
        if (id.StartsWith("acct_", StringComparison.Ordinal))
        {
            var account = id == Platform.Id ? Platform : _accounts.Find(id);
            return account is null ? null : RenderAccount(account);
        }

        return id[..(id.IndexOf('_', StringComparison.Ordinal) + 1)] switch
        {
            "tr_" => _transfers.Find(id) is { } t ? RenderTransfer(t) : null,
            "fee_" => _fees.Find(id) is { } f ? RenderFee(f) : null,
            "trr_" => _reversals.Find(id)?.Data.Clone(),
            "fr_" => _feeRefunds.Find(id)?.Data.Clone(),
            "po_" => _payouts.Find(id)?.Data.Clone(),
            "tu_" => _topups.Find(id)?.Data.Clone(),
            _ => null,
        };
    }

    /// <summary>
    /// The object name of an id this fake does not keep, from its prefix, so a stub of a polymorphic field (a balance
    /// transaction's <c>source</c>) names the kind Stripe would send: a charge (<c>ch_</c>, and <c>py_</c> for the
    /// payment a transfer creates on the destination) or a refund (<c>re_</c>, <c>pyr_</c>).
    /// </summary>
    private static string? StubKind(string id) => id[..(id.IndexOf('_', StringComparison.Ordinal) + 1)] switch
    {
        "ch_" or "py_" => "charge",
        "re_" or "pyr_" => "refund",
        _ => null,
    };
}
