using System.Net;
using System.Text;

namespace PlatformWeb;

/// <summary>Small helpers for the server-rendered pages: every dynamic value goes through <see cref="E"/>.</summary>
public static class Html
{
    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f6f8fa;color:#1a1f36}
        header{background:#1a1f36;color:#fff;padding:.8rem 2rem;display:flex;gap:1.5rem;align-items:center}
        header a{color:#c9d4ff;text-decoration:none}header strong{font-size:1.1rem;margin-right:auto}
        main{max-width:52rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px;box-shadow:0 1px 3px #0002}
        label{display:block;margin:.8rem 0 .3rem;font-weight:600}input,select{font:inherit;padding:.45rem;width:20rem;max-width:100%}
        button,.button{font:inherit;background:#635bff;color:#fff;border:0;border-radius:6px;padding:.55rem 1.1rem;margin-top:1rem;cursor:pointer;text-decoration:none;display:inline-block}
        .badge{display:inline-block;border-radius:999px;padding:.2rem .7rem;font-weight:600;margin:.2rem .3rem .2rem 0}
        .ok{background:#d7f7c2;color:#05690d}.no{background:#ffe7f2;color:#b3093c}.wait{background:#fcedb9;color:#a82c00}
        table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #e3e8ee;padding:.4rem;text-align:left}
        code{background:#f3f4f6;padding:0 .25rem;border-radius:3px}.error{color:#b3093c}.muted{color:#697386}
        """;

    /// <summary>HTML-encodes a value.</summary>
    public static string E(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);

    /// <summary>A whole page in the app's layout.</summary>
    public static IResult Page(string title, string body, int statusCode = StatusCodes.Status200OK)
    {
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">")
            .Append("<title>").Append(E(title)).Append(" · Marketplace</title><style>").Append(Style).Append("</style></head><body>")
            .Append("<header><strong>Marketplace</strong><a href=\"/\">Sign up</a><a href=\"/dashboard\">Platform dashboard</a></header><main>")
            .Append("<h1>").Append(E(title)).Append("</h1>")
            .Append(body)
            .Append("</main></body></html>")
            .ToString();
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }

    /// <summary>A list of requirement names, or a muted "none".</summary>
    public static string List(string id, IReadOnlyList<string> items) =>
        items.Count == 0
            ? $"<p id=\"{id}\" class=\"muted\">None</p>"
            : $"<ul id=\"{id}\">" + string.Concat(items.Select(i => $"<li><code>{E(i)}</code></li>")) + "</ul>";

    /// <summary>A coloured badge: green for yes, red for no, amber for waiting.</summary>
    public static string Badge(string text, string kind) => $"<span class=\"badge {kind}\">{E(text)}</span>";
}
