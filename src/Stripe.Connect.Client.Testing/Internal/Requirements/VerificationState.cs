using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal.Requirements;

/// <summary>
/// Where the identity verification of an account's individual (or a company's representative) stands, read from its
/// <c>verification</c> hash: <c>pending</c>, or <c>unverified</c> with a <c>details_code</c> once a check has failed.
/// </summary>
/// <param name="Pending">A check is running; its fields are in <c>pending_verification</c>.</param>
/// <param name="Failed">A check failed; Stripe asks for an identity document.</param>
/// <param name="ErrorCode">The requirements error code of the failure.</param>
/// <param name="Reason">The requirements error reason of the failure.</param>
internal readonly record struct VerificationState(bool Pending, bool Failed, string? ErrorCode, string? Reason)
{
    /// <summary>The verification details code of a failed check of the keyed-in identity (name, date of birth, SSN).</summary>
    public const string KeyedIdentityFailed = "failed_keyed_identity";

    /// <summary>The verification details code of a check that failed for another reason (a watch-list alert).</summary>
    public const string OtherFailure = "failed_other";

    /// <summary>The verification details code of a test document that fails (<c>file_identity_document_failure</c>).</summary>
    public const string DocumentFailed = "document_failed_test_mode";

    public static VerificationState Of(JsonObject? person)
    {
        var verification = person?["verification"] as JsonObject;
        var status = verification?.Str("status");
        if (status == "pending")
        {
            return new VerificationState(true, false, null, null);
        }

        if (status != "unverified" || verification?.Str("details_code") is not { } code)
        {
            return default;
        }

        var error = code switch
        {
            KeyedIdentityFailed => "verification_failed_keyed_identity",
            DocumentFailed => "verification_document_failed_test_mode",
            _ => "verification_failed_other",
        };
        return new VerificationState(false, true, error, verification.Str("details") ?? "The identity could not be verified; upload an identity document.");
    }
}
