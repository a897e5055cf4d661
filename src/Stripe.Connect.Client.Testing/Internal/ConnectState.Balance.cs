using System.Text.Json.Nodes;
using Stripe.Connect.Client.Testing.Internal.Rules;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// The money model: every movement is a balance transaction of one account (the platform or a connected
/// account), and the balance is the sum of their <c>net</c> amounts, per currency and source type, split into
/// available and pending. <c>GET /v1/balance</c> and <c>/v1/balance_transactions</c> read it.
/// </summary>
internal sealed partial class ConnectState
{
    private readonly EntityTable _balanceTransactions = new();
    private readonly Dictionary<string, string> _sourceTypes = new(StringComparer.Ordinal);

    /// <summary>
    /// Writes a balance transaction for <paramref name="owner"/> (null: the platform). It is available at once, or
    /// pending until <paramref name="availableAt"/>, when it becomes available and a <c>balance.available</c> event follows.
    /// </summary>
    public Entity RecordMovement(
        string? owner,
        string type,
        long amount,
        string currency,
        string? source,
        string reportingCategory,
        string? description = null,
        long fee = 0,
        string sourceType = "card",
        DateTimeOffset? availableAt = null,
        JsonArray? feeDetails = null)
    {
        var now = _time.GetUtcNow();
        var pending = availableAt is { } at && at > now;
        var data = ObjectFactory.Create("balance_transaction");
        var id = NewId("txn_");
        data["id"] = id;
        data["amount"] = amount;
        data["available_on"] = (availableAt ?? now).ToUnixTimeSeconds();
        data["balance_type"] = "payments";
        data["created"] = now.ToUnixTimeSeconds();
        data["currency"] = Lower(currency);
        data["description"] = description;
        data["exchange_rate"] = null;
        data["fee"] = fee;
        data["fee_details"] = feeDetails ?? [];
        data["net"] = amount - fee;
        data["reporting_category"] = reportingCategory;
        data["source"] = source;
        data["status"] = pending ? "pending" : "available";
        data["type"] = type;
        var entity = new Entity(id, data, NextSequence(), owner, source);
        _balanceTransactions.Add(entity);
        _sourceTypes[id] = sourceType;
        if (pending)
        {
            Schedule(availableAt!.Value, () => MakeAvailable(entity));
        }

        return entity;
    }

    private void MakeAvailable(Entity transaction)
    {
        if (transaction.Data.Str("status") != "pending")
        {
            return;
        }

        transaction.Data["status"] = "available";
        Emit("balance.available", transaction.Scope, RenderBalance(transaction.Scope), null, null);
    }

    /// <summary>What <paramref name="owner"/> may spend now in a currency, from one source type.</summary>
    public long Available(string? owner, string currency, string sourceType) =>
        TransactionsOf(owner)
            .Where(t => t.Data.Str("status") == "available" && t.Data.Str("currency") == currency && _sourceTypes[t.Id] == sourceType)
            .Sum(t => t.Data.Long("net") ?? 0);

    private IEnumerable<Entity> TransactionsOf(string? owner) => _balanceTransactions.All.Where(t => t.Scope == owner);

    /// <summary>Refuses a debit beyond the available balance, as Stripe does for transfers and payouts.</summary>
    private void RequireFunds(string? owner, long amount, string currency, string sourceType, string what)
    {
        var available = Available(owner, currency, sourceType);
        if (available < amount)
        {
            throw RuleTable.BalanceInsufficient.Fail(
                null,
                $"You have insufficient available funds in your Stripe account for this {what}: your {sourceType} balance in {currency} is {available}, and {amount} is needed. "
                + "In test mode, funds added with the 4000000000000077 test card skip the pending balance; offline, call InMemoryConnectApi.FundBalance.");
        }
    }

    /// <summary>
    /// Adds funds as a test-mode charge does: available at once (Stripe's 4000000000000077 card), or pending until
    /// <paramref name="availableAt"/> (any other test card).
    /// </summary>
    public string Fund(string? accountId, long amount, string currency, long fee, DateTimeOffset? availableAt)
    {
        var owner = accountId is null || accountId == Platform.Id ? null : FindConnectedAccount(accountId)?.Id
            ?? throw new ArgumentException($"No connected account '{accountId}' exists in this in-memory API.", nameof(accountId));
        var feeDetails = new JsonArray();
        if (fee > 0)
        {
            feeDetails.Add((JsonNode)new JsonObject { ["amount"] = fee, ["application"] = null, ["currency"] = Lower(currency), ["description"] = "Stripe processing fees", ["type"] = "stripe_fee" });
        }

        var transaction = RecordMovement(owner, "charge", amount, currency, NewId("ch_"), "charge", "Test charge (funding)", fee, availableAt: availableAt, feeDetails: feeDetails);
        if (transaction.Data.Str("status") == "available")
        {
            Emit("balance.available", owner, RenderBalance(owner), null, null);
        }

        return transaction.Id;
    }

    public JsonObject RenderBalance(string? owner)
    {
        var transactions = TransactionsOf(owner).ToList();
        var defaultCurrency = owner is null ? Platform.Data.Str("default_currency") ?? "usd" : _accounts.Find(owner)?.Data.Str("default_currency") ?? "usd";
        var currencies = transactions.Select(t => t.Data.Str("currency")!).Append(defaultCurrency).Distinct().Order(StringComparer.Ordinal).ToList();
        var balance = ObjectFactory.Create("balance");
        balance["available"] = Amounts(transactions, currencies, "available");
        balance["pending"] = Amounts(transactions, currencies, "pending");
        balance["livemode"] = false;
        if (owner is null)
        {
            var reserved = new JsonArray();
            foreach (var currency in currencies)
            {
                reserved.Add((JsonNode)new JsonObject { ["amount"] = 0L, ["currency"] = currency });
            }

            balance["connect_reserved"] = reserved;
        }

        return balance;
    }

    private JsonArray Amounts(List<Entity> transactions, List<string> currencies, string status)
    {
        var result = new JsonArray();
        foreach (var currency in currencies)
        {
            var matching = transactions.Where(t => t.Data.Str("currency") == currency && t.Data.Str("status") == status).ToList();
            var bySource = new JsonObject { ["card"] = 0L };
            foreach (var group in matching.GroupBy(t => _sourceTypes[t.Id]).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                bySource[group.Key] = group.Sum(t => t.Data.Long("net") ?? 0);
            }

            result.Add((JsonNode)new JsonObject { ["amount"] = matching.Sum(t => t.Data.Long("net") ?? 0), ["currency"] = currency, ["source_types"] = bySource });
        }

        return result;
    }

    private JsonObject RetrieveBalance(Call call) => RenderBalance(call.Scope);

    private JsonObject RetrieveBalanceTransaction(Call call) =>
        (Visible(_balanceTransactions, call.Path("id"), call.Scope) ?? throw ApiErrorException.NoSuch("id", "balance transaction", call.Path("id"))).Data.Clone();

    private JsonObject ListBalanceTransactions(Call call)
    {
        var items = TransactionsOf(call.Scope);
        if (call.Str("currency") is { } currency)
        {
            items = items.Where(t => t.Data.Str("currency") == Lower(currency));
        }

        if (call.Str("type") is { } type)
        {
            items = items.Where(t => t.Data.Str("type") == type);
        }

        if (call.Str("source") is { } source)
        {
            items = items.Where(t => t.Data.Str("source") == source);
        }

        if (call.Str("payout") is { } payout)
        {
            var owned = Visible(_payouts, payout, call.Scope) ?? throw ApiErrorException.NoSuch("payout", "payout", payout);
            items = items.Where(t => t.Data.Str("source") == owned.Id);
        }

        return Paging.Page(items, call.Params, "/v1/balance_transactions", t => t.Data.Clone());
    }
}
