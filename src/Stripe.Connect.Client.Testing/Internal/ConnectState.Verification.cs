using System.Text.Json.Nodes;

namespace Stripe.Connect.Client.Testing.Internal;

/// <summary>
/// Stripe's test dates of birth (https://docs.stripe.com/connect/testing#test-dates-of-birth): 1901-01-01 verifies
/// (the result arrives later, as an event), 1902-01-01 verifies at once, 1900-01-01 fails (an OFAC alert). Any other
/// date leaves the verification as it is.
/// </summary>
internal sealed partial class ConnectState
{
    /// <summary>How long an asynchronous verification result takes (the fake's choice).</summary>
    public static readonly TimeSpan VerificationDelay = TimeSpan.FromMinutes(1);

    /// <summary>Applies the test date of birth of a person (or an account's individual) to its verification status.</summary>
    private void ScheduleVerification(JsonObject person, string? scope, string eventType, Entity? account = null)
    {
        if (person["dob"] is not JsonObject dob || person["verification"] is not JsonObject verification)
        {
            return;
        }

        var date = (dob.Long("year"), dob.Long("month"), dob.Long("day"));
        string? result = date switch
        {
            (1901, 1, 1) => "verified",
            (1902, 1, 1) => "verified",
            (1900, 1, 1) => "unverified",
            _ => null,
        };
        if (result is null)
        {
            return;
        }

        if (date == (1902, 1, 1))
        {
            verification["status"] = result;
            return;
        }

        verification["status"] = "pending";
        Schedule(_time.GetUtcNow() + VerificationDelay, () =>
        {
            var before = account is null ? person.Clone() : RenderAccount(account);
            verification["status"] = result;
            EmitUpdate(eventType, scope, before, account is null ? person : RenderAccount(account), null);
        });
    }
}
