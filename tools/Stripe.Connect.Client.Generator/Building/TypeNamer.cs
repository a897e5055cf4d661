using System.Globalization;
using Stripe.Connect.Client.Generator.Configuration;
using Stripe.Connect.Client.Generator.Model;

namespace Stripe.Connect.Client.Generator.Building;

/// <summary>A candidate C# name as the segments it was built from, so a name that is too long can drop some.</summary>
/// <param name="Segments">PascalCase parts: the root first (<c>Account</c>), then the path (<c>Settings</c>, <c>Payouts</c>).</param>
/// <param name="Suffix">The kind's suffix (<c>Input</c> for nested request records), never dropped.</param>
/// <param name="Explicit">Given by the configuration: used as it is.</param>
internal sealed record NameParts(IReadOnlyList<string> Segments, string Suffix, bool Explicit = false)
{
    public string Text => string.Concat(Segments) + Suffix;

    public static NameParts Fixed(string name) => new([name], string.Empty, Explicit: true);

    /// <summary>The name itself, then shorter forms that keep the longest tail of the path (with the root when it fits).</summary>
    public IEnumerable<string> Candidates(int maxLength)
    {
        yield return Text;
        if (Explicit || Text.Length <= maxLength)
        {
            yield break;
        }

        var n = Segments.Count;
        for (var k = n - 1; k >= 1; k--)
        {
            if (k < n - 1)
            {
                yield return Segments[0] + string.Concat(Segments.Skip(n - k)) + Suffix;
            }

            yield return string.Concat(Segments.Skip(n - k)) + Suffix;
        }
    }
}

/// <summary>
/// Names every generated type. The rules, in order: an explicit <c>typeNames</c> entry for the shape's key; the first
/// matching <c>namePatterns</c> rule; otherwise a name from the document: a schema's PascalCase name, an inline object's
/// owner plus property, a request place's resource plus path plus <c>Input</c> (so create and update twins get the same
/// name and merge). A shape shared by several places is named after what the places have in common (see
/// <see cref="GroupName"/>). Names longer than <see cref="MaxLength"/> drop path segments; clashes get a number.
/// </summary>
internal sealed class TypeNamer
{
    public const int MaxLength = 40;
    public const string InputSuffix = "Input";

    private static readonly string[] ReservedNames =
    [
        "StripeEntity", "StripeList", "StripeObject", "Expandable", "Emptyable", "ConnectClient", "ConnectClientOptions", "ConnectService",
        "RequestOptions", "StripeResponse", "StripeRawResponse", "IHasId", "IStripeEnum", "ConnectJsonContext", "ConnectServiceRegistrations",
        "ConnectModelFactory", "StripeMetadata", "StripeEvent", "StripeEventData", "StripeEventType", "StripeEventRequest", "EventObjectTypes",
        "StripeError", "StripeException", "AppInfo", "Object", "String", "Input",
    ];

    private readonly GeneratorConfig _config;
    private readonly GenerationReport _report;
    private readonly Dictionary<string, string> _claimed = new(StringComparer.Ordinal);

    public TypeNamer(GeneratorConfig config, GenerationReport report)
    {
        _config = config;
        _report = report;
        foreach (var n in ReservedNames)
        {
            _claimed[n] = "reserved";
        }

        foreach (var svc in config.Services)
        {
            _claimed[svc.ClassName] = "service";
        }
    }

    /// <summary>The explicit <c>typeNames</c> entry of a key (the only configuration a shared shape's name comes from).</summary>
    public string? Explicit(string key) => _config.TypeNames.GetValueOrDefault(key);

    /// <summary>The configured name of a key: an explicit entry, else the first matching pattern.</summary>
    public string? Configured(string key) =>
        _config.TypeNames.TryGetValue(key, out var n) ? n : _config.NamePatterns.Select(p => p.Apply(key)).FirstOrDefault(x => x is not null);

    /// <summary>Default names of the nested request records and one-ofs: resource + path + <c>Input</c>.</summary>
    /// <param name="keys">The shape keys (<c>AccountCreateRequest.company.address</c>, <c>...external_account#card</c>).</param>
    /// <param name="resourceOf">Top-level request key → resource (<c>AccountCreateRequest</c> → <c>Account</c>).</param>
    /// <param name="qualified">Keep the request's method in the name (for places whose twin has another shape).</param>
    public NameParts InputName(string key, IReadOnlyDictionary<string, string> resourceOf, bool qualified = false)
    {
        if (!qualified && Configured(key) is { } configured)
        {
            return NameParts.Fixed(configured);
        }

        var parts = key.Split('.', '#');
        var request = parts[0];
        var root = resourceOf.TryGetValue(request, out var resource) ? resource : request;
        if (qualified && request.EndsWith("Request", StringComparison.Ordinal))
        {
            root = request[..^"Request".Length];
        }

        return new NameParts([root, .. parts.Skip(1).Select(Words.Pascal)], InputSuffix);
    }

    /// <summary>The default name of a record or union: configured, else from its schema, else owner + property.</summary>
    public NameParts RecordName(string key, Func<string, NameParts?> ownerName)
    {
        if (Configured(key) is { } configured)
        {
            return NameParts.Fixed(configured);
        }

        var dot = key.LastIndexOf('.');
        if (dot > 0 && ownerName(key[..dot]) is { } owner)
        {
            return new NameParts([.. owner.Segments, Words.Pascal(key[(dot + 1)..])], string.Empty);
        }

        return new NameParts(key.Split('_', '.').Select(Words.Pascal).ToList(), string.Empty);
    }

    /// <summary>
    /// The name of a shape shared by several places: an explicit <c>typeNames</c> entry of any place (first key in ordinal order); else
    /// the name all places already have (twins); else the request title all titled places share (<c>address_specs</c> → <c>AddressInput</c>); else the words the places'
    /// names share at their start and end (<c>AccountRequirements</c> + <c>AccountFutureRequirements</c> →
    /// <c>AccountRequirements</c>), when they share a last word; else <see langword="null"/> (the places stay apart).
    /// </summary>
    public NameParts? GroupName(IReadOnlyList<string> keys, IReadOnlyList<NameParts> names, IReadOnlyList<string?> titles, string suffix)
    {
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            if (Explicit(key) is { } configured)
            {
                return NameParts.Fixed(configured);
            }
        }

        if (names.All(n => n.Text == names[0].Text))
        {
            return names[0];
        }

        var distinctTitles = titles.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (distinctTitles.Count == 1)
        {
            return new NameParts([Words.Pascal(TitleStem(distinctTitles[0]))], suffix);
        }

        var words = names.Select(n => Words.Split(string.Concat(n.Segments))).ToList();
        var prefix = 0;
        while (words.All(w => w.Count > prefix) && words.All(w => w[prefix] == words[0][prefix]))
        {
            prefix++;
        }

        var tail = 0;
        while (words.All(w => w.Count - tail > prefix) && words.All(w => w[^(tail + 1)] == words[0][^(tail + 1)]))
        {
            tail++;
        }

        if (tail == 0 || prefix + tail < 2)
        {
            return null;
        }

        return new NameParts([.. words[0].Take(prefix), .. words[0].Skip(words[0].Count - tail)], suffix);
    }

    /// <summary><c>company_specs</c> → <c>company</c>; <c>capability_param</c> → <c>capability</c>; <c>settings_specs_update</c> → <c>settings</c>.</summary>
    public static string TitleStem(string title)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["_specs_update", "_specs", "_param", "_params"])
        {
            if (title.EndsWith(suffix, StringComparison.Ordinal) && title.Length > suffix.Length)
            {
                return title[..^suffix.Length];
            }
        }

        return title;
    }

    /// <summary>
    /// Claims a final name for <paramref name="owner"/>: the first candidate of <paramref name="parts"/> that fits
    /// <see cref="MaxLength"/> (configured names are taken as they are) and no other shape holds; else a number is added.
    /// </summary>
    public string Claim(NameParts parts, string owner)
    {
        var fitting = parts.Candidates(MaxLength).Where(c => parts.Explicit || c.Length <= MaxLength).ToList();
        foreach (var candidate in fitting)
        {
            if (!_claimed.TryGetValue(candidate, out var holder) || holder == owner)
            {
                _claimed[candidate] = owner;
                if (candidate != parts.Text)
                {
                    _report.Notes.Add($"{owner}: {parts.Text} is longer than {MaxLength} characters; named {candidate}");
                }

                return candidate;
            }
        }

        var basis = fitting.FirstOrDefault() ?? parts.Text;
        for (var i = 2; ; i++)
        {
            var numbered = basis + i.ToString(CultureInfo.InvariantCulture);
            if (!_claimed.ContainsKey(numbered))
            {
                _claimed[numbered] = owner;
                _report.Notes.Add($"{owner}: {basis} is taken; named {numbered}");
                return numbered;
            }
        }
    }

    /// <summary>Whether a name is claimed by another owner.</summary>
    public bool IsTakenByOther(string name, string owner) => _claimed.TryGetValue(name, out var holder) && holder != owner;
}
