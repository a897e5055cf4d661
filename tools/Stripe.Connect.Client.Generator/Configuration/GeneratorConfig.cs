using System.Text.Json;

namespace Stripe.Connect.Client.Generator.Configuration;

/// <summary>
/// The tool's own description of the surface (<c>connect-operations.json</c>): which operations to generate, under
/// which service and method names, and the names, summaries and facts the document does not carry.
/// </summary>
internal sealed class GeneratorConfig
{
    public List<ServiceConfig> Services { get; } = [];

    /// <summary>The C# namespace of everything generated (<c>Stripe.Connect.Client</c>; v2 Core: <c>Stripe.Connect.Client.V2.Core</c>).</summary>
    public string Namespace { get; private set; } = "Stripe.Connect.Client";

    /// <summary>The subfolder of <c>Generated/</c> the files go to (empty for v1, <c>V2</c> for v2 Core).</summary>
    public string Folder { get; private set; } = string.Empty;

    /// <summary><see langword="true"/> for the v2 family: JSON bodies, <c>V2List</c> pages, idempotency keys on DELETE.</summary>
    public bool IsV2 { get; private set; }

    /// <summary>v2: the class that holds the family's services (<c>CoreServices</c>, reached as <c>client.V2.Core</c>).</summary>
    public string ServicesClass { get; private set; } = "ConnectClient";

    /// <summary>The name of the generated model factory class.</summary>
    public string ModelFactory { get; private set; } = "ConnectModelFactory";

    public List<OperationConfig> Operations { get; } = [];

    /// <summary>
    /// Explicit C# names by shape key: a schema name (<c>fee_refund</c>), an inline object (<c>account.settings</c>), a
    /// request place (<c>AccountCreateRequest.company</c>, <c>ExternalAccountCreateRequest.external_account#bank_account</c>)
    /// or an enum place (<c>account.capabilities.transfers</c>). When merged shapes carry different entries, the first in
    /// ordinal order of the keys wins.
    /// </summary>
    public Dictionary<string, string> TypeNames { get; } = new(StringComparer.Ordinal);

    /// <summary>Wildcard name rules (<c>account_session_components_*_features</c> → <c>{0}Features</c>), tried in order after <see cref="TypeNames"/>.</summary>
    public List<NamePattern> NamePatterns { get; } = [];

    /// <summary>Path of each top-level object's page under https://docs.stripe.com/api/.</summary>
    public Dictionary<string, string> SchemaDocs { get; } = new(StringComparer.Ordinal);

    /// <summary>Hand-written one-line summaries of records, by schema name or shape key.</summary>
    public Dictionary<string, string> SchemaSummaries { get; } = new(StringComparer.Ordinal);

    /// <summary>Fields (<c>schema.field</c>) that hold secrets besides any field whose name contains <c>secret</c>.</summary>
    public HashSet<string> SecretFields { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Request parameters, by wire name, that hold secrets or sensitive personal data (<c>account_number</c>, <c>cvc</c>,
    /// <c>id_number</c>...), besides any parameter whose name contains <c>secret</c>: request records mask them in <c>ToString()</c>.
    /// </summary>
    public HashSet<string> SecretParameters { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Inline <c>anyOf</c> places (<c>balance_transaction.source</c>) typed as a union of their in-scope variants plus a
    /// generic fallback variant for every other kind, instead of <c>StripeObject</c>.
    /// </summary>
    public HashSet<string> TypedUnions { get; } = new(StringComparer.Ordinal);

    /// <summary>The id prefix of each resource (<c>account</c> → <c>acct_</c>), for the docs of ids and expandable fields.</summary>
    public Dictionary<string, string> IdPrefixes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Schemas a hand-written runtime type stands for, by schema name (<c>event</c> → <c>StripeEvent</c>): the walker
    /// returns that type instead of generating a record, so a service and the webhooks share one type.
    /// </summary>
    public Dictionary<string, string> ExternalTypes { get; } = new(StringComparer.Ordinal);

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "connect-operations.json");

    public static GeneratorConfig Load(string path) => Parse(File.ReadAllText(path));

    public static GeneratorConfig Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var config = new GeneratorConfig();
        config.Namespace = Text(root, "namespace") ?? config.Namespace;
        config.Folder = Text(root, "folder") ?? config.Folder;
        config.IsV2 = Text(root, "family") == "v2";
        config.ServicesClass = Text(root, "servicesClass") ?? config.ServicesClass;
        config.ModelFactory = Text(root, "modelFactory") ?? config.ModelFactory;
        foreach (var s in root.GetProperty("services").EnumerateArray())
        {
            config.Services.Add(new ServiceConfig(
                s.GetProperty("property").GetString()!,
                s.GetProperty("class").GetString()!,
                s.GetProperty("resource").GetString()!,
                s.GetProperty("docs").GetString()!,
                s.TryGetProperty("summary", out var sum) ? sum.GetString()! : $"Calls the {s.GetProperty("property").GetString()} endpoints."));
        }

        foreach (var o in root.GetProperty("operations").EnumerateArray())
        {
            var ids = new List<KeyValuePair<string, string>>();
            foreach (var p in o.GetProperty("pathParams").EnumerateObject())
            {
                ids.Add(new(p.Name, p.Value.GetString()!));
            }

            config.Operations.Add(new OperationConfig(
                o.GetProperty("http").GetString()!,
                o.GetProperty("path").GetString()!,
                o.GetProperty("service").GetString()!,
                o.GetProperty("method").GetString()!,
                ids,
                o.TryGetProperty("docs", out var d) ? d.GetString() : null,
                o.TryGetProperty("summary", out var os) ? os.GetString() : null));
        }

        ReadMap(root, "typeNames", config.TypeNames);
        ReadMap(root, "schemaDocs", config.SchemaDocs);
        ReadMap(root, "schemaSummaries", config.SchemaSummaries);
        ReadMap(root, "idPrefixes", config.IdPrefixes);
        ReadMap(root, "externalTypes", config.ExternalTypes);
        if (root.TryGetProperty("namePatterns", out var patterns))
        {
            foreach (var p in patterns.EnumerateArray())
            {
                config.NamePatterns.Add(new NamePattern(p.GetProperty("match").GetString()!, p.GetProperty("name").GetString()!));
            }
        }

        if (root.TryGetProperty("secretParameters", out var secretParameters))
        {
            foreach (var s in secretParameters.EnumerateArray())
            {
                config.SecretParameters.Add(s.GetString()!);
            }
        }

        if (root.TryGetProperty("typedUnions", out var typedUnions))
        {
            foreach (var u in typedUnions.EnumerateArray())
            {
                config.TypedUnions.Add(u.GetString()!);
            }
        }

        if (root.TryGetProperty("secretFields", out var secrets))
        {
            foreach (var s in secrets.EnumerateArray())
            {
                config.SecretFields.Add(s.GetString()!);
            }
        }

        return config;
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static void ReadMap(JsonElement root, string name, Dictionary<string, string> target)
    {
        if (root.TryGetProperty(name, out var map))
        {
            foreach (var p in map.EnumerateObject())
            {
                target[p.Name] = p.Value.GetString()!;
            }
        }
    }
}

/// <summary>One service: <c>AccountService</c> reachable as <c>ConnectClient.Accounts</c>.</summary>
internal sealed record ServiceConfig(string Property, string ClassName, string Resource, string Docs, string Summary);

/// <summary>One operation, keyed by HTTP method and path, with its contract method name and the C# names of its path ids.</summary>
internal sealed record OperationConfig(string Http, string Path, string Service, string Method, List<KeyValuePair<string, string>> PathParams, string? Docs, string? Summary);

/// <summary>
/// A name rule with one <c>*</c> wildcard: a key matching <see cref="Match"/> is named <see cref="Name"/>, where <c>{0}</c>
/// is the PascalCase of what the wildcard matched.
/// </summary>
internal sealed record NamePattern(string Match, string Name)
{
    public string? Apply(string key)
    {
        var star = Match.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return key == Match ? Name : null;
        }

        var prefix = Match[..star];
        var suffix = Match[(star + 1)..];
        if (key.Length <= prefix.Length + suffix.Length || !key.StartsWith(prefix, StringComparison.Ordinal) || !key.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var captured = key[prefix.Length..^suffix.Length];
        return captured.Contains('.', StringComparison.Ordinal) ? null : Name.Replace("{0}", Words.Pascal(captured), StringComparison.Ordinal);
    }
}
