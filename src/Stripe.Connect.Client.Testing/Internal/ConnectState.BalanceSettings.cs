using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>Balance settings (<c>/v1/balance_settings</c>): one per account, payouts manual until set otherwise.</summary>
internal sealed partial class ConnectState
{
    private readonly Dictionary<string, JsonObject> _balanceSettings = new(StringComparer.Ordinal);

    private JsonObject SettingsOf(string? owner)
    {
        var key = owner ?? string.Empty;
        if (!_balanceSettings.TryGetValue(key, out var settings))
        {
            settings = ObjectFactory.Create("balance_settings");
            var payments = (JsonObject)settings["payments"]!;
            payments["debit_negative_balances"] = true;
            payments["payouts"] = new JsonObject
            {
                ["automatic_transfer_rules_by_currency"] = null,
                ["minimum_balance_by_currency"] = null,
                ["schedule"] = new JsonObject { ["interval"] = "manual" },
                ["statement_descriptor"] = null,
                ["status"] = "enabled",
            };
            payments["settlement_timing"] = new JsonObject { ["delay_days"] = 2L, ["start_of_day"] = null };
            _balanceSettings[key] = settings;
        }

        return settings;
    }

    private JsonObject RetrieveBalanceSettings(Call call) => SettingsOf(call.Scope).Clone();

    private JsonObject UpdateBalanceSettings(Call call)
    {
        var settings = SettingsOf(call.Scope);
        var before = settings.Clone();
        if (call.Params["payments"] is JsonObject payments)
        {
            ObjectFactory.Merge((JsonObject)settings["payments"]!, payments, ApiSpec.Instance.Schema("balance_settings_payments"));
            if (payments["settlement_timing"]?["delay_days_override"] is JsonValue days && days.TryGetValue<long>(out var d))
            {
                settings["payments"]!["settlement_timing"]!["delay_days"] = d;
            }
        }

        EmitUpdate("balance_settings.updated", call.Scope, before, settings, call);
        return settings.Clone();
    }
}
