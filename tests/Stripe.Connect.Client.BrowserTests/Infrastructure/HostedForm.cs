using Microsoft.Playwright;

namespace Stripe.Connect.Client.BrowserTests;

/// <summary>Fills the in-memory API's hosted onboarding form by its labels, as a person would.</summary>
public static class HostedForm
{
    /// <summary>Fills every input a US individual sees, with Stripe's test values.</summary>
    /// <param name="page">The page showing the hosted form.</param>
    /// <param name="dobYear">1901 verifies a little later (pending first), 1902 at once.</param>
    /// <param name="dobDay">The day of birth.</param>
    /// <param name="dobMonth">The month of birth.</param>
    /// <param name="routingNumber">110000000 is Stripe's valid test routing number.</param>
    public static async Task FillIndividualAsync(IPage page, string dobYear, string dobDay = "1", string dobMonth = "1", string routingNumber = "110000000")
    {
        ILocator Field(string label) => page.GetByLabel(label, new PageGetByLabelOptions { Exact = true });
        await Field("Business type").SelectOptionAsync("individual");
        await Field("Industry").SelectOptionAsync("5734");
        await Field("Business website").FillAsync("https://jenny.example");
        await Field("First name").FillAsync("Jenny");
        await Field("Last name").FillAsync("Rosen");
        await Field("Email").FillAsync("jenny@jenny.example");
        await Field("Phone number").FillAsync("+15555550100");
        await Field("Day").FillAsync(dobDay);
        await Field("Month").FillAsync(dobMonth);
        await Field("Year").FillAsync(dobYear);
        await Field("Address line 1").FillAsync("1 Main St");
        await Field("City").FillAsync("Springfield");
        await Field("State").FillAsync("IL");
        await Field("ZIP code").FillAsync("62701");
        await Field("Last 4 digits of SSN").FillAsync("0000");
        await Field("Routing number").FillAsync(routingNumber);
        await Field("Account number").FillAsync("000123456789");
        await Field("Account holder name").FillAsync("Jenny Rosen");
        await Field("I accept the Stripe Connected Account Agreement").CheckAsync();
    }
}
