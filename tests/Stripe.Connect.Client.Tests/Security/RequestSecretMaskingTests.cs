namespace Stripe.Connect.Client.Tests.Security;

/// <summary>
/// Request records print their members in <c>ToString()</c> (a logged request, a debugger, a failed assertion), but never
/// a secret or sensitive value: app secret payloads, card numbers and CVCs, bank account numbers, id numbers, the last
/// four digits of an SSN, tax ids, passwords, OAuth codes and refresh tokens show as <c>***</c>, nested or not.
/// </summary>
public class RequestSecretMaskingTests
{
    private const string Secret = "S3NSITIVE-4242";

    public static IEnumerable<TestCaseData> Requests()
    {
        yield return Case("app secret payload", new SecretCreateRequest { Name = "api_key", Payload = Secret, Scope = new SecretScopeInput { Type = SecretScopeType.Account } });
        yield return Case("PII token id number", new TokenCreateRequest { Pii = new TokenPiiInput { IdNumber = Secret } });
        yield return Case("CVC update token", new TokenCreateRequest { CvcUpdate = new TokenCvcUpdateInput { Cvc = Secret } });
        yield return Case("card token number", new TokenCreateRequest { Card = new TokenCardDetailsInput { Number = Secret, ExpMonth = "12", ExpYear = "2030" } });
        yield return Case("card token cvc", new TokenCreateRequest { Card = new TokenCardDetailsInput { Number = "4242", Cvc = Secret, ExpMonth = "12", ExpYear = "2030" } });
        yield return Case("bank account token", new TokenCreateRequest { BankAccount = new TokenBankAccountDetailsInput { AccountNumber = Secret, Country = "US", RoutingNumber = "110000000" } });
        yield return Case("person token id number", new TokenCreateRequest { Person = new TokenPersonInput { FirstName = "Jenny", IdNumber = Secret } });
        yield return Case("person token ssn", new TokenCreateRequest { Person = new TokenPersonInput { SsnLast4 = Secret } });
        yield return Case("person token secondary id", new TokenCreateRequest { Person = new TokenPersonInput { IdNumberSecondary = Secret } });
        yield return Case("company token tax id", new TokenCreateRequest { Account = new TokenAccountInput { Company = new TokenAccountCompanyInput { Name = "Rocket Rides", TaxId = Secret } } });
        yield return Case("external bank account", new ExternalAccountCreateRequest { ExternalAccount = new BankAccountInput { AccountNumber = Secret, Country = "US", RoutingNumber = "110000000" } });
        yield return Case("external card number", new ExternalAccountCreateRequest { ExternalAccount = new CardInput { Number = Secret, ExpMonth = 12, ExpYear = 2030 } });
        yield return Case("external card cvc", new ExternalAccountCreateRequest { ExternalAccount = new CardInput { Number = "4242", Cvc = Secret, ExpMonth = 12, ExpYear = 2030 } });
        yield return Case("account individual id number", new AccountCreateRequest { Individual = new AccountIndividualInput { FirstName = "Jenny", IdNumber = Secret } });
        yield return Case("account individual ssn", new AccountUpdateRequest { Individual = new AccountIndividualInput { SsnLast4 = Secret } });
        yield return Case("account company tax id", new AccountCreateRequest { Company = new AccountCompanyInput { TaxId = Secret } });
        yield return Case("person create id number", new PersonCreateRequest { FirstName = "Jenny", IdNumber = Secret });
        yield return Case("person update ssn", new PersonUpdateRequest { SsnLast4 = Secret });
        yield return Case("OAuth authorization code", new OAuthCreateTokenRequest { GrantType = OAuthGrantType.AuthorizationCode, Code = Secret });
        yield return Case("OAuth refresh token", new OAuthCreateTokenRequest { GrantType = OAuthGrantType.RefreshToken, RefreshToken = Secret });
    }

    private static TestCaseData Case(string name, object request) => new TestCaseData(request).SetArgDisplayNames(name);

    [TestCaseSource(nameof(Requests))]
    public void ToString_masks_the_value_and_keeps_the_rest(object request)
    {
        var text = request.ToString()!;

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Not.Contain(Secret));
            Assert.That(text, Does.Contain("***"), "the member is shown as set");
            Assert.That(text, Does.StartWith(request.GetType().Name + " {"), "the record still prints its members");
        });
    }

    [Test]
    public void A_secret_left_unset_prints_as_null_and_other_members_print_as_usual()
    {
        var text = new PersonCreateRequest { FirstName = "Jenny" }.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("FirstName = Jenny"));
            Assert.That(text, Does.Contain("IdNumber = null"));
            Assert.That(text, Does.Not.Contain("***"));
        });
    }

    [Test]
    public void Masking_changes_nothing_that_is_sent()
    {
        var request = new PersonCreateRequest { IdNumber = Secret };
        var copy = request with { };

        Assert.Multiple(() =>
        {
            Assert.That(copy.IdNumber, Is.EqualTo(Secret));
            Assert.That(copy, Is.EqualTo(request), "equality still compares the real values");
            Assert.That(copy, Is.Not.EqualTo(request with { IdNumber = "other" }));
        });
    }
}
