using System.Text.Json.Nodes;
using Stripe.Connect.Client.Testing.Internal.Hosted;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>v2 persons, person tokens, account tokens and account links.</summary>
internal sealed partial class ConnectState
{
    private static readonly string[] PersonFields =
    [
        "additional_addresses", "additional_names", "additional_terms_of_service", "address", "date_of_birth", "documents", "email", "given_name",
        "id_numbers", "legal_gender", "metadata", "nationalities", "phone", "political_exposure", "relationship", "script_addresses", "script_names", "surname",
    ];

    private readonly EntityTable _v2Persons = new();
    private readonly EntityTable _v2Tokens = new();

    private JsonObject CreateV2Person(Call call)
    {
        var account = RequireV2Account(call, "account_id");
        var p = call.Params;
        if (p.Str("person_token") is { } token)
        {
            p = SpendToken(token, "v2.core.account_person_token", "person_token", p);
        }

        var id = NewId("person_test_");
        var now = V2Time(call.Now);
        var data = new JsonObject { ["id"] = id, ["object"] = "v2.core.account_person", ["account"] = account.Id, ["created"] = now, ["livemode"] = false, ["metadata"] = new JsonObject(), ["updated"] = now };
        ApplyPersonFields(data, p);
        _v2Persons.Add(new Entity(id, data, NextSequence(), call.Scope, account.Id));
        EmitThin("v2.core.account_person.created", V2Context(account.Id), RelatedPerson(account.Id, id), new JsonObject { ["account_id"] = account.Id }, call);
        return data.Clone();
    }

    private Entity RequireV2Person(Call call)
    {
        var account = RequireV2Account(call, "account_id");
        return _v2Persons.Find(call.Path("id")) is { } person && person.Parent == account.Id ? person : throw V2Error.NotFound("person", call.Path("id"));
    }

    private JsonObject UpdateV2Person(Call call)
    {
        var person = RequireV2Person(call);
        ApplyPersonFields(person.Data, call.Params);
        person.Data["updated"] = V2Time(call.Now);
        EmitThin("v2.core.account_person.updated", V2Context(person.Parent!), RelatedPerson(person.Parent!, person.Id), new JsonObject { ["account_id"] = person.Parent }, call);
        return person.Data.Clone();
    }

    private JsonObject DeleteV2Person(Call call)
    {
        var person = RequireV2Person(call);
        _v2Persons.Remove(person.Id);
        EmitThin("v2.core.account_person.deleted", V2Context(person.Parent!), RelatedPerson(person.Parent!, person.Id), new JsonObject { ["account_id"] = person.Parent }, call);
        return new JsonObject { ["id"] = person.Id, ["object"] = "v2.core.account_person" };
    }

    private JsonObject ListV2Persons(Call call)
    {
        var account = RequireV2Account(call, "account_id");
        return V2Page([.. _v2Persons.ChildrenOf(account.Id).OrderBy(p => p.Sequence).Select(p => (JsonNode)p.Data.Clone())], call, $"/v2/core/accounts/{account.Id}/persons");
    }

    private static JsonObject RelatedPerson(string account, string id) =>
        new() { ["id"] = id, ["type"] = "v2.core.account_person", ["url"] = $"/v2/core/accounts/{Uri.EscapeDataString(account)}/persons/{Uri.EscapeDataString(id)}" };

    private static void ApplyPersonFields(JsonObject person, JsonObject p)
    {
        foreach (var field in PersonFields)
        {
            if (p[field] is not { } value)
            {
                continue;
            }

            person[field] = field == "metadata" ? Metadata((JsonObject)person["metadata"]!, value as JsonObject) : value.DeepClone();
        }

        if (person["relationship"]?["percent_ownership"] is JsonValue percent && percent.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            // A decimal string on the wire, as the API writes it.
            person["relationship"]!["percent_ownership"] = percent.ToJsonString();
        }
    }

    /// <summary>Tokens hold the parameters they were made with; using one merges them in and spends it.</summary>
    private JsonObject CreateV2Token(Call call, string kind, string prefix)
    {
        if (kind == "v2.core.account_person_token")
        {
            RequireV2Account(call, "account_id");
        }

        var id = NewId(prefix + "test_");
        var data = new JsonObject
        {
            ["id"] = id,
            ["object"] = kind,
            ["created"] = V2Time(call.Now),
            ["expires_at"] = V2Time(call.Now + 600),
            ["livemode"] = false,
            ["used"] = false,
        };
        var entity = new Entity(id, data, NextSequence(), call.Scope, null);
        _v2Tokens.Add(entity);
        _tokenParams[id] = call.Params.Clone();
        return data.Clone();
    }

    private JsonObject RetrieveV2Token(Call call, string kind) =>
        _v2Tokens.Find(call.Path("id")) is { } token && token.Data.Str("object") == kind && token.Scope == call.Scope
            ? token.Data.Clone()
            : throw V2Error.NotFound(kind == "v2.core.account_token" ? "account token" : "person token", call.Path("id"));

    private JsonObject SpendToken(string id, string kind, string param, JsonObject parameters)
    {
        if (_v2Tokens.Find(id) is not { } token || token.Data.Str("object") != kind)
        {
            throw V2Error.Invalid(param, $"No such token: '{id}'.");
        }

        if (token.Data.Bool("used") == true)
        {
            throw V2Error.Invalid(param, $"The token '{id}' was already used.");
        }

        token.Data["used"] = true;
        var merged = _tokenParams[id].Clone();
        foreach (var (key, value) in parameters)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }

    private JsonObject CreateV2AccountLink(Call call)
    {
        var account = _v2Accounts.ContainsKey(call.Str("account")!) && _accounts.Find(call.Str("account")!) is { } a && a.Scope == call.Scope
            ? a
            : throw V2Error.NotFound("account", call.Str("account")!);
        var useCase = (JsonObject)call.Params["use_case"]!;
        var type = useCase.Str("type")!;
        var details = useCase[type] as JsonObject ?? throw V2Error.Invalid("use_case." + type, $"use_case.{type} is required when use_case.type is {type}.");
        var refresh = details.Str("refresh_url") ?? throw V2Error.Invalid($"use_case.{type}.refresh_url", $"Missing required field: use_case.{type}.refresh_url.");
        var returnUrl = details.Str("return_url") ?? refresh;
        var url = AddHostedLink(
            account.Id,
            type == "account_update" ? HostedLinkPurpose.Update : HostedLinkPurpose.Onboarding,
            details["collection_options"]?["fields"]?.GetValue<string>() == "eventually_due",
            returnUrl,
            refresh,
            call.Now + AccountLinkLifetime,
            "v2/core/account_links",
            type);
        return new JsonObject
        {
            ["object"] = "v2.core.account_link",
            ["account"] = account.Id,
            ["created"] = V2Time(call.Now),
            ["expires_at"] = V2Time(call.Now + AccountLinkLifetime),
            ["livemode"] = false,
            ["url"] = url,
            ["use_case"] = useCase.DeepClone(),
        };
    }
}
