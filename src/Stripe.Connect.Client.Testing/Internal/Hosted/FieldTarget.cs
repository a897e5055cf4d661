namespace Stripe.Connect.Client.Testing.Internal.Hosted;

/// <summary>Which API object an onboarding input sets.</summary>
internal enum FieldTarget
{
    /// <summary>The account itself (<c>POST /v1/accounts/{account}</c>).</summary>
    Account,

    /// <summary>The individual (on the account) or, for a company, its representative person.</summary>
    Person,

    /// <summary>A new bank account (<c>POST /v1/accounts/{account}/external_accounts</c>).</summary>
    Bank,

    /// <summary>The ToS acceptance: date, the browser's address and user agent.</summary>
    Terms,
}
