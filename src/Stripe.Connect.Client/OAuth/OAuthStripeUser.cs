namespace Stripe.Connect.Client;

/// <summary>
/// Details prefilled on the OAuth onboarding form, sent as <c>stripe_user[...]</c> by
/// <see cref="OAuthService.AuthorizeUrl(string, OAuthAuthorizeUrlOptions?)"/>. The user can still change them.
/// </summary>
public sealed record OAuthStripeUser
{
    /// <summary>The block of the address, in kana (Japan).</summary>
    public string? BlockKana { get; init; }

    /// <summary>The block of the address, in kanji (Japan).</summary>
    public string? BlockKanji { get; init; }

    /// <summary>The building of the address, in kana (Japan).</summary>
    public string? BuildingKana { get; init; }

    /// <summary>The building of the address, in kanji (Japan).</summary>
    public string? BuildingKanji { get; init; }

    /// <summary>The legal name of the business.</summary>
    public string? BusinessName { get; init; }

    /// <summary>The kind of business: <c>sole_prop</c>, <c>corporation</c>, <c>non_profit</c>, <c>partnership</c> or <c>llc</c>.</summary>
    public string? BusinessType { get; init; }

    /// <summary>The city of the address.</summary>
    public string? City { get; init; }

    /// <summary>The country of the account, as a two-letter code (ISO 3166-1 alpha-2).</summary>
    public string? Country { get; init; }

    /// <summary>The currency payouts are made in, as a three-letter code (ISO 4217, lower case).</summary>
    public string? Currency { get; init; }

    /// <summary>The day of the representative's birth, 1 to 31.</summary>
    public string? DobDay { get; init; }

    /// <summary>The month of the representative's birth, 1 to 12.</summary>
    public string? DobMonth { get; init; }

    /// <summary>The year of the representative's birth, four digits.</summary>
    public string? DobYear { get; init; }

    /// <summary>The e-mail address of the user, which also becomes the login.</summary>
    public string? Email { get; init; }

    /// <summary>The first name of the representative.</summary>
    public string? FirstName { get; init; }

    /// <summary>The first name of the representative, in kana (Japan).</summary>
    public string? FirstNameKana { get; init; }

    /// <summary>The first name of the representative, in kanji (Japan).</summary>
    public string? FirstNameKanji { get; init; }

    /// <summary>The gender of the representative: <c>male</c> or <c>female</c>.</summary>
    public string? Gender { get; init; }

    /// <summary>The last name of the representative.</summary>
    public string? LastName { get; init; }

    /// <summary>The last name of the representative, in kana (Japan).</summary>
    public string? LastNameKana { get; init; }

    /// <summary>The last name of the representative, in kanji (Japan).</summary>
    public string? LastNameKanji { get; init; }

    /// <summary>The business phone number, digits only, without the country code for US numbers.</summary>
    public string? PhoneNumber { get; init; }

    /// <summary><c>true</c> when the business ships physical goods.</summary>
    public string? PhysicalProduct { get; init; }

    /// <summary>What the business sells, in a few words.</summary>
    public string? ProductDescription { get; init; }

    /// <summary>The state or province of the address (a two-letter code in the US).</summary>
    public string? State { get; init; }

    /// <summary>The street and number of the address.</summary>
    public string? StreetAddress { get; init; }

    /// <summary>The website of the business.</summary>
    public string? Url { get; init; }

    /// <summary>The postal code of the address.</summary>
    public string? Zip { get; init; }

    /// <summary>The fields as wire names and values, in wire-name order; members left <see langword="null"/> are skipped.</summary>
    internal IEnumerable<KeyValuePair<string, string>> Fields()
    {
        if (BlockKana is { } blockkana)
        {
            yield return new("block_kana", blockkana);
        }

        if (BlockKanji is { } blockkanji)
        {
            yield return new("block_kanji", blockkanji);
        }

        if (BuildingKana is { } buildingkana)
        {
            yield return new("building_kana", buildingkana);
        }

        if (BuildingKanji is { } buildingkanji)
        {
            yield return new("building_kanji", buildingkanji);
        }

        if (BusinessName is { } businessname)
        {
            yield return new("business_name", businessname);
        }

        if (BusinessType is { } businesstype)
        {
            yield return new("business_type", businesstype);
        }

        if (City is { } city)
        {
            yield return new("city", city);
        }

        if (Country is { } country)
        {
            yield return new("country", country);
        }

        if (Currency is { } currency)
        {
            yield return new("currency", currency);
        }

        if (DobDay is { } dobday)
        {
            yield return new("dob_day", dobday);
        }

        if (DobMonth is { } dobmonth)
        {
            yield return new("dob_month", dobmonth);
        }

        if (DobYear is { } dobyear)
        {
            yield return new("dob_year", dobyear);
        }

        if (Email is { } email)
        {
            yield return new("email", email);
        }

        if (FirstName is { } firstname)
        {
            yield return new("first_name", firstname);
        }

        if (FirstNameKana is { } firstnamekana)
        {
            yield return new("first_name_kana", firstnamekana);
        }

        if (FirstNameKanji is { } firstnamekanji)
        {
            yield return new("first_name_kanji", firstnamekanji);
        }

        if (Gender is { } gender)
        {
            yield return new("gender", gender);
        }

        if (LastName is { } lastname)
        {
            yield return new("last_name", lastname);
        }

        if (LastNameKana is { } lastnamekana)
        {
            yield return new("last_name_kana", lastnamekana);
        }

        if (LastNameKanji is { } lastnamekanji)
        {
            yield return new("last_name_kanji", lastnamekanji);
        }

        if (PhoneNumber is { } phonenumber)
        {
            yield return new("phone_number", phonenumber);
        }

        if (PhysicalProduct is { } physicalproduct)
        {
            yield return new("physical_product", physicalproduct);
        }

        if (ProductDescription is { } productdescription)
        {
            yield return new("product_description", productdescription);
        }

        if (State is { } state)
        {
            yield return new("state", state);
        }

        if (StreetAddress is { } streetaddress)
        {
            yield return new("street_address", streetaddress);
        }

        if (Url is { } url)
        {
            yield return new("url", url);
        }

        if (Zip is { } zip)
        {
            yield return new("zip", zip);
        }
    }
}
