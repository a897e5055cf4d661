using System.Text;

namespace Stripe.Connect.Client.Testing.Internal.Hosted;

/// <summary>
/// The form-encoded parameters of one API call a submission makes, remembering which form input each parameter came
/// from, so an API error naming a parameter can be shown next to its input.
/// </summary>
internal sealed class FormBody
{
    private readonly List<(string Key, string Value)> _pairs = [];
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    public int Count => _pairs.Count;

    public void Add(string key, string value, string? field)
    {
        _pairs.Add((key, value));
        if (field is not null)
        {
            _fields[key] = field;
        }
    }

    /// <summary>The form input a parameter came from, or null.</summary>
    public string? FieldOf(string? param) => param is not null && _fields.TryGetValue(param, out var field) ? field : null;

    public string Encode()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in _pairs)
        {
            if (text.Length > 0)
            {
                text.Append('&');
            }

            text.Append(Uri.EscapeDataString(key)).Append('=').Append(Uri.EscapeDataString(value));
        }

        return text.ToString();
    }
}
