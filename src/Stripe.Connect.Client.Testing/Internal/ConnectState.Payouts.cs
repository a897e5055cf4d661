using System.Text.Json.Nodes;
using Stripe.Connect.Client.Testing.Internal.Rules;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// Payouts: a debit of the account's available balance to one of its external accounts, which moves from
/// <c>pending</c> to <c>in_transit</c> to <c>paid</c> on the fake's clock, or fails for Stripe's failing test bank
/// account numbers with their documented failure codes (https://docs.stripe.com/connect/testing#payouts).
/// </summary>
internal sealed partial class ConnectState
{
    /// <summary>How long a payout stays pending before it is in transit (the fake's choice).</summary>
    public static readonly TimeSpan PayoutInTransitAfter = TimeSpan.FromHours(1);

    /// <summary>When a standard payout arrives (and a failing one fails): two days, Stripe's usual US schedule.</summary>
    public static readonly TimeSpan StandardPayoutArrival = TimeSpan.FromDays(2);

    /// <summary>When an instant payout arrives.</summary>
    public static readonly TimeSpan InstantPayoutArrival = TimeSpan.FromMinutes(30);

    /// <summary>Stripe's failing US test account numbers and the failure code each payout ends with.</summary>
    private static readonly Dictionary<string, (string Code, string Message)> FailingAccountNumbers = new(StringComparer.Ordinal)
    {
        ["000111111116"] = ("no_account", "The bank account details on file are probably incorrect: no account was found."),
        ["000111111113"] = ("account_closed", "The bank account has been closed."),
        ["000222222227"] = ("insufficient_funds", "The bank account has insufficient funds to cover the payout reversal or debit."),
        ["000333333335"] = ("debit_not_authorized", "Debit transactions are not approved on the bank account."),
        ["000444444440"] = ("invalid_currency", "The bank was unable to process this payout because of its currency."),
        ["000999999991"] = ("could_not_process", "The bank could not process this payout."),
    };

    private readonly EntityTable _payouts = new();
    private readonly Dictionary<string, string> _bankAccountNumbers = new(StringComparer.Ordinal);

    private Entity RequirePayout(Call call) =>
        Visible(_payouts, call.Path("payout"), call.Scope) ?? throw ApiErrorException.NoSuch("id", "payout", call.Path("payout"));

    private JsonObject CreatePayout(Call call)
    {
        var amount = call.Long("amount")!.Value;
        var currency = Lower(call.Str("currency")!);
        var method = call.Str("method") ?? "standard";
        var sourceType = call.Str("source_type") ?? "card";
        var accountId = call.Scope ?? Platform.Id;
        Entity destination;
        if (call.Str("destination") is { } destinationId)
        {
            destination = _externalAccounts.Find(destinationId) is { } found && found.Parent == accountId
                ? found
                : throw ApiErrorException.NoSuch("destination", "external account", destinationId);
        }
        else
        {
            destination = ExternalAccountsOf(accountId).FirstOrDefault(e => e.Data.Str("currency") == currency && e.Data.Bool("default_for_currency") == true)
                ?? throw RuleTable.PayoutNoExternalAccount.Fail("currency", $"This account has no external account in {currency} to pay out to. Add a bank account or debit card in {currency} first.");
        }

        if (method == "instant" && destination.Data.Str("object") != "card")
        {
            throw RuleTable.PayoutInstantToBank.Fail("method", "Instant payouts go to debit cards; this destination is a bank account. Use method=standard.");
        }

        RequireFunds(call.Scope, amount, currency, sourceType, "payout");

        var now = _time.GetUtcNow();
        var arrival = now + (method == "instant" ? InstantPayoutArrival : StandardPayoutArrival);
        var data = ObjectFactory.Create("payout");
        var id = NewId("po_");
        data["id"] = id;
        data["amount"] = amount;
        data["application_fee"] = null;
        data["application_fee_amount"] = null;
        data["arrival_date"] = arrival.ToUnixTimeSeconds();
        data["automatic"] = false;
        data["created"] = call.Now;
        data["currency"] = currency;
        data["description"] = call.Str("description");
        data["destination"] = destination.Id;
        data["failure_balance_transaction"] = null;
        data["failure_code"] = null;
        data["failure_message"] = null;
        data["livemode"] = false;
        data["method"] = method;
        data["original_payout"] = null;
        data["payout_method"] = null;
        data["reconciliation_status"] = "not_applicable";
        data["reversed_by"] = null;
        data["source_type"] = sourceType;
        data["statement_descriptor"] = call.Str("statement_descriptor");
        data["status"] = "pending";
        data["trace_id"] = new JsonObject { ["status"] = "pending", ["value"] = null };
        data["type"] = destination.Data.Str("object") == "card" ? "card" : "bank_account";
        MergeMetadata(data, call.Params);
        var transaction = RecordMovement(call.Scope, "payout", -amount, currency, id, "payout", call.Str("description") ?? "STRIPE PAYOUT", sourceType: sourceType);
        data["balance_transaction"] = transaction.Id;
        var payout = new Entity(id, data, NextSequence(), call.Scope, destination.Id);
        _payouts.Add(payout);
        Emit("payout.created", call.Scope, data, null, call);
        SchedulePayout(payout, now, arrival);
        return data.Clone();
    }

    private void SchedulePayout(Entity payout, DateTimeOffset now, DateTimeOffset arrival)
    {
        Schedule(now + (arrival - now < PayoutInTransitAfter ? TimeSpan.Zero : PayoutInTransitAfter), () =>
        {
            if (payout.Data.Str("status") == "pending")
            {
                var before = payout.Data.Clone();
                payout.Data["status"] = "in_transit";
                payout.Data["trace_id"] = new JsonObject { ["status"] = "supported", ["value"] = "TRACE" + RandomText(12).ToUpperInvariant() };
                EmitUpdate("payout.updated", payout.Scope, before, payout.Data, null);
            }
        });
        Schedule(arrival, () => ArrivePayout(payout));
    }

    private void ArrivePayout(Entity payout)
    {
        if (payout.Data.Str("status") is not ("pending" or "in_transit"))
        {
            return;
        }

        var before = payout.Data.Clone();
        var number = payout.Parent is { } destination ? _bankAccountNumbers.GetValueOrDefault(destination) : null;
        if (payout.Data.Str("original_payout") is null && number is not null && FailingAccountNumbers.TryGetValue(number, out var failure))
        {
            var amount = payout.Data.Long("amount")!.Value;
            var refund = RecordMovement(payout.Scope, "payout_failure", amount, payout.Data.Str("currency")!, payout.Id, "payout_reversal", "Payout failure", sourceType: payout.Data.Str("source_type")!);
            payout.Data["status"] = "failed";
            payout.Data["failure_code"] = failure.Code;
            payout.Data["failure_message"] = failure.Message;
            payout.Data["failure_balance_transaction"] = refund.Id;
            EmitUpdate("payout.updated", payout.Scope, before, payout.Data, null);
            Emit("payout.failed", payout.Scope, payout.Data, null, null);
            return;
        }

        payout.Data["status"] = "paid";
        payout.Data["reconciliation_status"] = "completed";
        EmitUpdate("payout.updated", payout.Scope, before, payout.Data, null);
        Emit("payout.paid", payout.Scope, payout.Data, null, null);
    }

    private JsonObject RetrievePayout(Call call) => RequirePayout(call).Data.Clone();

    private JsonObject UpdatePayout(Call call)
    {
        var payout = RequirePayout(call);
        var before = payout.Data.Clone();
        MergeMetadata(payout.Data, call.Params);
        EmitUpdate("payout.updated", payout.Scope, before, payout.Data, call);
        return payout.Data.Clone();
    }

    private JsonObject ListPayouts(Call call)
    {
        var items = _payouts.All.Where(p => p.Scope == call.Scope);
        if (call.Str("status") is { } status)
        {
            items = items.Where(p => p.Data.Str("status") == status);
        }

        if (call.Str("destination") is { } destination)
        {
            items = items.Where(p => p.Data.Str("destination") == destination);
        }

        items = Paging.Range(items, call.Params["arrival_date"], p => p.Data.Long("arrival_date") ?? 0);
        return Paging.Page(items, call.Params, "/v1/payouts", p => p.Data.Clone());
    }

    private JsonObject CancelPayout(Call call)
    {
        var payout = RequirePayout(call);
        if (payout.Data.Str("status") != "pending")
        {
            throw RuleTable.PayoutNotCancelable.Fail(null, $"This payout can no longer be canceled: its status is {payout.Data.Str("status")}. Only pending payouts can be canceled.");
        }

        var before = payout.Data.Clone();
        var refund = RecordMovement(payout.Scope, "payout_cancel", payout.Data.Long("amount")!.Value, payout.Data.Str("currency")!, payout.Id, "payout_reversal", "Payout canceled", sourceType: payout.Data.Str("source_type")!);
        payout.Data["status"] = "canceled";
        payout.Data["failure_balance_transaction"] = refund.Id;
        EmitUpdate("payout.updated", payout.Scope, before, payout.Data, call);
        Emit("payout.canceled", payout.Scope, payout.Data, null, call);
        return payout.Data.Clone();
    }

    private JsonObject ReversePayout(Call call)
    {
        var payout = RequirePayout(call);
        var destination = payout.Parent is { } d ? _externalAccounts.Find(d) : null;
        if (payout.Data.Str("status") != "paid" || payout.Data.Str("reversed_by") is not null || payout.Data.Str("original_payout") is not null
            || destination?.Data.Str("object") != "bank_account" || destination.Data.Str("country") is not ("US" or "CA"))
        {
            throw RuleTable.PayoutNotReversible.Fail(
                null,
                $"Only paid payouts to US or Canadian bank accounts can be reversed, once (this one is {payout.Data.Str("status")}). A pending payout is canceled instead.");
        }

        var now = _time.GetUtcNow();
        var amount = payout.Data.Long("amount")!.Value;
        var reversal = payout.Data.Clone();
        var id = NewId("po_");
        reversal["id"] = id;
        reversal["created"] = call.Now;
        reversal["arrival_date"] = (now + StandardPayoutArrival).ToUnixTimeSeconds();
        reversal["original_payout"] = payout.Id;
        reversal["status"] = "pending";
        reversal["reconciliation_status"] = "not_applicable";
        reversal["metadata"] = new JsonObject();
        MergeMetadata(reversal, call.Params);
        var credit = RecordMovement(payout.Scope, "payout", amount, payout.Data.Str("currency")!, id, "payout_reversal", "Payout reversal", sourceType: payout.Data.Str("source_type")!);
        reversal["balance_transaction"] = credit.Id;
        var entity = new Entity(id, reversal, NextSequence(), payout.Scope, payout.Parent);
        _payouts.Add(entity);
        var before = payout.Data.Clone();
        payout.Data["reversed_by"] = id;
        EmitUpdate("payout.updated", payout.Scope, before, payout.Data, call);
        Emit("payout.created", payout.Scope, reversal, null, call);
        SchedulePayout(entity, now, now + StandardPayoutArrival);
        return reversal.Clone();
    }
}
