using System.Text.Json;
using System.Text.Json.Nodes;
using Stripe.Connect.Client.Testing.Internal;

namespace Stripe.Connect.Client.Testing.Tests;

/// <summary>Every object the fake returns must match its response schema: required fields, types, nullability, enums, no invented fields.</summary>
public class SchemaConformanceTests : ApiTestBase
{
    [Test]
    public async Task Every_object_type_matches_its_schema()
    {
        var account = await CreateAccount("type=custom&business_type=individual&individual[first_name]=Jane&business_profile[mcc]=5734&capabilities[transfers][requested]=true&tos_acceptance[date]=1700000000&tos_acceptance[ip]=127.0.0.1&settings[payouts][schedule][interval]=daily");
        Api.ActivateCapability(account, "transfers");
        var express = await CreateAccount("type=express");
        var bank = await Post($"/v1/accounts/{account}/external_accounts", "external_account=btok_us&metadata[a]=b");
        var card = await Post($"/v1/accounts/{account}/external_accounts", "external_account[object]=card&external_account[number]=4000056655665556&external_account[exp_month]=12&external_account[exp_year]=2031&external_account[cvc]=123&external_account[currency]=eur");
        Api.FundBalance(100_000);
        var transfer = await Post("/v1/transfers", $"amount=1000&currency=usd&destination={account}");
        var fee = Api.SeedApplicationFee(account, 300);
        var samples = new Dictionary<string, JsonObject>
        {
            ["account"] = (await Get($"/v1/accounts/{account}")).Json,
            ["capability"] = (await Get($"/v1/accounts/{account}/capabilities/transfers")).Json,
            ["person"] = (await Post($"/v1/accounts/{account}/persons", "first_name=Jo&dob[day]=1&dob[month]=2&dob[year]=1990&relationship[owner]=true")).Json,
            ["bank_account"] = bank.Json,
            ["card"] = card.Json,
            ["login_link"] = (await Post($"/v1/accounts/{express}/login_links")).Json,
            ["account_link"] = (await Post("/v1/account_links", $"account={account}&refresh_url=https%3A%2F%2Fa.example&return_url=https%3A%2F%2Fb.example&type=account_onboarding")).Json,
            ["account_session"] = (await Post("/v1/account_sessions", $"account={account}&components[account_onboarding][enabled]=true")).Json,
            ["transfer_reversal"] = (await Post($"/v1/transfers/{transfer.Str("id")}/reversals", "amount=100")).Json,
            ["transfer"] = (await Get($"/v1/transfers/{transfer.Str("id")}")).Json,
            ["fee_refund"] = (await Post($"/v1/application_fees/{fee}/refunds", "amount=100")).Json,
            ["application_fee"] = (await Get($"/v1/application_fees/{fee}")).Json,
            ["topup"] = (await Post("/v1/topups", "amount=100&currency=usd&metadata[x]=y")).Json,
            ["apps.secret"] = (await Post("/v1/apps/secrets", "name=n&payload=p&scope[type]=account")).Json,
            ["country_spec"] = (await Get("/v1/country_specs/DE")).Json,
            ["deleted_external_account"] = (await Delete($"/v1/accounts/{account}/external_accounts/{card.Str("id")}")).Json,
            ["deleted_account"] = (await Delete($"/v1/accounts/{express}")).Json,
        };

        var bankForPayouts = await Post($"/v1/accounts/{account}/external_accounts", "external_account=btok_us_verified&default_for_currency=true");
        Api.FundBalance(5_000, account: account);
        var payout = await Post("/v1/payouts", "amount=1000&currency=usd", account: account);
        var endpoint = await Post("/v1/webhook_endpoints", "url=https%3A%2F%2Fhooks.example%2Fw&enabled_events[]=*");
        var code = Api.CreateOAuthAuthorizationCode();
        samples["balance"] = (await Get("/v1/balance")).Json;
        samples["balance_transaction"] = (await Get($"/v1/balance_transactions/{transfer.Str("balance_transaction")}")).Json;
        samples["balance_settings"] = (await Get("/v1/balance_settings")).Json;
        samples["payout"] = payout.Json;
        samples["token"] = (await Post("/v1/tokens", "card[number]=4000056655665556&card[exp_month]=12&card[exp_year]=2031")).Json;
        samples["webhook_endpoint"] = endpoint.Json;
        samples["event"] = (await Get("/v1/events")).Json["data"]![0]!.AsObject();
        samples["oauth_token"] = (await Post("/oauth/token", $"grant_type=authorization_code&code={code}")).Json;
        samples["deleted_webhook_endpoint"] = (await Delete($"/v1/webhook_endpoints/{endpoint.Str("id")}")).Json;
        Assert.That(bankForPayouts.Status, Is.EqualTo(System.Net.HttpStatusCode.OK));

        var errors = new List<string>();
        foreach (var (schema, sample) in samples)
        {
            Check(sample, new JsonObject { ["$ref"] = "#/components/schemas/" + schema }, schema, errors);
        }

        Assert.That(errors, Is.Empty);
    }

    private static void Check(JsonNode? node, JsonObject schema, string path, List<string> errors)
    {
        var nullable = schema["nullable"]?.GetValue<bool>() == true;
        schema = ApiSpec.Instance.Resolve(schema);
        if (node is null)
        {
            if (!nullable && schema["nullable"]?.GetValue<bool>() != true)
            {
                errors.Add($"{path}: null but not nullable");
            }

            return;
        }

        if (schema["anyOf"] is JsonArray anyOf)
        {
            var attempts = anyOf.OfType<JsonObject>().Select(a =>
            {
                var e = new List<string>();
                Check(node, a, path, e);
                return e;
            }).ToList();
            if (attempts.All(a => a.Count > 0))
            {
                errors.Add($"{path}: matches no anyOf branch ({string.Join("; ", attempts.OrderBy(a => a.Count).First())})");
            }

            return;
        }

        switch (schema["type"]?.GetValue<string>())
        {
            case "object":
                if (node is not JsonObject obj)
                {
                    errors.Add($"{path}: expected object");
                    return;
                }

                var properties = schema["properties"] as JsonObject;
                foreach (var required in (schema["required"] as JsonArray ?? []).Select(r => r!.GetValue<string>()))
                {
                    if (!obj.ContainsKey(required))
                    {
                        errors.Add($"{path}.{required}: required but missing");
                    }
                }

                foreach (var (key, value) in obj)
                {
                    if (properties?[key] is JsonObject propertySchema)
                    {
                        Check(value, propertySchema, $"{path}.{key}", errors);
                    }
                    else if (schema["additionalProperties"] is JsonObject additional)
                    {
                        Check(value, additional, $"{path}.{key}", errors);
                    }
                    else if (properties is not null && schema["x-stripeStub"] is null)
                    {
                        errors.Add($"{path}.{key}: not in the schema");
                    }
                }

                break;
            case "array":
                if (node is not JsonArray array)
                {
                    errors.Add($"{path}: expected array");
                    return;
                }

                for (var i = 0; i < array.Count; i++)
                {
                    Check(array[i], (JsonObject)schema["items"]!, $"{path}[{i}]", errors);
                }

                break;
            case "string":
                if (node.GetValueKind() != JsonValueKind.String)
                {
                    errors.Add($"{path}: expected string");
                }
                else if (schema["enum"] is JsonArray values && !values.Any(v => v!.GetValue<string>() == node.GetValue<string>()))
                {
                    errors.Add($"{path}: '{node.GetValue<string>()}' not in enum");
                }

                break;
            case "integer":
                if (node.GetValueKind() != JsonValueKind.Number || !long.TryParse(node.ToJsonString(), out _))
                {
                    errors.Add($"{path}: expected integer");
                }

                break;
            case "number":
                if (node.GetValueKind() != JsonValueKind.Number)
                {
                    errors.Add($"{path}: expected number");
                }

                break;
            case "boolean":
                if (node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                {
                    errors.Add($"{path}: expected boolean");
                }

                break;
        }
    }
}
