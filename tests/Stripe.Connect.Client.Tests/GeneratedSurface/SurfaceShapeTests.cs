using System.Net;
using Stripe.Connect.Client.Form;

namespace Stripe.Connect.Client.Tests.GeneratedSurface;

/// <summary>The shapes users write against: metadata, discriminators, shared parameter records, the controller presets and the model factory.</summary>
public class SurfaceShapeTests
{
    private static string Encode(IFormEncodable value)
    {
        using var writer = new FormWriter(4);
        value.WriteForm(writer);
        return Uri.UnescapeDataString(writer.ToString());
    }

    [Test]
    public void Metadata_takes_a_dictionary_any_read_only_dictionary_or_a_collection_expression()
    {
        IReadOnlyDictionary<string, string> fromAnAccount = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" };
        var dictionary = new Dictionary<string, string> { ["order"] = "42" };
        Assert.Multiple(() =>
        {
            Assert.That(Encode(new AccountUpdateRequest { Metadata = fromAnAccount }), Is.EqualTo("metadata[a]=1&metadata[b]=2"), "an interface-typed variable compiles and keys are sorted");
            Assert.That(Encode(new TransferCreateRequest { Amount = 1, Currency = "usd", Destination = "acct_1", Metadata = dictionary }), Does.Contain("metadata[order]=42"));
            Assert.That(Encode(new TopupUpdateRequest { Metadata = [new("z", "9"), KeyValuePair.Create("y", "8"), new("z", "last")] }), Is.EqualTo("metadata[y]=8&metadata[z]=last"), "a repeated key keeps its last value");
            Assert.That(Encode(new TopupUpdateRequest { Metadata = [] }), Is.Empty);
            Assert.That(Encode(new TopupUpdateRequest { Metadata = new Dictionary<string, string> { ["gone"] = string.Empty } }), Is.EqualTo("metadata[gone]="), "an empty value removes one key");
        });
    }

    [Test]
    public void Metadata_is_cleared_where_the_api_allows_it_and_refused_before_sending_where_it_does_not()
    {
        Assert.That(Encode(new AccountUpdateRequest { Metadata = StripeMetadata.Clear }), Is.EqualTo("metadata="));
        var refusal = Assert.Throws<ArgumentException>(() => Encode(new TransferCreateRequest { Amount = 1, Currency = "usd", Destination = "acct_1", Metadata = StripeMetadata.Clear }));
        Assert.That(refusal!.Message, Does.Contain("'metadata'").And.Contain("cannot be cleared"));
        Assert.That(refusal.ParamName, Is.EqualTo("request"));
    }

    [Test]
    public void Metadata_on_a_response_is_never_null()
    {
        Assert.That(new Account().Metadata, Is.Empty);
        Assert.That(new Transfer { Metadata = null! }.Metadata, Is.Empty);
    }

    [Test]
    public void A_bank_account_is_the_same_type_under_account_create_and_external_account_create_and_sends_its_own_object()
    {
        var bank = new BankAccountInput { Country = "US", AccountNumber = "000123456789", AccountHolderType = AccountHolderType.Company, Currency = "usd" };
        Assert.Multiple(() =>
        {
            Assert.That(Encode(new ExternalAccountCreateRequest { ExternalAccount = bank }), Is.EqualTo("external_account[account_holder_type]=company&external_account[account_number]=000123456789&external_account[country]=US&external_account[currency]=usd&external_account[object]=bank_account"));
            Assert.That(Encode(new AccountCreateRequest { ExternalAccount = bank }), Is.EqualTo("external_account[account_holder_type]=company&external_account[account_number]=000123456789&external_account[country]=US&external_account[currency]=usd&external_account[object]=bank_account"));
            Assert.That(Encode(new ExternalAccountCreateRequest { ExternalAccount = "btok_us" }), Is.EqualTo("external_account=btok_us"), "or a token");
            Assert.That(typeof(ExternalAccountUpdateRequest).GetProperty(nameof(ExternalAccountUpdateRequest.AccountHolderType))!.PropertyType, Is.EqualTo(typeof(Emptyable<AccountHolderType>?)), "the same enum where the API defines one");
        });
    }

    [Test]
    public void Account_creation_still_requires_the_currency_of_the_bank_account_the_shared_record_leaves_optional()
    {
        var bank = new BankAccountInput { Country = "US", AccountNumber = "000123456789" };
        var refusal = Assert.Throws<ArgumentException>(() => Encode(new AccountCreateRequest { ExternalAccount = bank }));
        Assert.That(refusal!.Message, Does.Contain("'external_account[currency]'"));
        Assert.That(Encode(new ExternalAccountCreateRequest { ExternalAccount = bank }), Does.Contain("external_account[country]=US"), "adding one to an existing account does not need it");
    }

    [Test]
    public void Create_and_update_share_their_nested_parameter_records()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Member<AccountCreateRequest>("Settings"), Is.EqualTo(Member<AccountUpdateRequest>("Settings")).And.EqualTo(typeof(AccountSettingsInput)));
            Assert.That(Member<AccountCreateRequest>("Individual"), Is.EqualTo(Member<AccountUpdateRequest>("Individual")));
            Assert.That(Member<PersonCreateRequest>("Relationship"), Is.EqualTo(Member<PersonUpdateRequest>("Relationship")).And.EqualTo(typeof(PersonRelationshipInput)));
            Assert.That(Member<Account>("Requirements"), Is.EqualTo(Member<Account>("FutureRequirements")).And.EqualTo(typeof(AccountRequirements)));
            Assert.That(Member<LegalEntityCompany>("Structure"), Is.EqualTo(typeof(CompanyStructure?)));
            Assert.That(Member<AccountCompanyInput>("Structure"), Is.EqualTo(typeof(Emptyable<CompanyStructure>?)), "clearable in the request");
        });

        static Type Member<T>(string name) => typeof(T).GetProperty(name)!.PropertyType;
    }

    [Test]
    public void The_controller_presets_send_what_the_deprecated_account_types_meant()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Encode(new AccountCreateRequest { Controller = AccountControllerInput.Express }), Is.EqualTo("controller[fees][payer]=application&controller[losses][payments]=application&controller[requirement_collection]=stripe&controller[stripe_dashboard][type]=express"));
            Assert.That(Encode(new AccountCreateRequest { Controller = AccountControllerInput.Custom }), Does.Contain("controller[requirement_collection]=application&controller[stripe_dashboard][type]=none"));
            Assert.That(Encode(new AccountCreateRequest { Controller = AccountControllerInput.Standard }), Does.Contain("controller[fees][payer]=account").And.Contain("[type]=full"));
            Assert.That(typeof(AccountCreateRequest).GetProperty("Type")!.GetCustomAttributes(typeof(ObsoleteAttribute), false).Cast<ObsoleteAttribute>().Single().Message, Does.Contain("Controller"));
        });
    }

    [Test]
    public void The_model_factory_builds_any_result_with_its_response_metadata()
    {
        var response = ConnectModelFactory.StripeResponse(HttpStatusCode.OK, requestId: "req_1", idempotencyKey: "key_1", attempts: 2, idempotentReplayed: true, headers: [new("Stripe-Version", "2026-10-28.endive")]);
        var account = ConnectModelFactory.Account(id: "acct_1", chargesEnabled: true, metadata: new Dictionary<string, string> { ["a"] = "b" }, stripeResponse: response);
        var page = ConnectModelFactory.StripeList([account], hasMore: true, url: "/v1/accounts", stripeResponse: response);
        var nested = ConnectModelFactory.WithResponse(new Capability { Id = "transfers", Status = CapabilityStatus.Active }, response);
        Assert.Multiple(() =>
        {
            Assert.That(account.Id, Is.EqualTo("acct_1"));
            Assert.That(account.Object, Is.EqualTo("account"), "the fixed object name is the record's own");
            Assert.That(account.ChargesEnabled, Is.True);
            Assert.That(account.Email, Is.Null);
            Assert.That(account.Metadata["a"], Is.EqualTo("b"));
            Assert.That(account.StripeResponse!.RequestId, Is.EqualTo("req_1"));
            Assert.That(account.StripeResponse.IdempotentReplayed, Is.True);
            Assert.That(account.StripeResponse.Attempts, Is.EqualTo(2));
            Assert.That(account.StripeResponse.Headers.GetValues("Stripe-Version").Single(), Is.EqualTo("2026-10-28.endive"));
            Assert.That(page.Data.Single(), Is.SameAs(account));
            Assert.That(page.HasMore, Is.True);
            Assert.That(nested.StripeResponse, Is.SameAs(response));
            Assert.That(ConnectModelFactory.BankAccount(id: "ba_1", last4: "6789").Last4, Is.EqualTo("6789"), "union variants too");
            Assert.That(() => ConnectModelFactory.StripeResponse(attempts: 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }
}
