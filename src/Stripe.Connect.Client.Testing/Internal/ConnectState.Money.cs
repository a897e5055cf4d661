using System.Text.Json.Nodes;
using Stripe.Connect.Client.Testing.Internal.Rules;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>Transfers and reversals, application fees and their refunds, top-ups.</summary>
internal sealed partial class ConnectState
{
    private static readonly string[] TransferCapabilities = ["transfers", "crypto_transfers", "legacy_payments"];

    private readonly EntityTable _transfers = new();
    private readonly EntityTable _reversals = new();
    private readonly EntityTable _fees = new();
    private readonly EntityTable _feeRefunds = new();
    private readonly EntityTable _topups = new();
    private readonly string _applicationId = NewId("ca_");

    private static Entity? Visible(EntityTable table, string id, string? scope) =>
        table.Find(id) is { } e && e.Scope == scope ? e : null;

    private JsonObject RenderTransfer(Entity transfer)
    {
        var data = transfer.Data.Clone();
        data["reversals"] = Paging.Embedded(_reversals.ChildrenOf(transfer.Id), $"/v1/transfers/{transfer.Id}/reversals", r => r.Data.Clone());
        return data;
    }

    private JsonObject CreateTransfer(Call call)
    {
        var amount = call.Long("amount")!.Value;
        var destinationId = call.Str("destination")!;
        var destination = FindAccount(destinationId, call.Scope);
        if (destination is null || destination == Platform || destination.Id == call.Scope)
        {
            throw ApiErrorException.NoSuch("destination", "account", destinationId);
        }

        if (!CapabilitiesOf(destination.Id).Any(c => TransferCapabilities.Contains(c.Data.Str("id")) && c.Data.Str("status") == "active"))
        {
            throw RuleTable.TransfersCapability.Fail(
                "destination",
                "Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments.");
        }

        var currency = Lower(call.Str("currency")!);
        var sourceType = call.Str("source_type") ?? "card";
        RequireFunds(call.Scope, amount, currency, sourceType, "transfer");

        var data = ObjectFactory.Create("transfer");
        var id = NewId("tr_");
        data["id"] = id;
        data["amount"] = amount;
        data["amount_reversed"] = 0L;
        var debit = RecordMovement(call.Scope, "transfer", -amount, currency, id, "transfer", call.Str("description"), sourceType: sourceType);
        var payment = NewId("py_");
        RecordMovement(destination.Id, "payment", amount, currency, payment, "charge", $"Transfer {id} from the platform", sourceType: sourceType);
        data["balance_transaction"] = debit.Id;
        data["created"] = call.Now;
        data["currency"] = currency;
        data["description"] = call.Str("description");
        data["destination"] = destination.Id;
        data["destination_payment"] = payment;
        data["livemode"] = false;
        data["reversed"] = false;
        data["source_transaction"] = call.Str("source_transaction");
        data["source_type"] = sourceType;
        data["transfer_group"] = call.Str("transfer_group");
        MergeMetadata(data, call.Params);
        var transfer = new Entity(id, data, NextSequence(), call.Scope, destination.Id);
        _transfers.Add(transfer);
        var rendered = RenderTransfer(transfer);
        Emit("transfer.created", call.Scope, rendered, null, call);
        return rendered;
    }

    private static JsonObject UpdateMetadata(Entity entity, Call call)
    {
        MergeMetadata(entity.Data, call.Params);
        return entity.Data.Clone();
    }

    private static void MergeMetadata(JsonObject data, JsonObject parameters)
    {
        if (data["metadata"] is not JsonObject metadata)
        {
            metadata = new JsonObject();
            data["metadata"] = metadata;
        }

        if (parameters.IsUnset("metadata"))
        {
            metadata.Clear();
        }
        else if (parameters["metadata"] is JsonObject values)
        {
            foreach (var (key, value) in values)
            {
                if (value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length == 0)
                {
                    metadata.Remove(key);
                }
                else
                {
                    metadata[key] = value?.DeepClone();
                }
            }
        }
    }

    private Entity RequireTransfer(Call call, string param) =>
        Visible(_transfers, call.Path(param), call.Scope) ?? throw ApiErrorException.NoSuch("id", "transfer", call.Path(param));

    private JsonObject RetrieveTransfer(Call call) => RenderTransfer(RequireTransfer(call, "transfer"));

    private JsonObject UpdateTransfer(Call call)
    {
        var transfer = RequireTransfer(call, "transfer");
        var before = RenderTransfer(transfer);
        if (call.Params.ContainsKey("description"))
        {
            transfer.Data["description"] = call.Str("description");
        }

        MergeMetadata(transfer.Data, call.Params);
        var after = RenderTransfer(transfer);
        EmitUpdate("transfer.updated", transfer.Scope, before, after, call);
        return after;
    }

    private JsonObject ListTransfers(Call call)
    {
        var items = _transfers.All.Where(t => t.Scope == call.Scope);
        if (call.Str("destination") is { } destination)
        {
            items = items.Where(t => t.Data.Str("destination") == destination);
        }

        if (call.Str("transfer_group") is { } group)
        {
            items = items.Where(t => t.Data.Str("transfer_group") == group);
        }

        return Paging.Page(items, call.Params, "/v1/transfers", RenderTransfer);
    }

    private JsonObject CreateReversal(Call call)
    {
        var transfer = RequireTransfer(call, "id");
        var amount = ReturnableAmount(
            call,
            transfer,
            "amount_reversed",
            $"Transfer {transfer.Id} has already been fully reversed.",
            nothingLeftCode: null,
            (amount, remaining) => $"The reversal amount ({amount}) is greater than the amount of the transfer that is left to reverse ({remaining}).");
        var data = NewReturn(call, transfer, "transfer_reversal", "trr_", amount);
        var id = data.Str("id")!;
        var currency = transfer.Data.Str("currency")!;
        var sourceType = transfer.Data.Str("source_type") ?? "card";
        var refund = NewId("pyr_");
        data["balance_transaction"] = RecordMovement(transfer.Scope, "transfer_refund", amount, currency, id, "transfer_reversal", $"Reversal of {transfer.Id}", sourceType: sourceType).Id;
        RecordMovement(transfer.Parent, "payment_refund", -amount, currency, refund, "refund", $"Reversal of transfer {transfer.Id}", sourceType: sourceType);
        data["destination_payment_refund"] = refund;
        data["source_refund"] = null;
        data["transfer"] = transfer.Id;
        _reversals.Add(new Entity(id, data, NextSequence(), transfer.Scope, transfer.Id));
        RecordReturn(transfer, "amount_reversed", "reversed", amount);
        Emit("transfer.reversed", transfer.Scope, RenderTransfer(transfer), null, call);
        return data.Clone();
    }

    private JsonObject RetrieveReversal(Call call) => _reversals.RequireChild(call, RequireTransfer(call, "transfer"), "transfer reversal").Data.Clone();

    private JsonObject UpdateReversal(Call call) => UpdateMetadata(_reversals.RequireChild(call, RequireTransfer(call, "transfer"), "transfer reversal"), call);

    private JsonObject ListReversals(Call call)
    {
        var transfer = RequireTransfer(call, "id");
        return Paging.Page(_reversals.ChildrenOf(transfer.Id), call.Params, $"/v1/transfers/{transfer.Id}/reversals", r => r.Data.Clone());
    }

    public string SeedFee(string accountId, long amount, string currency, string? charge, long? chargeAmount)
    {
        var account = FindConnectedAccount(accountId)
            ?? throw new ArgumentException($"No connected account '{accountId}' exists in this in-memory API.", nameof(accountId));
        var data = ObjectFactory.Create("application_fee");
        var id = NewId("fee_");
        var chargeId = charge ?? NewId("ch_");
        data["id"] = id;
        data["account"] = account.Id;
        data["amount"] = amount;
        data["amount_refunded"] = 0L;
        data["application"] = _applicationId;
        // The charge lands on the connected account less the fee; the fee lands on the platform.
        var gross = chargeAmount ?? amount;
        var feeDetails = new JsonArray((JsonNode)new JsonObject { ["amount"] = amount, ["application"] = _applicationId, ["currency"] = Lower(currency), ["description"] = "Application fee", ["type"] = "application_fee" });
        RecordMovement(account.Id, "charge", gross, currency, chargeId, "charge", "Charge with an application fee", fee: amount, feeDetails: feeDetails);
        data["balance_transaction"] = RecordMovement(null, "application_fee", amount, currency, id, "platform_earning", $"Application fee from {account.Id}").Id;
        data["charge"] = chargeId;
        data["created"] = Now;
        data["currency"] = Lower(currency);
        data["fee_source"] = new JsonObject { ["charge"] = chargeId, ["type"] = "charge" };
        data["livemode"] = false;
        data["originating_transaction"] = null;
        data["refunded"] = false;
        var fee = new Entity(id, data, NextSequence(), null, account.Id);
        _fees.Add(fee);
        Emit("application_fee.created", null, RenderFee(fee), null, null);
        return id;
    }

    private JsonObject RenderFee(Entity fee)
    {
        var data = fee.Data.Clone();
        data["refunds"] = Paging.Embedded(_feeRefunds.ChildrenOf(fee.Id), $"/v1/application_fees/{fee.Id}/refunds", r => r.Data.Clone());
        return data;
    }

    private Entity RequireFee(Call call, string param) =>
        Visible(_fees, call.Path(param), call.Scope) ?? throw ApiErrorException.NoSuch("id", "application fee", call.Path(param));

    private JsonObject RetrieveFee(Call call) => RenderFee(RequireFee(call, "id"));

    private JsonObject ListFees(Call call)
    {
        var items = _fees.All.Where(f => f.Scope == call.Scope);
        if (call.Str("charge") is { } charge)
        {
            items = items.Where(f => f.Data.Str("charge") == charge);
        }

        return Paging.Page(items, call.Params, "/v1/application_fees", RenderFee);
    }

    private JsonObject CreateFeeRefund(Call call)
    {
        var fee = RequireFee(call, "id");
        var amount = ReturnableAmount(
            call,
            fee,
            "amount_refunded",
            $"Application fee {fee.Id} has already been refunded.",
            "charge_already_refunded",
            (amount, remaining) => $"The refund of {amount} is more than the {remaining} left to refund on this application fee.");
        var data = NewReturn(call, fee, "fee_refund", "fr_", amount);
        var id = data.Str("id")!;
        var currency = fee.Data.Str("currency")!;
        data["balance_transaction"] = RecordMovement(fee.Scope, "application_fee_refund", -amount, currency, id, "platform_earning_refund", $"Refund of {fee.Id}").Id;
        RecordMovement(fee.Parent, "application_fee_refund", amount, currency, id, "platform_earning_refund", $"Refund of application fee {fee.Id}");
        data["fee"] = fee.Id;
        _feeRefunds.Add(new Entity(id, data, NextSequence(), fee.Scope, fee.Id));
        RecordReturn(fee, "amount_refunded", "refunded", amount);
        Emit("application_fee.refunded", fee.Scope, RenderFee(fee), null, call);
        return data.Clone();
    }

    // Transfer reversals and application fee refunds both give back part of a parent's amount: the amount
    // (all that is left by default) may not exceed what is left, and the parent keeps the running total.
    private static long ReturnableAmount(Call call, Entity parent, string returnedField, string nothingLeftMessage, string? nothingLeftCode, Func<long, long, string> tooLargeMessage)
    {
        var remaining = parent.Data.Long("amount")!.Value - parent.Data.Long(returnedField)!.Value;
        if (remaining == 0)
        {
            throw (nothingLeftCode is null ? RuleTable.TransferAlreadyReversed : RuleTable.FeeAlreadyRefunded).Fail("amount", nothingLeftMessage);
        }

        var amount = call.Long("amount") ?? remaining;
        return amount <= remaining ? amount : throw RuleTable.AmountTooLarge.Fail("amount", tooLargeMessage(amount, remaining));
    }

    private static JsonObject NewReturn(Call call, Entity parent, string objectName, string idPrefix, long amount)
    {
        var data = ObjectFactory.Create(objectName);
        data["id"] = NewId(idPrefix);
        data["amount"] = amount;
        data["created"] = call.Now;
        data["currency"] = parent.Data.Str("currency");
        MergeMetadata(data, call.Params);
        return data;
    }

    private static void RecordReturn(Entity parent, string returnedField, string flagField, long amount)
    {
        var returned = parent.Data.Long(returnedField)!.Value + amount;
        parent.Data[returnedField] = returned;
        parent.Data[flagField] = returned == parent.Data.Long("amount")!.Value;
    }

    private JsonObject RetrieveFeeRefund(Call call) => _feeRefunds.RequireChild(call, RequireFee(call, "fee"), "fee refund").Data.Clone();

    private JsonObject UpdateFeeRefund(Call call)
    {
        var refund = _feeRefunds.RequireChild(call, RequireFee(call, "fee"), "fee refund");
        var before = refund.Data.Clone();
        var after = UpdateMetadata(refund, call);
        EmitUpdate("application_fee.refund.updated", refund.Scope, before, after, call);
        return after;
    }

    private JsonObject ListFeeRefunds(Call call)
    {
        var fee = RequireFee(call, "id");
        return Paging.Page(_feeRefunds.ChildrenOf(fee.Id), call.Params, $"/v1/application_fees/{fee.Id}/refunds", r => r.Data.Clone());
    }

    private JsonObject CreateTopup(Call call)
    {
        var amount = call.Long("amount")!.Value;
        var data = ObjectFactory.Create("topup");
        var id = NewId("tu_");
        data["id"] = id;
        data["amount"] = amount;
        data["balance_transaction"] = null;
        data["created"] = call.Now;
        data["currency"] = Lower(call.Str("currency")!);
        data["description"] = call.Str("description");
        data["expected_availability_date"] = call.Now + 86400;
        data["livemode"] = false;
        data["source"] = null;
        data["statement_descriptor"] = call.Str("statement_descriptor");
        data["status"] = "pending";
        data["transfer_group"] = call.Str("transfer_group");
        MergeMetadata(data, call.Params);
        _topups.Add(new Entity(id, data, NextSequence(), call.Scope, null));
        Emit("topup.created", call.Scope, data, null, call);
        return data.Clone();
    }

    private Entity RequireTopup(Call call) =>
        Visible(_topups, call.Path("topup"), call.Scope) ?? throw ApiErrorException.NoSuch("id", "topup", call.Path("topup"));

    private JsonObject RetrieveTopup(Call call) => RequireTopup(call).Data.Clone();

    private JsonObject UpdateTopup(Call call)
    {
        var topup = RequireTopup(call);
        if (call.Params.ContainsKey("description"))
        {
            topup.Data["description"] = call.Str("description");
        }

        MergeMetadata(topup.Data, call.Params);
        return topup.Data.Clone();
    }

    private JsonObject ListTopups(Call call)
    {
        var items = _topups.All.Where(t => t.Scope == call.Scope);
        if (call.Str("status") is { } status)
        {
            items = items.Where(t => t.Data.Str("status") == status);
        }

        items = Paging.Range(items, call.Params["amount"], t => t.Data.Long("amount") ?? 0);
        return Paging.Page(items, call.Params, "/v1/topups", t => t.Data.Clone());
    }

    private JsonObject CancelTopup(Call call)
    {
        var topup = RequireTopup(call);
        if (topup.Data.Str("status") != "pending")
        {
            throw RuleTable.TopupNotCancelable.Fail(null, $"This top-up can no longer be canceled: its status is {topup.Data.Str("status")}. Only pending top-ups can be canceled.");
        }

        topup.Data["status"] = "canceled";
        Emit("topup.canceled", topup.Scope, topup.Data, null, call);
        return topup.Data.Clone();
    }

    /// <summary>Ends a pending top-up as the bank would: succeeded (with a balance transaction) or failed.</summary>
    public void CompleteTopup(string id, bool succeeded, string? failureCode, string? failureMessage)
    {
        var topup = _topups.Find(id) ?? throw new ArgumentException($"No top-up '{id}' exists in this in-memory API.", nameof(id));
        if (topup.Data.Str("status") != "pending")
        {
            throw new InvalidOperationException($"The top-up {id} is {topup.Data.Str("status")}, not pending.");
        }

        if (succeeded)
        {
            // Top-up funds count as bank_account funds and are available from the expected availability date.
            var availableAt = DateTimeOffset.FromUnixTimeSeconds(topup.Data.Long("expected_availability_date") ?? Now);
            var credit = RecordMovement(topup.Scope, "topup", topup.Data.Long("amount")!.Value, topup.Data.Str("currency")!, topup.Id, "topup", topup.Data.Str("description"), sourceType: "bank_account", availableAt: availableAt);
            topup.Data["status"] = "succeeded";
            topup.Data["balance_transaction"] = credit.Id;
            Emit("topup.succeeded", topup.Scope, topup.Data, null, null);
        }
        else
        {
            topup.Data["status"] = "failed";
            topup.Data["failure_code"] = failureCode;
            topup.Data["failure_message"] = failureMessage;
            Emit("topup.failed", topup.Scope, topup.Data, null, null);
        }
    }
}
