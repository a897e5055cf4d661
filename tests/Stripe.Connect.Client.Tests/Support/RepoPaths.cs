namespace Stripe.Connect.Client.Tests.Support;

/// <summary>
/// Finds the repository root (the folder with <c>Stripe.Connect.Client.sln</c>) and the shared API facts beside it
/// (<c>../shared/stripe-api/fixtures</c>). A missing fixtures folder fails the test under CI (<c>CI=true</c>).
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

    /// <summary>The fixtures folder; a missing one fails the test under CI and ignores it elsewhere.</summary>
    public static string FixturesFolder() =>
        FixturesFolderOrNull() ?? throw new InvalidOperationException("unreachable: Assert.Ignore throws");

    /// <summary>The fixtures folder, or <see langword="null"/> outside CI when it is missing (callers may fall back).</summary>
    public static string? FixturesFolderOrNull(bool ignoreWhenMissing = true)
    {
        var folder = Path.GetFullPath(Path.Combine(Root(), "..", "shared", "stripe-api", "fixtures"));
        if (Directory.Exists(folder))
        {
            return folder;
        }

        var message = $"The shared fixtures folder is missing ({folder}).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message);
        }

        if (ignoreWhenMissing)
        {
            Assert.Ignore(message);
        }

        return null;
    }
}
