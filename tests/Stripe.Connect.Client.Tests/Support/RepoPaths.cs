namespace Stripe.Connect.Client.Tests.Support;

/// <summary>
/// Finds the repository root (the folder with <c>Stripe.Connect.Client.sln</c>) and the API facts in it: <c>spec/</c>,
/// the repository's copy of the shared facts (<c>.ci/check-spec.sh</c> keeps the copy equal to <c>../shared/stripe-api</c>).
/// Every test reads the copy, so a fresh clone runs them all.
/// </summary>
internal static class RepoPaths
{
    public static string Root()
    {
        var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Stripe.Connect.Client.sln")))
        {
            dir = dir.Parent;
        }

        Assert.That(dir, Is.Not.Null, "repository root not found above " + TestContext.CurrentContext.TestDirectory);
        return dir!.FullName;
    }

    public static string PathOf(string relative) => Path.Combine(Root(), relative);

    /// <summary>The facts folder, <c>spec/</c>.</summary>
    public static string SpecFolder() => Path.Combine(Root(), "spec");

    /// <summary>The fixtures folder, <c>spec/fixtures</c>.</summary>
    public static string FixturesFolder()
    {
        var folder = Path.Combine(SpecFolder(), "fixtures");
        Assert.That(Directory.Exists(folder), Is.True, $"The fixtures folder is missing ({folder}).");
        return folder;
    }
}
