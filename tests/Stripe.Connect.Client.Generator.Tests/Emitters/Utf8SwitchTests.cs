using System.Text;
using Stripe.Connect.Client.Generator.Emitting;

namespace Stripe.Connect.Client.Generator.Tests.Emitters;

public class Utf8SwitchTests
{
    [Test]
    public void A_few_strings_of_one_length_are_compared_one_after_another()
    {
        var code = Emit("id", "url", "name", "type", "kind", "size");

        Assert.Multiple(() =>
        {
            Assert.That(code, Does.StartWith("switch (span.Length)\n{\n    case 2:\n        if (span.SequenceEqual(\"id\"u8))"));
            Assert.That(code, Does.Contain("    case 4:\n        if (span.SequenceEqual(\"name\"u8))"));
            Assert.That(code, Does.Not.Contain("switch (span["), "four strings of one length need no byte switch");
            Assert.That(code, Does.Contain("{\n            hit(\"size\");\n        }\n\n        break;\n"), "a miss leaves the length's case");
        });
    }

    [Test]
    public void More_strings_of_one_length_are_split_on_the_byte_that_differs_most()
    {
        var code = Emit("ae_crn", "ae_vat", "us_ein", "gb_crn", "gb_vat", "de_stn");

        Assert.Multiple(() =>
        {
            Assert.That(code, Does.Contain("    case 6:\n        switch (span[0])\n"), "the country letters hold four values, as many as any later byte, and come first");
            Assert.That(code, Does.Contain("            case (byte)'a':\n                if (span.SequenceEqual(\"ae_crn\"u8))"));
            Assert.That(code, Does.Contain("if (span.SequenceEqual(\"ae_crn\"u8))\n                {\n                    hit(\"ae_crn\");\n                }\n\n                if (span.SequenceEqual(\"ae_vat\"u8))"));
            Assert.That(code, Does.Contain("            case (byte)'u':\n                if (span.SequenceEqual(\"us_ein\"u8))"));
            Assert.That(code.IndexOf("case (byte)'a'", StringComparison.Ordinal), Is.LessThan(code.IndexOf("case (byte)'d'", StringComparison.Ordinal)), "cases in byte order");
            Assert.That(code, Does.Contain("        }\n\n        break;\n}"), "a miss in the byte switch leaves the length's case too");
        });
    }

    [TestCase(new[] { "abc" }, -1, TestName = "One string has nothing to split")]
    [TestCase(new[] { "xa", "xb", "xc", "ya" }, 1, TestName = "The second byte holds more values")]
    [TestCase(new[] { "ab", "ba" }, 0, TestName = "A tie goes to the first byte")]
    public void The_splitting_position_is_the_one_with_the_most_distinct_bytes(string[] texts, int expected)
    {
        Assert.That(Utf8Switch.SplittingPosition(texts.Select(Encoding.UTF8.GetBytes).ToList()), Is.EqualTo(expected));
    }

    [TestCase((byte)'a', "(byte)'a'")]
    [TestCase((byte)'.', "(byte)'.'")]
    [TestCase((byte)'\'', "0x27")]
    [TestCase((byte)'\\', "0x5C")]
    [TestCase((byte)0xC3, "0xC3")]
    public void Bytes_are_labelled_as_characters_where_that_is_safe(byte b, string label)
    {
        Assert.That(Utf8Switch.ByteLiteral(b), Is.EqualTo(label));
    }

    [Test]
    public void Non_ascii_strings_are_grouped_by_their_byte_length()
    {
        var code = Emit("é", "abc");

        Assert.Multiple(() =>
        {
            Assert.That(code, Does.Contain("case 2:\n        if (span.SequenceEqual(\"é\"u8))"));
            Assert.That(code, Does.Contain("case 3:\n        if (span.SequenceEqual(\"abc\"u8))"));
            Assert.That(code, Does.Not.Contain("case 1:"), "é is two bytes in UTF-8");
        });
    }

    private static string Emit(params string[] texts)
    {
        var w = new CodeWriter();
        Utf8Switch.Write(w, "span", texts.Select(t => (t, (Action<CodeWriter>)(body => body.Line($"hit(\"{t}\");")))));
        return w.ToString();
    }
}
