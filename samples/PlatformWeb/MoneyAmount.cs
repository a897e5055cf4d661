namespace PlatformWeb;

/// <summary>An amount in the currency's smallest unit (cents for USD), as the API reports it.</summary>
/// <param name="Amount">The amount in the smallest unit.</param>
/// <param name="Currency">The three-letter ISO currency code, lower case.</param>
public sealed record MoneyAmount(long Amount, string Currency)
{
    /// <summary>The amount for people, e.g. <c>12.34 USD</c> (two decimals; enough for the sample's currencies).</summary>
    public override string ToString() =>
        (Amount / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " " + Currency.ToUpperInvariant();
}
