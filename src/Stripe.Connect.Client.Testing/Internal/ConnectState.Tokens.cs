using System.Text.Json.Nodes;
using Stripe.Connect.Client.Testing.Internal.Rules;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// Tokens (<c>POST /v1/tokens</c>, the one call a publishable key may make) and Stripe's fixed test tokens
/// (<c>tok_visa_debit</c>, <c>btok_us_verified</c>...). A token made through the API works once; test tokens always.
/// </summary>
internal sealed partial class ConnectState
{
    /// <summary>Stripe's test card tokens and the card numbers behind them (https://docs.stripe.com/testing#cards).</summary>
    private static readonly Dictionary<string, string> TestCardTokens = new(StringComparer.Ordinal)
    {
        ["tok_visa"] = "4242424242424242",
        ["tok_visa_debit"] = "4000056655665556",
        ["tok_mastercard"] = "5555555555554444",
        ["tok_mastercard_debit"] = "5200828282828210",
        ["tok_mastercard_prepaid"] = "5105105105105100",
        ["tok_amex"] = "378282246310005",
        ["tok_discover"] = "6011111111111117",
        ["tok_bypassPending"] = "4000000000000077",
        ["tok_visa_debit_us_transferSuccess"] = "4000056655665556",
    };

    /// <summary>Stripe's US test bank account tokens and the account numbers behind them (https://docs.stripe.com/connect/testing#payouts).</summary>
    private static readonly Dictionary<string, string> TestBankTokens = new(StringComparer.Ordinal)
    {
        ["btok_us"] = "000123456789",
        ["btok_us_verified"] = "000123456789",
        ["btok_us_verified_noAccount"] = "000111111116",
        ["btok_us_verified_accountClosed"] = "000111111113",
        ["btok_us_verified_insufficientFunds"] = "000222222227",
        ["btok_us_verified_debitNotAuthorized"] = "000333333335",
        ["btok_us_verified_invalidCurrency"] = "000444444440",
    };

    /// <summary>Card numbers whose funding is debit; any other valid test number is a credit card.</summary>
    private static readonly HashSet<string> DebitCardNumbers = new(StringComparer.Ordinal)
    {
        "4000056655665556", "5200828282828210", "6011981111111113", "3566000020000410",
    };

    private readonly EntityTable _tokens = new();
    private readonly Dictionary<string, JsonObject> _tokenParams = new(StringComparer.Ordinal);

    private JsonObject CreateToken(Call call)
    {
        var data = ObjectFactory.Create("token");
        data["client_ip"] = null;
        data["created"] = call.Now;
        data["livemode"] = false;
        data["used"] = false;
        data.Remove("bank_account");
        data.Remove("card");
        string prefix;
        string type;
        if (call.Params["bank_account"] is JsonObject bank)
        {
            (prefix, type) = ("btok_", "bank_account");
            var account = NewBankAccount(bank);
            account["currency"] = bank.Str("currency") is { } c ? Lower(c) : "usd";
            data["bank_account"] = account;
        }
        else if (call.Params["card"] is JsonObject card)
        {
            (prefix, type) = ("tok_", "card");
            var details = card.Clone();
            details["exp_month"] = long.TryParse(card.Str("exp_month"), out var m) ? m : 0L;
            details["exp_year"] = long.TryParse(card.Str("exp_year"), out var y) ? y : 0L;
            var rendered = NewCard(details, "card");
            rendered["currency"] = card.Str("currency") is { } c ? Lower(c) : null;
            data["card"] = rendered;
        }
        else if (call.Params["account"] is JsonObject)
        {
            (prefix, type) = ("ct_", "account");
        }
        else if (call.Params["person"] is JsonObject)
        {
            (prefix, type) = ("cpt_", "person");
        }
        else if (call.Params["pii"] is JsonObject)
        {
            (prefix, type) = ("pii_", "pii");
        }
        else if (call.Params["cvc_update"] is JsonObject)
        {
            (prefix, type) = ("cvctok_", "cvc_update");
        }
        else
        {
            throw RuleTable.TokenNothingToTokenize.Fail(null, "You must supply a card, bank account, PII data, CVC update, account or person to create a token.");
        }

        var id = NewId(prefix);
        data["id"] = id;
        data["type"] = type;
        _tokens.Add(new Entity(id, data, NextSequence(), call.Scope, null));
        _tokenParams[id] = (JsonObject)(call.Params[type] ?? new JsonObject()).DeepClone();
        return data.Clone();
    }

    private JsonObject RetrieveToken(Call call) =>
        (Visible(_tokens, call.Path("token"), call.Scope) ?? throw ApiErrorException.NoSuch("id", "token", call.Path("token"))).Data.Clone();

    /// <summary>Takes a token made through the API for one use: a second use is refused.</summary>
    private Entity UseToken(string id, string param, string expectedType)
    {
        var token = _tokens.Find(id) is { } t && t.Data.Str("type") == expectedType ? t : throw ApiErrorException.NoSuch(param, "token", id);
        if (token.Data.Bool("used") == true)
        {
            throw RuleTable.TokenUsed.Fail(param, $"You cannot use a Stripe token more than once: {id}.");
        }

        token.Data["used"] = true;
        return token;
    }

    /// <summary>The parameters an account or person token carries, to apply as if they were sent directly.</summary>
    private JsonObject TokenParams(string id, string param, string expectedType) => _tokenParams[UseToken(id, param, expectedType).Id];

    /// <summary>The external account a token stands for: a test token, or a card or bank token made through the API.</summary>
    private JsonObject FromToken(string token, string param)
    {
        if (TestBankTokens.TryGetValue(token, out var accountNumber))
        {
            return new JsonObject { ["object"] = "bank_account", ["country"] = "US", ["currency"] = "usd", ["account_number"] = accountNumber, ["routing_number"] = "110000000" };
        }

        if (TestCardTokens.TryGetValue(token, out var number))
        {
            return new JsonObject { ["object"] = "card", ["number"] = number, ["exp_month"] = 12L, ["exp_year"] = (long)(_time.GetUtcNow().Year + 3) };
        }

        if (token.StartsWith("btok_", StringComparison.Ordinal))
        {
            var bank = (JsonObject)UseToken(token, param, "bank_account").Data["bank_account"]!;
            var details = _tokenParams[token].Clone();
            details["object"] = "bank_account";
            details["currency"] = bank.Str("currency");
            return details;
        }

        if (token.StartsWith("tok_", StringComparison.Ordinal))
        {
            UseToken(token, param, "card");
            var details = _tokenParams[token].Clone();
            details["object"] = "card";
            details["exp_month"] = long.TryParse(details.Str("exp_month"), out var m) ? m : 0L;
            details["exp_year"] = long.TryParse(details.Str("exp_year"), out var y) ? y : 0L;
            return details;
        }

        throw ApiErrorException.NoSuch(param, "token", token);
    }

    private static string Funding(string number) => DebitCardNumbers.Contains(number) ? "debit" : number == "5105105105105100" ? "prepaid" : "credit";
}
