// Moving money as a platform: read balances before and after, pay connected accounts with transfers, take one
// back with a reversal, walk every application fee with auto-paging, refund a fee in two steps (meeting the typed
// error Stripe returns for an over-refund), pay a seller out to their bank, and reconcile both balances through
// their balance transactions.
using Microsoft.Extensions.DependencyInjection;
using Stripe.Connect.Client;
using Stripe.Connect.Client.Samples;

return await SampleHost.RunAsync("PlatformFees", args, async (services, context) =>
{
    var client = services.GetRequiredService<ConnectClient>();

    // Two sellers who can receive transfers.
    var sellers = new List<Account>();
    foreach (var email in new[] { "north@market.example", "south@market.example" })
    {
        var seller = await client.Accounts.CreateAsync(new AccountCreateRequest
        {
            Controller = AccountControllerInput.Custom,
            Country = "US",
            Email = email,
            Capabilities = new()
            {
                Transfers = new() { Requested = true },
                CardPayments = new() { Requested = true },
            },
        });
        context.Api?.ActivateCapabilities(seller.Id);
        sellers.Add(seller);
    }

    Console.WriteLine($"Sellers: {string.Join(", ", sellers.Select(s => s.Id))}");

    // Transfers draw on the platform's available balance. Offline, fund it the way a test-mode platform does with
    // Stripe's 4000000000000077 test card (its charges skip the pending balance); in test mode, charge that card first.
    context.Api?.FundBalance(10_000);
    var platformBefore = await client.Balance.GetAsync();
    var sellerBefore = await client.Balance.GetAsync(options: On(sellers[0].Id));
    Console.WriteLine($"Balances before: platform {Describe(platformBefore)}; {sellers[0].Id} {Describe(sellerBefore)}");

    // Pay each seller for order 1001. The idempotency key ties the transfer to the order, so a crash
    // and a re-run can never pay twice.
    var transfers = new List<Transfer>();
    foreach (var seller in sellers)
    {
        var transfer = await client.Transfers.CreateAsync(
            new TransferCreateRequest { Amount = 2_500, Currency = "usd", Destination = seller.Id, TransferGroup = "order_1001" },
            new RequestOptions { IdempotencyKey = $"order_1001-payout-{seller.Id}" });
        transfers.Add(transfer);
        Console.WriteLine($"Transfer {transfer.Id}: {Money(transfer.Amount, transfer.Currency)} to {transfer.Destination?.Id}");
    }

    var replay = await client.Transfers.CreateAsync(
        new TransferCreateRequest { Amount = 2_500, Currency = "usd", Destination = sellers[0].Id, TransferGroup = "order_1001" },
        new RequestOptions { IdempotencyKey = $"order_1001-payout-{sellers[0].Id}" });
    Console.WriteLine($"Re-running the first payout returned the same transfer {replay.Id} (replayed: {replay.StripeResponse?.IdempotentReplayed})");

    // Part of the second order was returned: take 7.50 back.
    var reversal = await client.TransferReversals.CreateAsync(transfers[1].Id, new TransferReversalCreateRequest { Amount = 750, Description = "Item returned" });
    var afterReversal = await client.Transfers.GetAsync(transfers[1].Id);
    Console.WriteLine($"Reversal {reversal.Id}: {Money(reversal.Amount, reversal.Currency)} back; transfer now has {Money(afterReversal.AmountReversed, afterReversal.Currency)} reversed");

    if (context.Api is { } api)
    {
        // Offline, application fees come from charges the platform made on behalf of the sellers.
        for (var i = 0; i < 250; i++)
        {
            api.SeedApplicationFee(sellers[i % 2].Id, amount: 100 + i);
        }
    }

    // Walk every fee; pages of 100 are fetched only as the loop reaches them.
    long total = 0;
    var count = 0;
    ApplicationFee? first = null;
    await foreach (var fee in client.ApplicationFees.ListAutoPagingAsync(new ApplicationFeeListRequest { Limit = 100 }))
    {
        first ??= fee;
        total += fee.Amount - fee.AmountRefunded;
        count++;
    }

    Console.WriteLine($"Application fees: {count}, net {Money(total, "usd")}");
    if (first is null)
    {
        Console.WriteLine("No application fee to refund in this account.");
    }
    else
    {
        var partial = await client.ApplicationFeeRefunds.CreateAsync(first.Id, new ApplicationFeeRefundCreateRequest { Amount = 50 });
        Console.WriteLine($"Refunded {Money(partial.Amount, partial.Currency)} of fee {first.Id}");

        try
        {
            // More than what is left on the fee: Stripe refuses it, and nothing is refunded.
            await client.ApplicationFeeRefunds.CreateAsync(first.Id, new ApplicationFeeRefundCreateRequest { Amount = first.Amount });
        }
        catch (InvalidRequestException e)
        {
            Console.WriteLine($"Over-refund refused: {e.StripeError?.Message} (param {e.StripeError?.Param}, code {e.StripeError?.Code}, request {e.RequestId})");
        }

        // No amount: refund whatever is left.
        var rest = await client.ApplicationFeeRefunds.CreateAsync(first.Id);
        var refunded = await client.ApplicationFees.GetAsync(first.Id);
        Console.WriteLine($"Refunded the remaining {Money(rest.Amount, rest.Currency)}; fee refunded in full: {refunded.Refunded} ({Money(refunded.AmountRefunded, refunded.Currency)} of {Money(refunded.Amount, refunded.Currency)})");
    }

    // Pay the first seller out to their bank account. Payouts draw on the connected account's own balance, so the
    // call acts for the seller (Stripe-Account). The test routing and account numbers are Stripe's.
    var bank = await client.ExternalAccounts.CreateAsync(sellers[0].Id, new ExternalAccountCreateRequest
    {
        ExternalAccount = new BankAccountInput { Country = "US", Currency = "usd", RoutingNumber = "110000000", AccountNumber = "000123456789" },
    });
    var payout = await client.Payouts.CreateAsync(
        new PayoutCreateRequest { Amount = 1_000, Currency = "usd", Destination = bank.Id, StatementDescriptor = "MARKET PAYOUT" },
        On(sellers[0].Id));
    Console.WriteLine($"Payout {payout.Id}: {Money(payout.Amount, payout.Currency)} to {bank.Id}, {payout.Status}, expected on {payout.ArrivalDate:yyyy-MM-dd}");

    var platformAfter = await client.Balance.GetAsync();
    var sellerAfter = await client.Balance.GetAsync(options: On(sellers[0].Id));
    Console.WriteLine($"Balances after: platform {Describe(platformAfter)}; {sellers[0].Id} {Describe(sellerAfter)}");

    // Reconcile: every movement wrote a balance transaction (amount, fee and net in cents), and their nets add up to
    // the balance, available and pending together. Expanding data.source brings the object behind each movement, typed
    // (a transfer, reversal, fee, fee refund, payout or top-up); other kinds such as charges keep their raw JSON.
    await Reconcile("platform", null, platformAfter);
    await Reconcile(sellers[0].Id, sellers[0].Id, sellerAfter);

    async Task Reconcile(string who, string? account, Balance balance)
    {
        long net = 0;
        var byType = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var request = new BalanceTransactionListRequest { Currency = "usd", Limit = 100, Expand = ["data.source"] };
        await foreach (var txn in client.BalanceTransactions.ListAutoPagingAsync(request, account is null ? null : On(account)))
        {
            net += txn.Net;
            var kind = txn.Source?.Value switch
            {
                Transfer => "transfers",
                TransferReversal => "reversals",
                ApplicationFee => "fees",
                ApplicationFeeRefund => "fee refunds",
                Payout => "payouts",
                Topup => "top-ups",
                OtherBalanceTransactionSource other => other.Object + "s",
                _ => txn.Type.Value,
            };
            byType[kind] = byType.GetValueOrDefault(kind) + txn.Net;
        }

        var held = Total(balance.Available) + Total(balance.Pending);
        Console.WriteLine($"Reconciliation for {who}: {string.Join(", ", byType.Select(t => $"{t.Key} {Money(t.Value, "usd")}"))}; "
            + $"net {Money(net, "usd")} {(net == held ? "matches" : "does NOT match")} the balance of {Money(held, "usd")}");
    }

    static RequestOptions On(string account) => new() { StripeAccount = account };

    static long Total(IReadOnlyList<BalanceAmount> amounts) => amounts.Where(a => a.Currency == "usd").Sum(a => a.Amount);

    static string Describe(Balance balance) => $"available {Money(Total(balance.Available), "usd")}, pending {Money(Total(balance.Pending), "usd")}";

    static string Money(long minor, string currency) => $"{minor / 100m:0.00} {currency.ToUpperInvariant()}";
});
