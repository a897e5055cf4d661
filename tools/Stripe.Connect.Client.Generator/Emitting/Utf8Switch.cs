using System.Globalization;
using System.Text;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>
/// Writes the match of a UTF-8 span against known strings (member names, enum values): a <c>switch</c> on the length,
/// and, where more than <see cref="ByteSwitchAbove"/> strings share a length, a <c>switch</c> on the byte that tells
/// them apart best, so a value is compared in full with one or two candidates instead of every string in the list.
/// Each case's body runs inside <c>if (span.SequenceEqual("…"u8))</c>; a value that matches none falls out of the
/// outer switch.
/// </summary>
internal static class Utf8Switch
{
    /// <summary>The most strings of one length compared one after another before a byte switch splits them.</summary>
    public const int ByteSwitchAbove = 4;

    public static void Write(CodeWriter w, string span, IEnumerable<(string Text, Action<CodeWriter> Body)> cases)
    {
        w.Open($"switch ({span}.Length)");
        var encoded = cases.Select(c => (c.Text, c.Body, Bytes: Encoding.UTF8.GetBytes(c.Text)));
        foreach (var group in encoded.GroupBy(c => c.Bytes.Length).OrderBy(g => g.Key))
        {
            w.Line($"case {group.Key.ToString(CultureInfo.InvariantCulture)}:");
            w.Indent++;
            var items = group.ToList();
            var position = items.Count > ByteSwitchAbove ? SplittingPosition(items.Select(i => i.Bytes).ToList()) : -1;
            if (position < 0)
            {
                WriteCandidates(w, span, items);
            }
            else
            {
                w.Open($"switch ({span}[{position.ToString(CultureInfo.InvariantCulture)}])");
                foreach (var sub in items.GroupBy(i => i.Bytes[position]).OrderBy(g => g.Key))
                {
                    w.Line($"case {ByteLiteral(sub.Key)}:");
                    w.Indent++;
                    WriteCandidates(w, span, sub.ToList());
                    w.Indent--;
                }

                w.Close();
                w.Line();
                w.Line("break;");
            }

            w.Indent--;
        }

        w.Close();
    }

    /// <summary>
    /// The byte position with the most distinct values among strings of one length (the first such position on a tie),
    /// or -1 when every position holds one value (one string).
    /// </summary>
    public static int SplittingPosition(IReadOnlyList<byte[]> sameLength)
    {
        var best = -1;
        var bestCount = 1;
        for (var i = 0; i < sameLength[0].Length; i++)
        {
            var count = sameLength.Select(b => b[i]).Distinct().Count();
            if (count > bestCount)
            {
                best = i;
                bestCount = count;
            }
        }

        return best;
    }

    /// <summary>A byte as a C# case label: the character for printable ASCII, so the generated code reads as text.</summary>
    public static string ByteLiteral(byte b) =>
        b is >= 0x20 and < 0x7F && b != '\'' && b != '\\'
            ? $"(byte)'{(char)b}'"
            : "0x" + b.ToString("X2", CultureInfo.InvariantCulture);

    private static void WriteCandidates(CodeWriter w, string span, List<(string Text, Action<CodeWriter> Body, byte[] Bytes)> items)
    {
        foreach (var (text, body, _) in items)
        {
            w.Open($"if ({span}.SequenceEqual({Words.Literal(text)}u8))");
            body(w);
            w.Close();
            w.Line();
        }

        w.Line("break;");
    }
}
