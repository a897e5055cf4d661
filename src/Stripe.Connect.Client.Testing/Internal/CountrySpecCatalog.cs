using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// A few real countries with representative country specs (default currency, bank currencies, payment
/// methods, transfer countries, verification fields). Enough for platforms that branch on them; not the
/// full list Stripe serves.
/// </summary>
internal static class CountrySpecCatalog
{
    private static readonly string[] Sepa =
    [
        "AT", "BE", "BG", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU", "IE", "IT",
        "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK",
    ];

    private static readonly string[] IndividualMinimum =
    [
        "external_account", "individual.address.city", "individual.address.line1", "individual.address.postal_code",
        "individual.dob.day", "individual.dob.month", "individual.dob.year", "individual.email",
        "individual.first_name", "individual.last_name", "individual.phone", "tos_acceptance.date", "tos_acceptance.ip",
    ];

    private static readonly string[] CompanyMinimum =
    [
        "business_profile.mcc", "business_profile.url", "business_type", "company.address.city", "company.address.line1",
        "company.address.postal_code", "company.name", "company.phone", "company.tax_id", "external_account",
        "owners.first_name", "owners.last_name", "representative.dob.day", "representative.dob.month",
        "representative.dob.year", "representative.email", "representative.first_name", "representative.last_name",
        "tos_acceptance.date", "tos_acceptance.ip",
    ];

    private static readonly (string Country, string Currency, string[] Methods, string[] TransferCountries, string[] Extra)[] Countries =
    [
        ("AU", "aud", ["au_becs_debit", "card", "stripe"], ["AU"], ["individual.address.state"]),
        ("CA", "cad", ["acss_debit", "card", "stripe"], ["CA", "US"], ["individual.address.state", "individual.id_number"]),
        ("DE", "eur", ["card", "sepa_debit", "sofort", "stripe"], Sepa, []),
        ("FR", "eur", ["card", "sepa_debit", "stripe"], Sepa, []),
        ("GB", "gbp", ["bacs_debit", "card", "stripe"], Sepa, []),
        ("JP", "jpy", ["card", "stripe"], ["JP"], ["individual.first_name_kana", "individual.last_name_kana"]),
        ("US", "usd", ["ach", "card", "stripe"], ["CA", "GB", "US", .. Sepa], ["individual.address.state", "individual.ssn_last_4"]),
    ];

    public static IEnumerable<string> Codes => Countries.Select(c => c.Country);

    public static string DefaultCurrency(string country) =>
        Countries.FirstOrDefault(c => c.Country == country).Currency ?? "usd";

    public static JsonObject? Find(string country)
    {
        var index = Array.FindIndex(Countries, c => c.Country == country);
        if (index < 0)
        {
            return null;
        }

        var (code, currency, methods, transferCountries, extra) = Countries[index];
        var bankCurrencies = new JsonObject { [currency] = new JsonArray(JsonValue.Create(code)) };
        if (currency != "usd" && code != "JP")
        {
            bankCurrencies["usd"] = new JsonArray(JsonValue.Create(code));
        }

        return new JsonObject
        {
            ["id"] = code,
            ["object"] = "country_spec",
            ["default_currency"] = currency,
            ["supported_bank_account_currencies"] = bankCurrencies,
            ["supported_payment_currencies"] = Strings(["aud", "cad", "chf", "eur", "gbp", "jpy", "usd"]),
            ["supported_payment_methods"] = Strings(methods),
            ["supported_transfer_countries"] = Strings(transferCountries.Distinct().Order(StringComparer.Ordinal)),
            ["verification_fields"] = new JsonObject
            {
                ["company"] = new JsonObject { ["additional"] = new JsonArray(), ["minimum"] = Strings(CompanyMinimum) },
                ["individual"] = new JsonObject
                {
                    ["additional"] = Strings(["individual.verification.document"]),
                    ["minimum"] = Strings(IndividualMinimum.Concat(extra).Order(StringComparer.Ordinal)),
                },
            },
        };
    }

    private static JsonArray Strings(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var v in values)
        {
            array.Add((JsonNode?)JsonValue.Create(v));
        }

        return array;
    }
}
