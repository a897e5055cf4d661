using System.Text;

namespace Stripe.Connect.Client;

/// <summary>The authorization code and the refresh token are credentials: <c>ToString()</c> masks them.</summary>
public sealed partial record OAuthCreateTokenRequest
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("GrantType = ").Append(GrantType.ToString());
        builder.Append(", Code = ").Append(Code is null ? "null" : "***");
        builder.Append(", RefreshToken = ").Append(RefreshToken is null ? "null" : "***");
        builder.Append(", Scope = ").Append(Scope ?? "null");
        builder.Append(", AssertCapabilities = ").Append(AssertCapabilities is null ? "null" : string.Join(",", AssertCapabilities));
        return true;
    }
}
