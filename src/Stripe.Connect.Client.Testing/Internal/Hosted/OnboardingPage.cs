using System.Net;
using System.Text;

namespace Stripe.Connect.Client.Testing.Internal.Hosted;

/// <summary>
/// Renders the hosted pages as small server-side HTML: every input has a visible <c>label</c> bound to it (so a
/// browser test, or a screen reader, finds it by its name), errors are tied to their inputs with
/// <c>aria-describedby</c> and listed in an alert at the top. No script, no external resources.
/// </summary>
internal static class OnboardingPage
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;background:#f6f9fc;color:#1a1f36;margin:0}
        main{max-width:34rem;margin:2rem auto;background:#fff;padding:2rem;border-radius:8px;box-shadow:0 2px 8px #0001}
        h1{font-size:1.4rem;margin:0 0 .25rem}.muted{color:#697386;font-size:.85rem;margin:0 0 1.5rem}
        fieldset{border:0;border-top:1px solid #e3e8ee;margin:0 0 1rem;padding:1rem 0 0}
        legend{font-weight:600;padding-right:.5rem}.field{margin:0 0 .8rem}
        label{display:block;font-size:.9rem;margin-bottom:.25rem}
        input,select,textarea{box-sizing:border-box;width:100%;padding:.5rem;border:1px solid #c1c9d2;border-radius:4px;font:inherit}
        .check{display:flex;gap:.5rem;align-items:flex-start}.check input{width:auto;margin-top:.2rem}.check label{margin:0}
        [aria-invalid=true]{border-color:#df1b41}.error{color:#df1b41;font-size:.85rem;margin:.25rem 0 0}
        .hint{color:#697386;font-size:.8rem;margin:.25rem 0 0}
        .summary{border:1px solid #df1b41;background:#fff5f7;padding:.75rem 1rem;border-radius:4px;margin-bottom:1rem}
        .summary h2{font-size:1rem;margin:0 0 .5rem}.notice{background:#eef4ff;padding:.75rem 1rem;border-radius:4px}
        button{background:#635bff;color:#fff;border:0;border-radius:4px;padding:.6rem 1.2rem;font:inherit;font-weight:600;cursor:pointer}
        """;

    /// <summary>The onboarding form.</summary>
    /// <param name="title">The heading (the business or person the account is for).</param>
    /// <param name="accountId">The account id, shown under the heading.</param>
    /// <param name="action">The URL the form posts to.</param>
    /// <param name="sections">The inputs.</param>
    /// <param name="formError">An error that belongs to no input, or null.</param>
    /// <param name="notice">A status line (such as "more information is needed"), or null.</param>
    public static string Form(string title, string accountId, string action, IReadOnlyList<FormSection> sections, string? formError, string? notice)
    {
        var html = new StringBuilder();
        Open(html, title);
        html.Append("<h1>").Append(Encode(title)).Append("</h1>");
        html.Append("<p class=\"muted\">Connect onboarding for <code>").Append(Encode(accountId))
            .Append("</code>, served by the in-memory Connect API (test mode: use Stripe's test values).</p>");
        var invalid = sections.SelectMany(s => s.Fields).Where(f => f.Error is not null).ToList();
        if (invalid.Count > 0 || formError is not null)
        {
            html.Append("<div class=\"summary\" role=\"alert\" aria-labelledby=\"summary-title\"><h2 id=\"summary-title\">Check the details below</h2><ul>");
            if (formError is not null)
            {
                html.Append("<li>").Append(Encode(formError)).Append("</li>");
            }

            foreach (var field in invalid)
            {
                html.Append("<li><a href=\"#").Append(field.Name).Append("\">").Append(Encode(field.Label)).Append(": ").Append(Encode(field.Error!)).Append("</a></li>");
            }

            html.Append("</ul></div>");
        }

        if (notice is not null)
        {
            html.Append("<p class=\"notice\" role=\"status\">").Append(Encode(notice)).Append("</p>");
        }

        html.Append("<form method=\"post\" action=\"").Append(Encode(action)).Append("\" novalidate>");
        if (sections.Count == 0)
        {
            html.Append("<p>Nothing more is needed for this account right now.</p>");
        }

        foreach (var section in sections)
        {
            html.Append("<fieldset><legend>").Append(Encode(section.Title)).Append("</legend>");
            foreach (var field in section.Fields)
            {
                Field(html, field);
            }

            html.Append("</fieldset>");
        }

        html.Append("<button type=\"submit\">").Append(sections.Count == 0 ? "Continue" : "Submit").Append("</button></form>");
        Close(html);
        return html.ToString();
    }

    /// <summary>A page with a heading and one paragraph (an unknown link, for example).</summary>
    public static string Message(string title, string text)
    {
        var html = new StringBuilder();
        Open(html, title);
        html.Append("<h1>").Append(Encode(title)).Append("</h1><p>").Append(Encode(text)).Append("</p>");
        Close(html);
        return html.ToString();
    }

    private static void Field(StringBuilder html, FormField field)
    {
        var described = new List<string>();
        if (field.Error is not null)
        {
            described.Add(field.Name + "-error");
        }

        if (field.Hint is not null)
        {
            described.Add(field.Name + "-hint");
        }

        var attributes = new StringBuilder();
        attributes.Append(" id=\"").Append(field.Name).Append("\" name=\"").Append(field.Name).Append('"');
        if (field.Required)
        {
            attributes.Append(" required aria-required=\"true\"");
        }

        if (field.Autocomplete is not null)
        {
            attributes.Append(" autocomplete=\"").Append(field.Autocomplete).Append('"');
        }

        if (described.Count > 0)
        {
            attributes.Append(" aria-describedby=\"").Append(string.Join(' ', described)).Append('"');
        }

        if (field.Error is not null)
        {
            attributes.Append(" aria-invalid=\"true\"");
        }

        var label = $"<label for=\"{field.Name}\">{Encode(field.Label)}</label>";
        if (field.Kind == FormFieldKind.Checkbox)
        {
            html.Append("<div class=\"field check\"><input type=\"checkbox\" value=\"on\"").Append(attributes)
                .Append(field.Value is null ? string.Empty : " checked").Append('>').Append(label).Append("</div>");
            Notes(html, field);
            return;
        }

        html.Append("<div class=\"field\">").Append(label);
        switch (field.Kind)
        {
            case FormFieldKind.Select:
                html.Append("<select").Append(attributes).Append("><option value=\"\">Choose…</option>");
                foreach (var (value, text) in field.Options)
                {
                    html.Append("<option value=\"").Append(Encode(value)).Append('"').Append(value == field.Value ? " selected" : string.Empty)
                        .Append('>').Append(Encode(text)).Append("</option>");
                }

                html.Append("</select>");
                break;
            case FormFieldKind.TextArea:
                html.Append("<textarea rows=\"2\"").Append(attributes).Append('>').Append(Encode(field.Value ?? string.Empty)).Append("</textarea>");
                break;
            default:
                var type = field.Kind switch
                {
                    FormFieldKind.Email => "email",
                    FormFieldKind.Tel => "tel",
                    FormFieldKind.Url => "url",
                    _ => "text",
                };
                html.Append("<input type=\"").Append(type).Append('"');
                if (field.Kind == FormFieldKind.Number)
                {
                    html.Append(" inputmode=\"numeric\"");
                }

                html.Append(attributes).Append(" value=\"").Append(Encode(field.Value ?? string.Empty)).Append("\">");
                break;
        }

        Notes(html, field);
        html.Append("</div>");
    }

    private static void Notes(StringBuilder html, FormField field)
    {
        if (field.Hint is not null)
        {
            html.Append("<p class=\"hint\" id=\"").Append(field.Name).Append("-hint\">").Append(Encode(field.Hint)).Append("</p>");
        }

        if (field.Error is not null)
        {
            html.Append("<p class=\"error\" id=\"").Append(field.Name).Append("-error\">").Append(Encode(field.Error)).Append("</p>");
        }
    }

    private static void Open(StringBuilder html, string title) =>
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(Encode(title)).Append("</title><style>").Append(Style).Append("</style></head><body><main>");

    private static void Close(StringBuilder html) => html.Append("</main></body></html>");

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
