namespace Stripe.Connect.Client.Testing.Internal.Requirements;

/// <summary>
/// What Stripe asks of an account whose requirements the platform (Custom) or Stripe's Express onboarding collects,
/// by country and business type, for the <c>card_payments</c> and <c>transfers</c> capabilities. The names are
/// Stripe's requirement names (<c>individual.dob.day</c>, <c>external_account</c>...). Sources are in
/// <see cref="Rules.RuleTable.RequirementSet"/>.
/// </summary>
internal static class RequirementCatalog
{
    /// <summary>The requirement that stands for a payout bank account (or debit card); it gates payouts, not capabilities.</summary>
    public const string ExternalAccount = "external_account";

    /// <summary>Asked when a verification of the identity fails; a test document (<c>file_identity_document_success</c>) clears it.</summary>
    public const string IdentityDocument = "verification.document";

    private static readonly string[] States = ["AU", "CA", "US"];

    private static readonly string[] Business = ["business_profile.mcc", "business_profile.url", "tos_acceptance.date", "tos_acceptance.ip", ExternalAccount];

    private static readonly string[] Person =
    [
        "first_name", "last_name", "dob.day", "dob.month", "dob.year", "address.line1", "address.city", "address.postal_code",
        "email", "phone",
    ];

    private static readonly string[] Company = ["company.name", "company.phone", "company.tax_id", "company.address.line1", "company.address.city", "company.address.postal_code"];

    /// <summary>
    /// The fields needed before the capabilities can be active (<c>currently_due</c> while missing). For a company,
    /// the representative's fields are named <c>representative.*</c>; the caller renames them after the person.
    /// </summary>
    /// <param name="country">The account's two-letter country.</param>
    /// <param name="businessType">The account's <c>business_type</c>; null is treated as an individual, plus <c>business_type</c> itself.</param>
    public static IReadOnlyList<string> Minimum(string country, string? businessType)
    {
        var fields = new List<string>(Business);
        if (businessType is null)
        {
            fields.Add("business_type");
        }

        if (businessType is "company" or "non_profit")
        {
            fields.AddRange(Company);
            if (States.Contains(country))
            {
                fields.Add("company.address.state");
            }

            fields.AddRange(PersonFields("representative", country));
            fields.Add("representative.relationship.title");
        }
        else
        {
            fields.AddRange(PersonFields("individual", country));
        }

        fields.Sort(StringComparer.Ordinal);
        return fields;
    }

    /// <summary>The fields Stripe asks for later, at a verification threshold (<c>eventually_due</c> only until then).</summary>
    /// <param name="country">The account's two-letter country.</param>
    /// <param name="businessType">The account's <c>business_type</c>.</param>
    public static IReadOnlyList<string> Eventually(string country, string? businessType) =>
        country == "US" ? [(businessType is "company" or "non_profit" ? "representative" : "individual") + ".id_number"] : [];

    private static IEnumerable<string> PersonFields(string prefix, string country)
    {
        foreach (var field in Person)
        {
            yield return prefix + "." + field;
        }

        if (States.Contains(country))
        {
            yield return prefix + ".address.state";
        }

        // US: the last four digits of the SSN at onboarding (the full number satisfies them too); Canada: the SIN.
        if (country == "US")
        {
            yield return prefix + ".ssn_last_4";
        }
        else if (country == "CA")
        {
            yield return prefix + ".id_number";
        }
    }
}
