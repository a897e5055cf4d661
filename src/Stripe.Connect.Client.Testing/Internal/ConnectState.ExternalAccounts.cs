using System.Text.Json.Nodes;
using Stripe.Connect.Client.Testing.Internal.Rules;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>The external accounts of an account: bank accounts and debit cards that payouts go to.</summary>
internal sealed partial class ConnectState
{
    private readonly EntityTable _externalAccounts = new();

    private JsonObject CreateExternalAccount(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        var external = ChangeAccount(account, call, () => AddExternalAccount(account, call.Params["external_account"]!, call.Bool("default_for_currency"), call.Params["metadata"] as JsonObject, call.Now, "external_account"));
        return external.Data.Clone();
    }

    private Entity AddExternalAccount(Entity account, JsonNode source, bool? defaultForCurrency, JsonObject? metadata, long now, string param)
    {
        JsonObject details;
        if (source is JsonValue token)
        {
            details = FromToken(token.GetValue<string>(), param);
        }
        else
        {
            details = ((JsonObject)source).Clone();
            if (details.Str("token") is { } t)
            {
                details = FromToken(t, param);
            }
        }

        var isCard = details.Str("object") == "card";
        var currency = details.Str("currency") is { } c ? Lower(c) : account.Data.Str("default_currency") ?? "usd";
        var data = isCard ? NewCard(details, param) : NewBankAccount(details);
        if (isCard && data.Str("funding") != "debit")
        {
            throw RuleTable.NotDebitCard.Fail(param, "This card doesn't appear to be a debit card: payouts need a debit card (in test mode, for example tok_visa_debit).");
        }

        if (!isCard && details.Str("account_number") is { } accountNumber)
        {
            _bankAccountNumbers[data.Str("id")!] = accountNumber;
        }

        data["account"] = account.Id;
        data["currency"] = currency;
        if (metadata is not null)
        {
            ObjectFactory.Merge((JsonObject)(data["metadata"] ??= new JsonObject()), metadata, ApiSpec.Instance.Schema("bank_account")["properties"]!["metadata"]!.AsObject());
        }

        var entity = new Entity(data.Str("id")!, data, NextSequence(), account.Scope, account.Id);
        var hasDefault = ExternalAccountsOf(account.Id).Any(e => e.Data.Str("currency") == currency && e.Data.Bool("default_for_currency") == true);
        data["default_for_currency"] = false;
        _externalAccounts.Add(entity);

        // The first external account in a currency becomes its default.
        if (defaultForCurrency == true || !hasDefault)
        {
            MakeDefault(entity);
        }

        Emit("account.external_account.created", EventScope(account.Id), data, null, null);
        return entity;
    }

    private IEnumerable<Entity> ExternalAccountsOf(string account) => _externalAccounts.ChildrenOf(account);

    private void MakeDefault(Entity external)
    {
        var currency = external.Data.Str("currency");
        foreach (var other in ExternalAccountsOf(external.Parent!).Where(e => e.Data.Str("currency") == currency))
        {
            other.Data["default_for_currency"] = other == external;
        }
    }

    private static JsonObject NewBankAccount(JsonObject details)
    {
        var data = ObjectFactory.Create("bank_account");
        var number = details.Str("account_number") ?? "000123456789";
        data["id"] = NewId("ba_");
        data["account_holder_name"] = details.Str("account_holder_name");
        data["account_holder_type"] = details.Str("account_holder_type");
        data["account_type"] = null;
        data["bank_name"] = "STRIPE TEST BANK";
        data["country"] = details.Str("country") ?? "US";
        data["fingerprint"] = RandomText(16);
        data["last4"] = number.Length >= 4 ? number[^4..] : number;
        data["routing_number"] = details.Str("routing_number");
        data["status"] = "new";
        data["metadata"] = new JsonObject();
        return data;
    }

    private JsonObject NewCard(JsonObject details, string param)
    {
        var number = (details.Str("number") ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (number.Length < 12 || !number.All(char.IsAsciiDigit))
        {
            throw new ApiErrorException(402, "card_error", "invalid_number", param + "[number]", "The card number is not valid.");
        }

        var month = details.Long("exp_month") ?? 0;
        if (month is < 1 or > 12)
        {
            throw new ApiErrorException(402, "card_error", "invalid_expiry_month", param + "[exp_month]", "The card's expiry month is not valid.");
        }

        var year = details.Long("exp_year") ?? 0;
        if (year < 100)
        {
            year += 2000;
        }

        if (year < _time.GetUtcNow().Year)
        {
            throw new ApiErrorException(402, "card_error", "invalid_expiry_year", param + "[exp_year]", "The card's expiry year is not valid.");
        }

        var data = ObjectFactory.Create("card");
        data["id"] = NewId("card_");
        foreach (var field in new[] { "address_city", "address_country", "address_line1", "address_line2", "address_state", "address_zip", "name" })
        {
            data[field] = details.Str(field);
        }

        data["brand"] = number[0] switch
        {
            '4' => "Visa",
            '5' or '2' => "MasterCard",
            '3' => "American Express",
            '6' => "Discover",
            _ => "Unknown",
        };
        data["country"] = "US";
        data["cvc_check"] = details.Str("cvc") is null ? null : "pass";
        data["exp_month"] = month;
        data["exp_year"] = year;
        data["fingerprint"] = RandomText(16);
        data["funding"] = Funding(number);
        data["last4"] = number[^4..];
        data["metadata"] = new JsonObject();
        return data;
    }

    private Entity RequireExternalAccount(Call call, Entity account) => _externalAccounts.RequireChild(call, account, "external account");

    private JsonObject RetrieveExternalAccount(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        return RequireExternalAccount(call, account).Data.Clone();
    }

    private JsonObject UpdateExternalAccount(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        var external = RequireExternalAccount(call, account);
        var schema = ApiSpec.Instance.Schema(external.Data.Str("object")!);
        if (external.Data.Str("object") == "card" && call.Long("exp_month") is { } month && month is < 1 or > 12)
        {
            throw new ApiErrorException(402, "card_error", "invalid_expiry_month", "exp_month", "The card's expiry month is not valid.");
        }

        var before = external.Data.Clone();
        ObjectFactory.Merge(external.Data, call.Params, schema, "default_for_currency", "expand", "documents");
        if (call.Bool("default_for_currency") == true)
        {
            MakeDefault(external);
        }

        EmitUpdate("account.external_account.updated", EventScope(account.Id), before, external.Data, call);
        return external.Data.Clone();
    }

    private JsonObject DeleteExternalAccount(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        var external = RequireExternalAccount(call, account);
        var currency = external.Data.Str("currency");
        var sameCurrency = ExternalAccountsOf(account.Id).Count(e => e.Data.Str("currency") == currency);
        if (external.Data.Bool("default_for_currency") == true && currency == account.Data.Str("default_currency") && sameCurrency > 1)
        {
            throw ApiErrorException.Invalid(
                "id",
                "This external account is the default for its currency; make another one the default (default_for_currency) before deleting it.");
        }

        ChangeAccount(account, call, () =>
        {
            _externalAccounts.Remove(external.Id);
            Emit("account.external_account.deleted", EventScope(account.Id), external.Data, null, call);
        });
        return Deleted(external.Id, external.Data.Str("object")!);
    }

    private JsonObject ListExternalAccounts(Call call)
    {
        var account = RequireAccount(call.Path("account"), call.Scope);
        var items = ExternalAccountsOf(account.Id);
        if (call.Str("object") is { } kind)
        {
            items = items.Where(e => e.Data.Str("object") == kind);
        }

        return Paging.Page(items, call.Params, $"/v1/accounts/{account.Id}/external_accounts", e => e.Data.Clone());
    }
}
