using System.Text.Json.Nodes;
using Stripe.Connect.Client.Testing.Internal.Requirements;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// Identity verification with Stripe's test values (https://docs.stripe.com/connect/testing#identity-verification):
/// the date of birth 1901-01-01 verifies (the result arrives later, as an event), 1902-01-01 verifies at once,
/// 1900-01-01 fails with a watch-list alert and any other date fails the keyed-in identity check; the test document
/// <c>file_identity_document_success</c> verifies at once and <c>file_identity_document_failure</c> fails. A failed
/// check makes the identity document due.
/// </summary>
internal sealed partial class ConnectState
{
    /// <summary>How long an asynchronous verification result takes (the fake's choice).</summary>
    public static readonly TimeSpan VerificationDelay = TimeSpan.FromMinutes(1);

    /// <summary>The latest verification run of each person, so a result from an older run is dropped.</summary>
    private readonly Dictionary<string, long> _verificationRuns = new(StringComparer.Ordinal);

    /// <summary>
    /// Starts verifying a person (or an account's individual) when <paramref name="parameters"/> gave it a date of
    /// birth or an identity document. <paramref name="personEntity"/> is the person object for <c>person.updated</c>
    /// events, or null for an account's individual (its result shows in <c>account.updated</c>).
    /// </summary>
    private void ScheduleVerification(JsonObject person, JsonObject parameters, Entity account, Entity? personEntity)
    {
        if (person["verification"] is not JsonObject verification
            || (parameters["dob"] is null && parameters["verification"]?["document"] is null))
        {
            return;
        }

        var front = verification["document"]?["front"] is JsonValue f && f.TryGetValue<string>(out var file) ? file : null;
        var date = person["dob"] is JsonObject dob ? (dob.Long("year"), dob.Long("month"), dob.Long("day")) : (null, null, null);
        (string Status, string? Code, string? Details)? result = front switch
        {
            "file_identity_document_success" => ("verified", null, null),
            "file_identity_document_failure" => ("unverified", VerificationState.DocumentFailed, "Test mode: the identity document was rejected (file_identity_document_failure)."),
            _ => date switch
            {
                (null, _, _) or (_, null, _) or (_, _, null) => null,
                (1901, 1, 1) or (1902, 1, 1) => ("verified", null, null),
                (1900, 1, 1) => ("unverified", VerificationState.OtherFailure, "Test mode: the date of birth 1900-01-01 raises a watch-list alert."),
                _ => ("unverified", VerificationState.KeyedIdentityFailed, "Test mode: only the dates of birth 1901-01-01 and 1902-01-01 verify; upload an identity document."),
            },
        };
        if (result is not { } outcome)
        {
            return;
        }

        var id = person.Str("id") ?? account.Id;
        var run = _verificationRuns[id] = NextSequence();
        if (front is not null || date == (1902, 1, 1))
        {
            SetVerification(verification, outcome);
            return;
        }

        verification["status"] = "pending";
        verification["details"] = null;
        verification["details_code"] = null;
        Schedule(_time.GetUtcNow() + VerificationDelay, () =>
        {
            if (_verificationRuns.GetValueOrDefault(id) != run || _accounts.Find(account.Id) is not { } owner)
            {
                return;
            }

            ChangeAccount(owner, null, () =>
            {
                var before = person.Clone();
                SetVerification(verification, outcome);
                if (personEntity is not null && _persons.Find(personEntity.Id) is not null)
                {
                    EmitUpdate("person.updated", EventScope(owner.Id), before, person, null);
                }
            });
        });
    }

    private static void SetVerification(JsonObject verification, (string Status, string? Code, string? Details) outcome)
    {
        verification["status"] = outcome.Status;
        verification["details_code"] = outcome.Code;
        verification["details"] = outcome.Details;
    }
}
