using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Stripe.Connect.Client.Testing.Internal.Rules;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// The format rules Stripe applies to parameters once they fit the schema, and before any business rule:
/// currencies, countries, e-mail addresses, URLs, metadata limits, list limits, amounts, US bank numbers, dates of
/// birth and <c>expand</c> paths. Each refusal comes from <see cref="RuleTable"/>.
/// </summary>
internal static partial class ParamChecks
{
    /// <summary>The operations whose <c>amount</c> moves money, so it must be at least 1.</summary>
    private static readonly HashSet<string> MoneyOperations = new(StringComparer.Ordinal)
    {
        "PostTransfers", "PostPayouts", "PostTopups", "PostTransfersIdReversals", "PostApplicationFeesIdRefunds",
    };

    /// <summary>URL parameters that must be absolute http or https URLs; other <c>*_url</c> values may leave out the scheme.</summary>
    private static readonly HashSet<string> StrictUrls = new(StringComparer.Ordinal) { "url", "refresh_url", "return_url" };

    /// <summary>Stripe's US test bank account numbers (https://docs.stripe.com/connect/testing#payouts).</summary>
    private static readonly HashSet<string> TestAccountNumbers = new(StringComparer.Ordinal)
    {
        "000123456789", "000111111116", "000111111113", "000222222227", "000333333335", "000444444440", "000999999991",
    };

    public static void Check(ApiOperation operation, JsonObject parameters, DateOnly today)
    {
        Walk(parameters, prefix: null, today);
        if (parameters["limit"] is JsonValue limit && limit.TryGetValue<long>(out var n) && n is < 1 or > 100)
        {
            throw RuleTable.LimitOutOfRange.Fail("limit", $"Invalid limit: must be between 1 and 100 (got {n}).");
        }

        if (MoneyOperations.Contains(operation.OperationId) && parameters["amount"] is JsonValue amount && amount.TryGetValue<long>(out var a))
        {
            if (a < 0)
            {
                throw RuleTable.AmountNegative.Fail("amount", $"Invalid positive integer: amount must not be negative (got {a}).");
            }

            if (a == 0)
            {
                throw RuleTable.AmountZero.Fail("amount", "This value must be greater than or equal to 1.");
            }
        }

        if (parameters["expand"] is JsonArray expand && operation.ResponseSchema is { } response)
        {
            for (var i = 0; i < expand.Count; i++)
            {
                // An app secret's payload is only returned when asked for, through expand.
                if (operation.OperationId.Contains("AppsSecrets", StringComparison.Ordinal) && expand[i]!.GetValue<string>() == "payload")
                {
                    continue;
                }

                CheckExpand(response, expand[i]!.GetValue<string>(), "expand");
            }
        }
    }

    private static string Name(string? prefix, string key) => prefix is null ? key : $"{prefix}[{key}]";

    private static void Walk(JsonObject node, string? prefix, DateOnly today)
    {
        if (node.ContainsKey("account_number"))
        {
            CheckBankNumbers(node, prefix);
        }

        foreach (var (key, value) in node)
        {
            var name = Name(prefix, key);
            if (key == "metadata" && value is JsonObject metadata)
            {
                CheckMetadata(metadata, name);
                continue;
            }

            if (key == "dob" && value is JsonObject dob)
            {
                CheckDateOfBirth(dob, name, today);
                continue;
            }

            switch (value)
            {
                case JsonObject child:
                    Walk(child, name, today);
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonObject item)
                        {
                            Walk(item, $"{name}[{i}]", today);
                        }
                    }

                    break;
                case JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0:
                    CheckString(key, s, name, topLevel: prefix is null);
                    break;
            }
        }
    }

    private static void CheckString(string key, string value, string name, bool topLevel)
    {
        if (key is "currency" or "default_currency" && !CurrencyCatalog.IsSupported(value))
        {
            throw RuleTable.CurrencyInvalid.Fail(name, $"Invalid currency: {value}. Stripe supports three-letter ISO codes such as usd, eur or gbp (see https://docs.stripe.com/currencies).");
        }

        if (key == "country" && !CountryCatalog.IsCountry(value))
        {
            throw RuleTable.CountryInvalid.Fail(name, $"Country '{value}' is unknown. Use a two-letter ISO 3166-1 code such as 'US', 'GB' or 'DE'.");
        }

        if ((key == "email" || key.EndsWith("_email", StringComparison.Ordinal)) && !EmailPattern().IsMatch(value))
        {
            throw RuleTable.EmailInvalid.Fail(name, $"Invalid email address: {value}");
        }

        if (key == "url" || key.EndsWith("_url", StringComparison.Ordinal))
        {
            var strict = topLevel && StrictUrls.Contains(key);
            var candidate = !strict && !value.Contains("://", StringComparison.Ordinal) ? "https://" + value : value;
            if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || !uri.Host.Contains('.', StringComparison.Ordinal) && !uri.IsLoopback)
            {
                throw RuleTable.UrlInvalid.Fail(name, "Not a valid URL");
            }
        }
    }

    private static void CheckMetadata(JsonObject metadata, string name)
    {
        if (metadata.Count > 50)
        {
            throw RuleTable.MetadataTooManyKeys.Fail(name, $"Invalid {name}: an object can hold at most 50 metadata keys ({metadata.Count} were sent).");
        }

        foreach (var (key, value) in metadata)
        {
            if (key.Length > 40)
            {
                throw RuleTable.MetadataKeyTooLong.Fail($"{name}[{key}]", $"Invalid {name}: keys can be at most 40 characters long ('{key[..40]}...' has {key.Length}).");
            }

            if (value is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 500)
            {
                throw RuleTable.MetadataValueTooLong.Fail($"{name}[{key}]", $"Invalid {name}[{key}]: values can be at most 500 characters long ({s.Length} were sent).");
            }
        }
    }

    private static void CheckBankNumbers(JsonObject bank, string? prefix)
    {
        var country = bank.Str("country") ?? "US";
        if (!string.Equals(country, "US", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (bank.Str("routing_number") is { } routing)
        {
            var digits = routing.Replace("-", string.Empty, StringComparison.Ordinal);
            if (!NineDigits().IsMatch(digits))
            {
                throw RuleTable.RoutingNumberInvalid.Fail(Name(prefix, "routing_number"), "Routing number must have 9 digits.");
            }

            if (!AbaCheckDigitHolds(digits))
            {
                throw RuleTable.RoutingNumberInvalid.Fail(Name(prefix, "routing_number"), $"Invalid routing number: {routing} is not a valid ABA routing number (its check digit does not match). Stripe's test routing number is 110000000.");
            }
        }

        if (bank.Str("account_number") is { } number && !TestAccountNumbers.Contains(number))
        {
            throw RuleTable.LiveBankAccount.Fail(
                Name(prefix, "account_number"),
                "You cannot use a live bank account number in test mode. Use one of Stripe's test numbers, such as 000123456789 (see https://docs.stripe.com/connect/testing#payouts).");
        }
    }

    /// <summary>An ABA routing number's weights 3, 7, 1 over its nine digits add up to a multiple of ten.</summary>
    private static bool AbaCheckDigitHolds(string digits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (i % 3) switch
            {
                0 => 3,
                1 => 7,
                _ => 1,
            };
        }

        return sum % 10 == 0;
    }

    /// <summary>A date of birth must be a real date, from 1900 on and not in the future; Stripe's minimum age is 13.</summary>
    private static void CheckDateOfBirth(JsonObject dob, string name, DateOnly today)
    {
        if (dob.Long("day") is not { } day || dob.Long("month") is not { } month || dob.Long("year") is not { } year)
        {
            return;
        }

        if (month is < 1 or > 12)
        {
            throw RuleTable.DateOfBirthInvalid.Fail($"{name}[month]", $"Invalid date of birth: the month must be between 1 and 12 (got {month}).");
        }

        if (year < 1900 || year > today.Year)
        {
            throw RuleTable.DateOfBirthInvalid.Fail($"{name}[year]", $"Invalid date of birth: the year must be between 1900 and {today.Year} (got {year}).");
        }

        if (day < 1 || day > DateTime.DaysInMonth((int)year, (int)month))
        {
            throw RuleTable.DateOfBirthInvalid.Fail($"{name}[day]", $"Invalid date of birth: {year}-{month:00} has no day {day}.");
        }

        var date = new DateOnly((int)year, (int)month, (int)day);
        if (date > today)
        {
            throw RuleTable.DateOfBirthInvalid.Fail($"{name}[year]", "Invalid date of birth: the date is in the future.");
        }

        if (date > today.AddYears(-13))
        {
            throw RuleTable.DateOfBirthUnderMinimumAge.Fail($"{name}[year]", "You must be at least 13 years of age to use Stripe.");
        }
    }

    /// <summary>Follows an expand path through the response schema: each step must be an expandable field.</summary>
    private static void CheckExpand(JsonObject schema, string path, string param)
    {
        var segments = path.Split('.');
        var levels = 0;
        var current = ObjectFactory.ObjectSchema(schema);
        foreach (var segment in segments)
        {
            if (current is null)
            {
                throw RuleTable.ExpandNotExpandable.Fail(param, $"This property cannot be expanded ({segment}).");
            }

            if (IsList(current) && segment == "data")
            {
                current = current["properties"]?["data"]?["items"] is JsonObject items ? ObjectFactory.ObjectSchema(items) : null;
                continue;
            }

            var property = current["properties"]?[segment] as JsonObject;
            if (property?["x-expansionResources"] is not JsonObject resources)
            {
                throw RuleTable.ExpandNotExpandable.Fail(param, $"This property cannot be expanded ({segment}).");
            }

            if (++levels > 4)
            {
                throw RuleTable.ExpandTooDeep.Fail(param, $"You cannot expand more than 4 levels of a property ({path}).");
            }

            current = resources["oneOf"] is JsonArray { Count: 1 } single && single[0] is JsonObject only ? ObjectFactory.ObjectSchema(only) : ObjectFactory.ObjectSchema(property);
        }
    }

    private static bool IsList(JsonObject schema) =>
        schema["properties"]?["object"]?["enum"] is JsonArray e && e.Count == 1 && e[0]?.GetValue<string>() == "list";

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^[0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex NineDigits();
}
