namespace Stripe.Connect.Client.Generator.Model;

/// <summary>How a request body is sent.</summary>
internal enum BodyEncoding
{
    /// <summary>v1: <c>application/x-www-form-urlencoded</c> for POST, the query string for GET and DELETE.</summary>
    Form,

    /// <summary>v2: <c>application/json</c> for POST, written by the generated <c>IJsonEncodable.WriteJson</c> (<c>Emitting/JsonFields.cs</c>).</summary>
    Json,
}

/// <summary>A member of a request record.</summary>
internal sealed class InputPropertyModel
{
    public required string Wire { get; init; }

    public required string Name { get; init; }

    /// <summary>The member's type; nullable unless <see cref="Required"/>.</summary>
    public required TypeRef Type { get; set; }

    public bool Required { get; set; }

    public string Doc { get; set; } = string.Empty;

    /// <summary>The <c>[Obsolete]</c> message, when the document deprecates the parameter.</summary>
    public string? Obsolete { get; set; }

    /// <summary>
    /// A discriminator with one allowed value (<c>object: "bank_account"</c>): the record sends it itself, so it is not a
    /// member users set.
    /// </summary>
    public string? Fixed { get; set; }

    /// <summary>The top-level requests that accept it, when a shared record holds members only some of its places accept.</summary>
    public List<string>? OnlyIn { get; set; }

    public MemberFacts Facts { get; init; } = MemberFacts.None;

    /// <summary>A secret or sensitive value (an account or card number, an id number, a credential): <c>ToString()</c> masks it.</summary>
    public bool Secret { get; set; }

    /// <summary>The top-level requests that require this member although the shared record does not (checked by them, before sending).</summary>
    public List<string>? RequiredIn { get; set; }

    /// <summary>While shapes are merged: the places whose shape has this member (all of them unless a twin lacked it).</summary>
    public HashSet<string>? HeldBy { get; set; }
}

/// <summary>A request record: top-level (<c>AccountCreateRequest</c>) or nested (<c>AddressInput</c>).</summary>
internal sealed class InputModel(string key)
{
    /// <summary><c>AccountCreateRequest</c> for a top-level request, <c>AccountCreateRequest.company.address</c> for a nested place.</summary>
    public string Key { get; } = key;

    public string Name { get; set; } = key;

    public string Summary { get; set; } = string.Empty;

    public string DocUrl { get; set; } = string.Empty;

    public bool IsTopLevel { get; init; }

    public BodyEncoding Encoding { get; init; }

    /// <summary>The <c>title</c> the document gives the inline object (Stripe's own name for the shape), if any.</summary>
    public string? Title { get; init; }

    public List<InputPropertyModel> Props { get; } = [];

    /// <summary>Keys of the places this shape stands at.</summary>
    public List<string> Places { get; } = [];

    /// <summary>On a top-level request: members of nested shared records that this request requires, checked before sending.</summary>
    public List<PlaceCheck> PlaceChecks { get; } = [];
}

/// <summary>
/// A member a top-level request requires inside a nested record shared with requests that do not (the currency of a
/// bank account on account creation): the request checks it before anything is sent.
/// </summary>
/// <param name="Path">The members from the request down to the record, each marked when it is emptyable.</param>
/// <param name="FormKey">The parameter's full form name, such as <c>external_account[currency]</c>.</param>
/// <param name="Member">The required member of the nested record.</param>
internal sealed record PlaceCheck(IReadOnlyList<(string Member, bool Emptyable)> Path, string FormKey, InputPropertyModel Member);

/// <summary>A parameter that takes one of several shapes (a token or an object...): one member per shape, at most one set.</summary>
internal sealed class OneOfModel(string key)
{
    public string Key { get; } = key;

    public string Name { get; set; } = key;

    public string Summary { get; set; } = string.Empty;

    public string DocUrl { get; set; } = string.Empty;

    public List<InputPropertyModel> Alternatives { get; } = [];

    public List<string> Places { get; } = [];
}

/// <summary>A list filter: either bounds (<c>gt</c>, <c>gte</c>, <c>lt</c>, <c>lte</c>) or one exact value.</summary>
/// <param name="Name">The C# name, such as <c>TimeRangeInput</c>.</param>
/// <param name="Element">The bound's type (a timestamp or an integer).</param>
internal sealed record RangeModel(string Name, TypeRef Element);
