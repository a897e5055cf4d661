namespace Stripe.Connect.Client.Testing.Internal.Hosted;

/// <summary>One browser request to the hosted pages, as the loopback server read it.</summary>
/// <param name="Method">The HTTP method, upper case.</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="Body">The form body of a POST (UTF-8), or empty.</param>
/// <param name="ClientIp">The browser's address, for <c>tos_acceptance[ip]</c>.</param>
/// <param name="UserAgent">The browser's <c>User-Agent</c>, or null.</param>
internal sealed record HostedRequest(string Method, string Path, string Body, string ClientIp, string? UserAgent);
