using System.Text;

namespace Stripe.Connect.Client.Generator.Emitting;

/// <summary>Builds one C# file with four-space indentation and <c>\n</c> line endings.</summary>
internal sealed class CodeWriter
{
    private readonly StringBuilder _sb = new();
    private int _indent;

    /// <summary>The current indentation level (four spaces each).</summary>
    public int Indent
    {
        get => _indent;
        set => _indent = value;
    }

    public CodeWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _sb.Append(' ', _indent * 4).Append(text);
        }

        _sb.Append('\n');
        return this;
    }

    public CodeWriter Open(string text)
    {
        Line(text);
        Line("{");
        _indent++;
        return this;
    }

    public CodeWriter Close(string suffix = "")
    {
        _indent--;
        Line("}" + suffix);
        return this;
    }

    public CodeWriter Summary(string text)
    {
        Line("/// <summary>" + text + "</summary>");
        return this;
    }

    public override string ToString() => _sb.ToString();
}
