using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>The persons of an account (representatives, owners, directors, executives).</summary>
internal sealed partial class ConnectState
{
    private readonly EntityTable _persons = new();

    private JsonObject CreatePerson(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        var data = ObjectFactory.Create("person");
        var id = NewId("person_");
        data["id"] = id;
        data["account"] = account.Id;
        data["created"] = call.Now;
        if (data["verification"] is JsonObject verification)
        {
            verification["status"] = "unverified";
        }

        var parameters = PersonParams(call);
        ApplyPersonParams(data, parameters);
        var person = new Entity(id, data, NextSequence(), account.Scope, account.Id);
        ChangeAccount(account, call, () =>
        {
            _persons.Add(person);
            Emit("person.created", EventScope(account.Id), data, null, call);
            ScheduleVerification(data, parameters, account, person);
        });
        return data.Clone();
    }

    /// <summary>The person parameters, with those of a <c>person_token</c> (made through POST /v1/tokens) merged in.</summary>
    private JsonObject PersonParams(Call call)
    {
        if (call.Str("person_token") is not { } token)
        {
            return call.Params;
        }

        var merged = TokenParams(token, "person_token", "person").Clone();
        foreach (var (key, value) in call.Params)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }

    private static void ApplyPersonParams(JsonObject data, JsonObject parameters)
    {
        ObjectFactory.Merge(data, parameters, ApiSpec.Instance.Schema("person"), "expand", "id_number", "id_number_secondary", "person_token", "ssn_last_4", "documents");

        MarkSensitiveNumbers(data, parameters);
    }

    private Entity RequirePerson(Call call, Entity account) => _persons.RequireChild(call, account, "person", pathParam: "person");

    private JsonObject RetrievePerson(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        return RequirePerson(call, account).Data.Clone();
    }

    private JsonObject UpdatePerson(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        var person = RequirePerson(call, account);
        var before = person.Data.Clone();
        var parameters = PersonParams(call);
        ChangeAccount(account, call, () =>
        {
            ApplyPersonParams(person.Data, parameters);
            ScheduleVerification(person.Data, parameters, account, person);
            EmitUpdate("person.updated", EventScope(account.Id), before, person.Data, call);
        });
        return person.Data.Clone();
    }

    private JsonObject DeletePerson(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        var person = RequirePerson(call, account);
        ChangeAccount(account, call, () =>
        {
            _persons.Remove(person.Id);
            Emit("person.deleted", EventScope(account.Id), person.Data, null, call);
        });
        return Deleted(person.Id, "person");
    }

    private JsonObject ListPersons(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        var persons = _persons.ChildrenOf(account.Id);
        if (call.Params["relationship"] is JsonObject relationship)
        {
            foreach (var (role, wanted) in relationship)
            {
                var want = wanted!.GetValue<bool>();
                persons = persons.Where(p => (p.Data["relationship"]?[role] is JsonValue v && v.TryGetValue<bool>(out var b) && b) == want);
            }
        }

        return Paging.Page(persons, call.Params, $"/v1/accounts/{account.Id}/persons", p => p.Data.Clone());
    }
}
