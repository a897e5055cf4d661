using System.Text.Json.Nodes;
using Stripe.Connect.Client.Testing.Internal.Hosted;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// Hosted onboarding: the single-use links (<see cref="HostedLink"/>, from v1 and v2 account links), the sessions
/// they open and the form that updates the account through the same operations (and checks) as the API. Visiting a
/// link spends it; an expired or spent link sends the browser to its <c>refresh_url</c>; a completed form to its
/// <c>return_url</c>.
/// </summary>
internal sealed partial class ConnectState
{
    private const string StripeHostedOrigin = "https://connect.stripe.com";

    private readonly Dictionary<string, HostedLink> _hostedLinks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HostedSession> _hostedSessions = new(StringComparer.Ordinal);

    /// <summary>The base URL of the running hosted pages, or null: new links then point at connect.stripe.com, as Stripe's do.</summary>
    public Uri? HostedPagesBase { get; set; }

    /// <summary>Registers a link to the hosted page and returns its URL; any API that makes onboarding links calls this.</summary>
    public string AddHostedLink(string account, HostedLinkPurpose purpose, bool collectEventuallyDue, string returnUrl, string refreshUrl, long expiresAt, string origin, string? v2UseCase = null)
    {
        var link = new HostedLink(RandomText(24), account, purpose, collectEventuallyDue, returnUrl, refreshUrl, expiresAt, origin) { V2UseCase = v2UseCase };
        _hostedLinks[link.Token] = link;
        var host = HostedPagesBase?.GetLeftPart(UriPartial.Authority) ?? StripeHostedOrigin;
        return $"{host}/setup/{(purpose == HostedLinkPurpose.Update ? "e" : "s")}/{account}/{link.Token}";
    }

    /// <summary>Spends a link, as a browser's visit does: true the first time, while it has not expired.</summary>
    public bool RedeemAccountLink(string url) => Uri.TryCreate(url, UriKind.Absolute, out var uri) && Spend(uri.AbsolutePath) is not null;

    /// <summary>A browser opens a link: the first visit before expiry opens a session, any other goes to <c>refresh_url</c>.</summary>
    public HostedPageResult OpenHostedLink(string path)
    {
        if (FindLink(path) is not { } link)
        {
            return HostedPageResult.Page(OnboardingPage.Message("Link not found", "This onboarding link does not exist. Ask the platform for a new one."), 404);
        }

        if (Spend(path) is null)
        {
            // Expired or already used: Stripe sends the browser back to the platform, which mints a new link.
            return HostedPageResult.Redirect(link.RefreshUrl);
        }

        var session = new HostedSession(RandomText(24), link);
        _hostedSessions[session.Id] = session;
        return HostedPageResult.Redirect(SessionPath(session), 303);
    }

    /// <summary>The form of an open session, or the return URL once it is completed.</summary>
    public HostedPageResult ShowHostedSession(string id)
    {
        if (!_hostedSessions.TryGetValue(id, out var session) || FindConnectedAccountAnyScope(session.Link.Account) is not { } account)
        {
            return HostedPageResult.Page(OnboardingPage.Message("Session not found", "This onboarding session does not exist. Open a new link from the platform."), 404);
        }

        return session.Completed
            ? HostedPageResult.Redirect(session.Link.ReturnUrl, 303)
            : RenderForm(session, account, Form(session, account), null, new Dictionary<string, string>(), null, null, 200);
    }

    /// <summary>
    /// A submitted form: checks it, sends its parameters through the account, person and external account operations
    /// (so Stripe's rules apply), and answers the return URL, or the form again with the errors.
    /// </summary>
    public HostedPageResult SubmitHostedSession(string id, string body, string clientIp, string? userAgent)
    {
        if (!_hostedSessions.TryGetValue(id, out var session) || FindConnectedAccountAnyScope(session.Link.Account) is not { } account)
        {
            return ShowHostedSession(id);
        }

        if (session.Completed)
        {
            return HostedPageResult.Redirect(session.Link.ReturnUrl, 303);
        }

        var posted = FormParser.Parse(body);
        var form = Form(session, account);
        var errors = form.CheckRequired(posted);
        if (errors.Count > 0)
        {
            return RenderForm(session, account, form, posted, errors, null, null, 422);
        }

        var submission = form.Submission(posted, Now, clientIp, userAgent);
        var scope = account.Scope is null ? null : account.Id;
        var calls = new List<(string Path, FormBody Body)>();
        if (submission.Account.Count > 0)
        {
            calls.Add(($"/v1/accounts/{account.Id}", submission.Account));
        }

        if (submission.Person.Count > 0)
        {
            var representative = Representative(account.Id)?.Str("id");
            calls.Add((representative is null ? $"/v1/accounts/{account.Id}/persons" : $"/v1/accounts/{account.Id}/persons/{representative}", submission.Person));
        }

        if (submission.Bank.Count > 0)
        {
            calls.Add(($"/v1/accounts/{account.Id}/external_accounts", submission.Bank));
        }

        try
        {
            // Every call's parameters pass the schema and format checks before any call runs, so a refused value changes nothing.
            var prepared = calls.Select(c => Prepare("POST", c.Path, c.Body.Encode(), scope)).ToList();
            ChangeAccount(account, null, () =>
            {
                foreach (var (operation, call) in prepared)
                {
                    Execute(operation.OperationId, call);
                }
            });
        }
        catch (ApiErrorException e)
        {
            var field = submission.FieldOf(e.Param);
            if (field is not null)
            {
                errors[field] = e.Message;
            }

            return RenderForm(session, account, form, posted, errors, field is null ? e.Message : null, null, 422);
        }

        var next = Form(session, account);
        if (session.Link.Purpose == HostedLinkPurpose.Onboarding && !next.IsEmpty)
        {
            return RenderForm(session, account, next, null, new Dictionary<string, string>(), null, "Thanks. A few more details are needed.", 200);
        }

        _hostedSessions[id] = session with { Completed = true };
        EmitAccountLinkReturned(session.Link);
        return HostedPageResult.Redirect(session.Link.ReturnUrl, 303);
    }

    /// <summary>Validates a form body for an operation as a request would be, and binds it to a call without a request id.</summary>
    private (ApiOperation Operation, Call Call) Prepare(string method, string path, string form, string? scope)
    {
        var operation = ApiSpec.Instance.Match(method, path, out var pathParams, out _)
            ?? throw new InvalidOperationException($"No operation serves {method} {path}.");
        var parameters = Validate(operation, FormParser.Parse(form));
        return (operation, new Call(parameters, pathParams, scope, Now));
    }

    private static string SessionPath(HostedSession session) => "/onboarding/" + session.Id;

    private HostedLink? FindLink(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["setup", "s" or "e", var account, var token]
            && _hostedLinks.TryGetValue(token, out var link) && link.Account == account
            ? link
            : null;
    }

    /// <summary>Marks a link used if it is still valid on the fake's clock; returns it, or null when expired, used or unknown.</summary>
    private HostedLink? Spend(string path)
    {
        if (FindLink(path) is not { } link || link.Used || Now >= link.ExpiresAt)
        {
            return null;
        }

        var used = link with { Used = true };
        _hostedLinks[link.Token] = used;
        return used;
    }

    private Entity? FindConnectedAccountAnyScope(string id) => _accounts.Find(id) is { } account && !_deauthorized.Contains(id) ? account : null;

    private OnboardingForm Form(HostedSession session, Entity account)
    {
        var rendered = RenderAccount(account);
        var requirements = rendered["requirements"] as JsonObject;
        var due = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in session.Link.CollectEventuallyDue ? new[] { "currently_due", "past_due", "eventually_due" } : ["currently_due", "past_due"])
        {
            foreach (var item in requirements?[list] as JsonArray ?? [])
            {
                due.Add(item!.GetValue<string>());
            }
        }

        var bank = ExternalAccountsOf(account.Id).FirstOrDefault(e => e.Data.Str("object") == "bank_account")?.Data.Str("last4");
        var context = new OnboardingContext(rendered, Representative(account.Id), due, session.Link.Purpose == HostedLinkPurpose.Update, bank);
        return new OnboardingForm(context);
    }

    private static HostedPageResult RenderForm(HostedSession session, Entity account, OnboardingForm form, JsonObject? posted, IReadOnlyDictionary<string, string> errors, string? formError, string? notice, int status)
    {
        var data = account.Data;
        var title = data["business_profile"]?["name"]?.GetValue<string>()
            ?? (data["individual"]?["first_name"]?.GetValue<string>() is { } first ? $"{first} {data["individual"]?["last_name"]?.GetValue<string>()}".Trim() : null)
            ?? data["company"]?["name"]?.GetValue<string>();
        var heading = title is null ? "Set up your account" : "Set up payouts for " + title;
        var html = OnboardingPage.Form(heading, account.Id, SessionPath(session), form.Sections(posted, errors), formError, notice);
        return HostedPageResult.Page(html, status);
    }
}
