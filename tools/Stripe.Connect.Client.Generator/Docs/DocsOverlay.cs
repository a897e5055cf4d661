using System.Text.Json;

namespace Stripe.Connect.Client.Generator.Docs;

/// <summary>
/// The docs overlay (<c>connect-docs.json</c>): descriptions in the team's own words for what the rules cannot say from
/// the document alone. Keys are C# type name + <c>.</c> + wire name (<c>Account.charges_enabled</c>,
/// <c>AccountCreateRequest.account_token</c>); the text is XML doc text (use <c>&lt;c&gt;</c>, <c>&lt;see cref&gt;</c>).
/// Never paste Stripe's prose here.
/// </summary>
internal sealed class DocsOverlay
{
    public static DocsOverlay Empty { get; } = new();

    /// <summary>Member descriptions by <c>Type.wire</c>.</summary>
    public Dictionary<string, string> Properties { get; } = new(StringComparer.Ordinal);

    /// <summary>Summaries of generated types by C# name (records, enums, requests).</summary>
    public Dictionary<string, string> Types { get; } = new(StringComparer.Ordinal);

    /// <summary>The <c>[Obsolete]</c> message of a deprecated member, by <c>Type.wire</c>: what to use instead.</summary>
    public Dictionary<string, string> Obsolete { get; } = new(StringComparer.Ordinal);

    /// <summary>What an event type means, by wire type (<c>account.updated</c>).</summary>
    public Dictionary<string, string> Events { get; } = new(StringComparer.Ordinal);

    /// <summary>The keys a run looked up and found, so unused entries can be reported.</summary>
    public HashSet<string> Used { get; } = new(StringComparer.Ordinal);

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "connect-docs.json");

    public static DocsOverlay Load(string path) => Parse(File.ReadAllText(path));

    public static DocsOverlay Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var overlay = new DocsOverlay();
        Read(doc.RootElement, "properties", overlay.Properties);
        Read(doc.RootElement, "types", overlay.Types);
        Read(doc.RootElement, "obsolete", overlay.Obsolete);
        Read(doc.RootElement, "events", overlay.Events);
        return overlay;
    }

    public string? Property(string type, string wire) => Find(Properties, "properties:", type + "." + wire);

    public string? Type(string name) => Find(Types, "types:", name);

    public string? ObsoleteMessage(string type, string wire) => Find(Obsolete, "obsolete:", type + "." + wire);

    public string? Event(string type) => Find(Events, "events:", type);

    /// <summary>Entries no generated member, type or event asked for (renamed or removed ones), as <c>section:key</c>.</summary>
    public IEnumerable<string> Unused() =>
        Properties.Keys.Select(k => "properties:" + k).Concat(Types.Keys.Select(k => "types:" + k))
            .Concat(Obsolete.Keys.Select(k => "obsolete:" + k)).Concat(Events.Keys.Select(k => "events:" + k))
            .Where(k => !Used.Contains(k)).Order(StringComparer.Ordinal);

    private string? Find(Dictionary<string, string> map, string section, string key)
    {
        if (!map.TryGetValue(key, out var text))
        {
            return null;
        }

        Used.Add(section + key);
        return text;
    }

    private static void Read(JsonElement root, string name, Dictionary<string, string> target)
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
