namespace Stripe.Connect.Client.Testing.Internal.Hosted;

/// <summary>
/// Maps browser requests to the hosted pages: <c>GET /setup/{s|e}/{account}/{token}</c> opens a link,
/// <c>GET /onboarding/{session}</c> shows its form and <c>POST /onboarding/{session}</c> submits it. Runs under the
/// API's lock.
/// </summary>
internal static class HostedPagesRouter
{
    public static HostedPageResult Route(ConnectState state, HostedRequest request)
    {
        var segments = request.Path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (request.Method, segments) switch
        {
            ("GET" or "HEAD", ["setup", _, _, _]) => state.OpenHostedLink(request.Path),
            ("GET" or "HEAD", ["onboarding", var session]) => state.ShowHostedSession(session),
            ("POST", ["onboarding", var session]) => state.SubmitHostedSession(session, request.Body, request.ClientIp, request.UserAgent),
            ("GET" or "HEAD", []) => HostedPageResult.Page(OnboardingPage.Message(
                "In-memory Connect hosted pages",
                "Account links created through the in-memory Connect API lead here while these pages run.")),
            (not ("GET" or "HEAD" or "POST"), _) => new HostedPageResult(405, OnboardingPage.Message("Method not allowed", "The hosted pages answer GET and POST only."), null),
            _ => HostedPageResult.Page(OnboardingPage.Message("Not found", "There is no page at this address."), 404),
        };
    }
}
