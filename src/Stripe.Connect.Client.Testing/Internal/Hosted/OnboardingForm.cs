using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal.Hosted;

/// <summary>
/// The hosted onboarding form of one account: which inputs to show for the requirements that are due (or all of
/// them, prefilled, for an update link), their current values, the checks before anything is sent, and the API
/// parameters a submission becomes (an account update, a representative person, a bank account). It knows nothing
/// of links, sessions or HTTP.
/// </summary>
internal sealed class OnboardingForm
{
    private static readonly KeyValuePair<string, string>[] BusinessTypes =
    [
        new("individual", "Individual or sole proprietor"),
        new("company", "Company"),
    ];

    private static readonly KeyValuePair<string, string>[] Industries =
    [
        new("5734", "Computer software stores (5734)"),
        new("5812", "Restaurants (5812)"),
        new("5999", "Miscellaneous retail (5999)"),
        new("7299", "Personal services (7299)"),
        new("8999", "Professional services (8999)"),
    ];

    private static readonly KeyValuePair<string, string>[] TestDocuments =
    [
        new("file_identity_document_success", "Test document that verifies (file_identity_document_success)"),
        new("file_identity_document_failure", "Test document that fails (file_identity_document_failure)"),
    ];

    private static readonly string[] StateCountries = ["AU", "CA", "US"];

    private readonly OnboardingContext _context;
    private readonly List<Spec> _visible;

    public OnboardingForm(OnboardingContext context)
    {
        _context = context;
        var all = AllSpecs().ToList();

        // A section with anything due is shown whole, prefilled with what the account has; a few inputs only when due.
        var dueSections = all.Where(s => !s.OnlyWhenDue && _context.Due.Contains(FullRequirement(s))).Select(s => s.Section).ToHashSet(StringComparer.Ordinal);
        _visible = [.. all.Where(s => Visible(s, dueSections))];
    }

    /// <summary>True when the form has nothing to ask.</summary>
    public bool IsEmpty => _visible.Count == 0;

    /// <summary>The sections to render, with <paramref name="posted"/> values (after a refused submission) or the account's.</summary>
    public IReadOnlyList<FormSection> Sections(JsonObject? posted, IReadOnlyDictionary<string, string> errors)
    {
        var sections = new List<FormSection>();
        foreach (var group in _visible.GroupBy(s => s.Section))
        {
            sections.Add(new FormSection(group.Key, [.. group.Select(s => Render(s, posted, errors))]));
        }

        return sections;
    }

    /// <summary>The checks the page makes before sending anything: required inputs, and a website or a description.</summary>
    public Dictionary<string, string> CheckRequired(JsonObject posted)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in _visible.Where(s => IsRequired(s) && Posted(posted, s) is null))
        {
            if (spec.Name == "url" && Posted(posted, "product_description") is not null)
            {
                continue;
            }

            errors[spec.Name] = spec.Kind == FormFieldKind.Checkbox
                ? "Accept the agreement to continue."
                : spec.Name == "url" ? "Enter a business website or describe your products." : $"{spec.Label} is required.";
        }

        return errors;
    }

    /// <summary>The API parameters of a submission: only the values that are new or changed are sent.</summary>
    /// <param name="posted">The submitted form.</param>
    /// <param name="now">The time of the ToS acceptance (Unix seconds).</param>
    /// <param name="clientIp">The browser's address, recorded as <c>tos_acceptance[ip]</c>.</param>
    /// <param name="userAgent">The browser's user agent, recorded as <c>tos_acceptance[user_agent]</c>.</param>
    public OnboardingSubmission Submission(JsonObject posted, long now, string clientIp, string? userAgent)
    {
        var account = new FormBody();
        var person = new FormBody();
        var bank = new FormBody();
        var dobChanged = _visible.Any(s => s.Path.StartsWith("dob.", StringComparison.Ordinal) && Posted(posted, s) is { } v && v != Current(s));
        foreach (var spec in _visible)
        {
            var value = Posted(posted, spec);
            if (value is null)
            {
                continue;
            }

            switch (spec.Target)
            {
                case FieldTarget.Terms:
                    if (Current(spec) is null)
                    {
                        account.Add("tos_acceptance[date]", now.ToString(CultureInfo.InvariantCulture), spec.Name);
                        account.Add("tos_acceptance[ip]", clientIp, spec.Name);
                        if (!string.IsNullOrEmpty(userAgent))
                        {
                            account.Add("tos_acceptance[user_agent]", userAgent, spec.Name);
                        }
                    }

                    break;
                case FieldTarget.Bank:
                    bank.Add("external_account[" + spec.Path + "]", value, spec.Name);
                    break;
                default:
                    var isDob = spec.Path.StartsWith("dob.", StringComparison.Ordinal);
                    if (isDob ? !dobChanged : value == Current(spec))
                    {
                        continue;
                    }

                    var (body, key) = PersonOnAccount(spec) ? (account, "individual." + spec.Path) : spec.Target == FieldTarget.Person ? (person, spec.Path) : (account, spec.Path);
                    body.Add(FormKey(key), value, spec.Name);
                    break;
            }
        }

        if (bank.Count > 0)
        {
            bank.Add("external_account[object]", "bank_account", null);
            bank.Add("external_account[country]", _context.Country, null);
            bank.Add("external_account[currency]", _context.Account.Str("default_currency") ?? "usd", null);
            bank.Add("external_account[account_holder_type]", _context.IsCompany ? "company" : "individual", null);
        }

        if (person.Count > 0 && _context.Representative is null)
        {
            person.Add("relationship[representative]", "true", null);
        }

        return new OnboardingSubmission(account, person, bank);
    }

    private static string FormKey(string path)
    {
        var parts = path.Split('.');
        var key = new StringBuilder(parts[0]);
        foreach (var part in parts.Skip(1))
        {
            key.Append('[').Append(part).Append(']');
        }

        return key.ToString();
    }

    private static string? Posted(JsonObject posted, Spec spec) => Posted(posted, spec.Name);

    private static string? Posted(JsonObject posted, string name) =>
        posted[name] is JsonValue v && v.TryGetValue<string>(out var s) && s.Trim().Length > 0 ? s.Trim() : null;

    private bool PersonOnAccount(Spec spec) => spec.Target == FieldTarget.Person && !_context.IsCompany;

    private bool Visible(Spec spec, HashSet<string> dueSections)
    {
        if (spec.Target == FieldTarget.Terms)
        {
            return Current(spec) is null && (_context.ShowAll || _context.Due.Contains(spec.Requirement));
        }

        if (spec.OnlyWhenDue)
        {
            return _context.Due.Contains(FullRequirement(spec));
        }

        return _context.ShowAll || dueSections.Contains(spec.Section);
    }

    private string FullRequirement(Spec spec) =>
        spec.Target == FieldTarget.Person ? _context.PersonPrefix + "." + spec.Requirement : spec.Requirement;

    private bool IsRequired(Spec spec) =>
        !spec.Optional
        && _context.Due.Contains(FullRequirement(spec))
        && !(spec.Sensitive && Current(spec) is not null)
        && !(spec.Target == FieldTarget.Bank && _context.ExternalAccountLast4 is not null);

    /// <summary>The account's current value of a field (sensitive numbers: "provided" or null; never the number).</summary>
    private string? Current(Spec spec)
    {
        JsonNode? node = spec.Target switch
        {
            FieldTarget.Person => _context.IsCompany ? _context.Representative : _context.Account["individual"],
            FieldTarget.Bank => null,
            _ => _context.Account,
        };
        var path = spec.Target == FieldTarget.Terms ? "tos_acceptance.date" : spec.Sensitive ? spec.ProvidedFlag! : spec.Path;
        foreach (var segment in path.Split('.'))
        {
            node = (node as JsonObject)?[segment];
        }

        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<bool>(out var flag))
        {
            return flag ? "provided" : null;
        }

        return value.TryGetValue<string>(out var s) ? (s.Length > 0 ? s : null) : value.ToJsonString();
    }

    private FormField Render(Spec spec, JsonObject? posted, IReadOnlyDictionary<string, string> errors)
    {
        var current = Current(spec);
        var value = posted is not null ? Posted(posted, spec) : spec.Sensitive ? null : current;
        string? hint = spec.Hint;
        if (spec.Sensitive && current is not null)
        {
            hint = "Already provided; leave blank to keep it.";
        }
        else if (spec.Target == FieldTarget.Bank && _context.ExternalAccountLast4 is { } last4)
        {
            hint = $"On file: account ending {last4}. Fill in to add another.";
        }

        return new FormField(spec.Name, spec.Label, spec.Kind)
        {
            Value = spec.Kind == FormFieldKind.Checkbox ? (value ?? (current is null ? null : "on")) : value,
            Required = IsRequired(spec),
            Autocomplete = spec.Autocomplete,
            Hint = hint,
            Error = errors.GetValueOrDefault(spec.Name),
            Options = spec.Options,
        };
    }

    private IEnumerable<Spec> AllSpecs()
    {
        const string Business = "Business details";
        yield return new Spec(Business, "business_type", "Business type", FormFieldKind.Select, FieldTarget.Account, "business_type", "business_type") { Options = BusinessTypes, OnlyWhenDue = true };
        yield return new Spec(Business, "mcc", "Industry", FormFieldKind.Select, FieldTarget.Account, "business_profile.mcc", "business_profile.mcc") { Options = Industries };
        yield return new Spec(Business, "url", "Business website", FormFieldKind.Url, FieldTarget.Account, "business_profile.url", "business_profile.url") { Autocomplete = "url" };
        yield return new Spec(Business, "product_description", "Product description", FormFieldKind.TextArea, FieldTarget.Account, "business_profile.product_description", "business_profile.url")
        {
            Optional = true,
            Hint = "No website? Describe what you sell instead.",
        };

        var states = StateCountries.Contains(_context.Country);
        var postal = _context.Country == "US" ? "ZIP code" : "Postal code";
        if (_context.IsCompany)
        {
            const string Company = "Company";
            yield return new Spec(Company, "company_name", "Legal business name", FormFieldKind.Text, FieldTarget.Account, "company.name", "company.name") { Autocomplete = "organization" };
            yield return new Spec(Company, "tax_id", _context.Country == "US" ? "Employer Identification Number (EIN)" : "Company tax ID", FormFieldKind.Text, FieldTarget.Account, "company.tax_id", "company.tax_id") { ProvidedFlag = "company.tax_id_provided" };
            yield return new Spec(Company, "company_phone", "Business phone number", FormFieldKind.Tel, FieldTarget.Account, "company.phone", "company.phone") { Autocomplete = "tel" };
            const string CompanyAddress = "Business address";
            yield return new Spec(CompanyAddress, "company_line1", "Business address line 1", FormFieldKind.Text, FieldTarget.Account, "company.address.line1", "company.address.line1");
            yield return new Spec(CompanyAddress, "company_line2", "Business address line 2", FormFieldKind.Text, FieldTarget.Account, "company.address.line2", "company.address.line1") { Optional = true };
            yield return new Spec(CompanyAddress, "company_city", "Business city", FormFieldKind.Text, FieldTarget.Account, "company.address.city", "company.address.city");
            if (states)
            {
                yield return new Spec(CompanyAddress, "company_state", "Business state", FormFieldKind.Text, FieldTarget.Account, "company.address.state", "company.address.state");
            }

            yield return new Spec(CompanyAddress, "company_postal_code", "Business " + postal, FormFieldKind.Text, FieldTarget.Account, "company.address.postal_code", "company.address.postal_code");
        }

        var personal = _context.IsCompany ? "Representative" : "Personal details";
        yield return new Spec(personal, "first_name", "First name", FormFieldKind.Text, FieldTarget.Person, "first_name", "first_name") { Autocomplete = "given-name" };
        yield return new Spec(personal, "last_name", "Last name", FormFieldKind.Text, FieldTarget.Person, "last_name", "last_name") { Autocomplete = "family-name" };
        yield return new Spec(personal, "email", "Email", FormFieldKind.Email, FieldTarget.Person, "email", "email") { Autocomplete = "email" };
        yield return new Spec(personal, "phone", "Phone number", FormFieldKind.Tel, FieldTarget.Person, "phone", "phone") { Autocomplete = "tel" };
        if (_context.IsCompany)
        {
            yield return new Spec(personal, "title", "Job title", FormFieldKind.Text, FieldTarget.Person, "relationship.title", "relationship.title") { Autocomplete = "organization-title" };
        }

        const string Dob = "Date of birth";
        yield return new Spec(Dob, "dob_day", "Day", FormFieldKind.Number, FieldTarget.Person, "dob.day", "dob.day") { Autocomplete = "bday-day" };
        yield return new Spec(Dob, "dob_month", "Month", FormFieldKind.Number, FieldTarget.Person, "dob.month", "dob.month") { Autocomplete = "bday-month" };
        yield return new Spec(Dob, "dob_year", "Year", FormFieldKind.Number, FieldTarget.Person, "dob.year", "dob.year") { Autocomplete = "bday-year" };

        const string Home = "Home address";
        yield return new Spec(Home, "line1", "Address line 1", FormFieldKind.Text, FieldTarget.Person, "address.line1", "address.line1") { Autocomplete = "address-line1" };
        yield return new Spec(Home, "line2", "Address line 2", FormFieldKind.Text, FieldTarget.Person, "address.line2", "address.line1") { Autocomplete = "address-line2", Optional = true };
        yield return new Spec(Home, "city", "City", FormFieldKind.Text, FieldTarget.Person, "address.city", "address.city") { Autocomplete = "address-level2" };
        if (states)
        {
            yield return new Spec(Home, "state", "State", FormFieldKind.Text, FieldTarget.Person, "address.state", "address.state") { Autocomplete = "address-level1" };
        }

        yield return new Spec(Home, "postal_code", postal, FormFieldKind.Text, FieldTarget.Person, "address.postal_code", "address.postal_code") { Autocomplete = "postal-code" };

        const string Identity = "Identity";
        if (_context.Country == "US")
        {
            yield return new Spec(Identity, "ssn_last_4", "Last 4 digits of SSN", FormFieldKind.Text, FieldTarget.Person, "ssn_last_4", "ssn_last_4") { ProvidedFlag = "ssn_last_4_provided" };
        }

        yield return new Spec(Identity, "id_number", _context.Country == "US" ? "Social Security number" : "Personal ID number", FormFieldKind.Text, FieldTarget.Person, "id_number", "id_number") { ProvidedFlag = "id_number_provided", OnlyWhenDue = true };
        yield return new Spec(Identity, "document", "Identity document", FormFieldKind.Select, FieldTarget.Person, "verification.document.front", RequirementNames.Document) { Options = TestDocuments, OnlyWhenDue = true };

        const string Bank = "Bank account for payouts";
        yield return new Spec(Bank, "routing_number", "Routing number", FormFieldKind.Text, FieldTarget.Bank, "routing_number", RequirementNames.ExternalAccount) { Optional = _context.Country != "US" };
        yield return new Spec(Bank, "account_number", "Account number", FormFieldKind.Text, FieldTarget.Bank, "account_number", RequirementNames.ExternalAccount);
        yield return new Spec(Bank, "account_holder_name", "Account holder name", FormFieldKind.Text, FieldTarget.Bank, "account_holder_name", RequirementNames.ExternalAccount) { Optional = true, Autocomplete = "name" };

        yield return new Spec("Terms", "tos", "I accept the Stripe Connected Account Agreement", FormFieldKind.Checkbox, FieldTarget.Terms, "tos_acceptance", "tos_acceptance.date");
    }

    /// <summary>One input the form knows: where it is shown, which requirement it answers and which parameter it sets.</summary>
    private sealed record Spec(string Section, string Name, string Label, FormFieldKind Kind, FieldTarget Target, string Path, string Requirement)
    {
        public bool Optional { get; init; }

        public string? Autocomplete { get; init; }

        public string? Hint { get; init; }

        public IReadOnlyList<KeyValuePair<string, string>> Options { get; init; } = [];

        /// <summary>Shown only while its own requirement is due (not with the rest of its section).</summary>
        public bool OnlyWhenDue { get; init; }

        /// <summary>For a sensitive number: the flag that says it was provided (the number itself is never shown).</summary>
        public string? ProvidedFlag { get; init; }

        public bool Sensitive => ProvidedFlag is not null;
    }

    /// <summary>Requirement names the form refers to.</summary>
    private static class RequirementNames
    {
        public const string ExternalAccount = Requirements.RequirementCatalog.ExternalAccount;

        public const string Document = Requirements.RequirementCatalog.IdentityDocument;
    }
}
