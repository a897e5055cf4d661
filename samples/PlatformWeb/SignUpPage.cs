using static PlatformWeb.Html;

namespace PlatformWeb;

/// <summary>The sign-up form: business name and country. It posts to <c>/signup</c> with an anti-forgery token and an idempotency key.</summary>
public static class SignUpPage
{
    /// <summary>The countries the form offers (ISO 3166-1 alpha-2 and a name).</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> Countries =
    [
        ("US", "United States"), ("GB", "United Kingdom"), ("CA", "Canada"), ("AU", "Australia"), ("FR", "France"), ("DE", "Germany"),
    ];

    /// <summary>Renders the form, with <paramref name="error"/> and the values typed so far when a submission was refused.</summary>
    public static IResult Render(string antiforgeryField, string antiforgeryToken, AccountKind kind, string? error = null, string? businessName = null, string? country = null)
    {
        var options = string.Concat(Countries.Select(c =>
            $"<option value=\"{c.Code}\"{(c.Code == (country ?? "US") ? " selected" : string.Empty)}>{E(c.Name)}</option>"));
        var body = "<p>Sell on the marketplace: tell us your business name and country, then finish setting up payouts with Stripe.</p>"
            + (error is null ? string.Empty : $"<p role=\"alert\" class=\"error\">{E(error)}</p>")
            + "<form method=\"post\" action=\"/signup\">"
            + $"<input type=\"hidden\" name=\"{E(antiforgeryField)}\" value=\"{E(antiforgeryToken)}\">"
            + $"<input type=\"hidden\" name=\"idempotency_key\" value=\"{Guid.NewGuid():N}\">"
            + $"<label for=\"business_name\">Business name</label><input id=\"business_name\" name=\"business_name\" required maxlength=\"100\" value=\"{E(businessName)}\">"
            + $"<label for=\"country\">Country</label><select id=\"country\" name=\"country\">{options}</select>"
            + "<div><button type=\"submit\">Create account and continue to Stripe</button></div></form>"
            + $"<p class=\"muted\">Accounts are created as <code>{E(kind.ToString())}</code> (setting <code>Platform:AccountKind</code>).</p>";
        return Page("Become a seller", body, error is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }
}
