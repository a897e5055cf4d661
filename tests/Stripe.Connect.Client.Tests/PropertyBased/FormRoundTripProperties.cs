using System.Collections.Specialized;
using System.Text;
using System.Web;
using FsCheck;
using FsCheck.Fluent;
using Stripe.Connect.Client.Form;

namespace Stripe.Connect.Client.Tests.PropertyBased;

/// <summary>
/// The form encoder's output, parsed back with a standard query parser (<see cref="HttpUtility.ParseQueryString(string)"/>)
/// and rebuilt from its bracket keys, gives the same tree as the parameters that were written.
/// </summary>
public class FormRoundTripProperties
{
    /// <summary>A random parameter tree: the shapes generated request records write.</summary>
    public abstract record Node;

    public sealed record Leaf(string Value) : Node;

    public sealed record StringList(string[] Values) : Node;

    public sealed record Map((string Key, string Value)[] Entries) : Node;

    public sealed record Obj((string Key, Node Value)[] Fields) : Node;

    public sealed record ObjList(Obj[] Items) : Node;

    /// <summary>Writes a tree through <see cref="FormWriter"/> as a generated request would.</summary>
    private sealed class TreeRequest(Obj root) : IFormEncodable
    {
        void IFormEncodable.WriteForm(FormWriter writer) => WriteFields(writer, root);

        private static void WriteFields(FormWriter writer, Obj obj)
        {
            foreach (var (key, value) in obj.Fields)
            {
                switch (value)
                {
                    case Leaf leaf:
                        writer.Add(key, leaf.Value);
                        break;
                    case StringList list:
                        writer.AddList(key, list.Values);
                        break;
                    case Map map:
                        writer.AddMap(key, map.Entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
                        break;
                    case Obj nested:
                        writer.BeginObject(key);
                        WriteFields(writer, nested);
                        writer.EndObject();
                        break;
                    case ObjList items:
                        for (var i = 0; i < items.Items.Length; i++)
                        {
                            writer.BeginListItem(key, i);
                            WriteFields(writer, items.Items[i]);
                            writer.EndObject();
                        }

                        break;
                }
            }
        }
    }

    [FsCheck.NUnit.Property(MaxTest = 300, EndSize = 30)]
    public Property Encoded_parameters_parse_back_to_the_same_tree() =>
        Prop.ForAll(Trees().ToArbitrary(), root =>
        {
            using var writer = new FormWriter(16);
            ((IFormEncodable)new TreeRequest(root)).WriteForm(writer);
            var encoded = writer.ToString();

            var expected = Canonical(Expected(root));
            var actual = Canonical(Rebuild(HttpUtility.ParseQueryString(encoded)));
            return (expected == actual && IsAscii(encoded)).Label($"encoded: {encoded}\nexpected: {expected}\nactual:   {actual}");
        });

    [FsCheck.NUnit.Property(MaxTest = 300)]
    public Property Raw_pairs_round_trip_whatever_their_characters() =>
        Prop.ForAll(Text().ToArbitrary(), Text().ToArbitrary(), (name, value) =>
        {
            using var writer = new FormWriter(16);
            writer.AddRaw("metadata[" + name + "]", value);
            var parsed = HttpUtility.ParseQueryString(writer.ToString());
            return parsed.Count == 1 && parsed.GetKey(0) == "metadata[" + Sanitize(name) + "]" && parsed[0] == Sanitize(value);
        });

    // ---- generators ----

    /// <summary>Any text: ASCII, separators the encoding must escape (&amp;=+%#?/ and space), accents, CJK, emoji, controls.</summary>
    private static Gen<string> Text() =>
        Gen.Frequency(
            (3, Gen.Elements("a", "b", "Z", "0", "9", "-", "_", ".", "~")),
            (3, Gen.Elements("&", "=", "+", "%", "#", "?", "/", " ", ";", ",", "\"", "'", "<", "\\", "*")),
            (2, Gen.Elements("é", "ß", "中", "😀", "\u00A0", "\u2028", "\t", "\n", "\0")),
            (1, Gen.Elements("\uD800", "\uDFFF")))
        .ListOf()
        .Select(parts => string.Concat(parts));

    /// <summary>Keys: never empty and without brackets (a bracket in a key cannot be told from nesting, so Stripe has none).</summary>
    private static Gen<string> Key() => Text().Where(k => k.Length > 0 && !k.Contains('[') && !k.Contains(']'));

    private static Gen<Obj> Trees() => Gen.Sized(size => ObjectOf(Math.Min(size, 30), depth: 0));

    private static Gen<Obj> ObjectOf(int size, int depth)
    {
        var leaf = Text().Select(v => (Node)new Leaf(v));
        var list = Text().NonEmptyListOf().Select(v => (Node)new StringList([.. v]));
        var map = Gen.Zip(Key(), Text()).NonEmptyListOf().Select(e => (Node)new Map([.. DistinctKeys(e, x => x.Item1).Select(x => (x.Item1, x.Item2))]));
        var choices = depth >= 4 || size <= 1
            ? new[] { (4, leaf), (1, list), (1, map) }
            : new[]
            {
                (4, leaf), (1, list), (1, map),
                (1, Gen.Sized(s => ObjectOf(s / 2, depth + 1)).Select(o => (Node)o)),
                (1, Gen.Sized(s => ObjectOf(s / 2, depth + 1)).NonEmptyListOf().Select(items => (Node)new ObjList([.. items]))),
            };
        var field = Gen.Zip(Key(), Gen.Frequency(choices));

        // Every object carries at least one leaf so that no object (or list item) encodes to nothing.
        return Gen.Zip(Gen.Zip(Key(), leaf), field.ListOf())
            .Resize(Math.Max(1, size / 3))
            .Select(t => new Obj([.. DistinctKeys([t.Item1, .. t.Item2], f => f.Item1).Select(f => (f.Item1, f.Item2))]));
    }

    /// <summary>
    /// Sibling keys must differ once escaped characters are normalised and case is ignored: the standard parser
    /// (NameValueCollection) compares keys case-insensitively.
    /// </summary>
    private static IEnumerable<T> DistinctKeys<T>(IEnumerable<T> items, Func<T, string> key) =>
        items.DistinctBy(i => Sanitize(key(i)).ToUpperInvariant());

    // ---- the model and the rebuilt tree ----

    /// <summary>What the tree should look like after a round trip: objects and list items become maps of segments.</summary>
    private static SortedDictionary<string, object> Expected(Obj obj)
    {
        var result = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (rawKey, value) in obj.Fields)
        {
            var key = Sanitize(rawKey);
            result[key] = value switch
            {
                Leaf leaf => Sanitize(leaf.Value),
                StringList list => list.Values.Select(Sanitize).ToList(),
                Map map => new SortedDictionary<string, object>(map.Entries.ToDictionary(e => Sanitize(e.Key), e => (object)Sanitize(e.Value)), StringComparer.Ordinal),
                Obj nested => Expected(nested),
                ObjList items => new SortedDictionary<string, object>(
                    items.Items.Select((item, i) => (i, item)).ToDictionary(x => x.i.ToString(System.Globalization.CultureInfo.InvariantCulture), x => (object)Expected(x.item)),
                    StringComparer.Ordinal),
                _ => throw new InvalidOperationException(),
            };
        }

        return result;
    }

    /// <summary>Rebuilds the tree from parsed pairs: <c>a[b][0][c]</c> is a path, a trailing <c>[]</c> a list.</summary>
    private static SortedDictionary<string, object> Rebuild(NameValueCollection pairs)
    {
        var root = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var key in pairs.AllKeys)
        {
            var segments = Segments(key!);
            var node = root;
            for (var i = 0; i < segments.Count - 1; i++)
            {
                if (segments[i + 1] == string.Empty)
                {
                    break;
                }

                if (!node.TryGetValue(segments[i], out var child))
                {
                    child = new SortedDictionary<string, object>(StringComparer.Ordinal);
                    node[segments[i]] = child;
                }

                node = (SortedDictionary<string, object>)child;
            }

            var values = pairs.GetValues(key)!;
            if (segments[^1] == string.Empty)
            {
                node[segments[^2]] = values.ToList();
            }
            else
            {
                node[segments[^1]] = values.Single();
            }
        }

        return root;
    }

    private static List<string> Segments(string key)
    {
        var open = key.IndexOf('[', StringComparison.Ordinal);
        if (open < 0)
        {
            return [key];
        }

        var segments = new List<string> { key[..open] };
        while (open >= 0 && open < key.Length)
        {
            var close = key.IndexOf(']', open);
            segments.Add(key[(open + 1)..close]);
            open = close + 1;
        }

        return segments;
    }

    private static string Canonical(object node) => node switch
    {
        string s => "\"" + Escape(s) + "\"",
        List<string> list => "[" + string.Join(",", list.Select(s => "\"" + Escape(s) + "\"")) + "]",
        SortedDictionary<string, object> map => "{" + string.Join(",", map.Select(p => "\"" + Escape(p.Key) + "\":" + Canonical(p.Value))) + "}",
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static string Escape(string s)
    {
        var builder = new StringBuilder();
        foreach (var c in s)
        {
            builder.Append(c is < ' ' or '"' or '\\' or > '~' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return builder.ToString();
    }

    /// <summary>Lone surrogates cannot be sent as UTF-8; the encoder sends U+FFFD for them, as .NET's own encoders do.</summary>
    private static string Sanitize(string s) => string.Concat(s.EnumerateRunes().Select(r => r.ToString()));

    private static bool IsAscii(string s) => s.All(c => c is > ' ' and <= '~');
}
