// The platform web app: sellers sign up, onboard on Stripe's hosted page (offline: the in-memory API's), come back
// to a status page, and the platform follows them through webhooks and a dashboard.
//
//   dotnet run --project samples/PlatformWeb        then open http://127.0.0.1:5080/
//
// Without STRIPE_SECRET_KEY everything runs offline against the in-memory Connect API; with an sk_test_ key it talks
// to Stripe's test mode (STRIPE_PUBLISHABLE_KEY for the embedded components, STRIPE_WEBHOOK_SECRET for webhooks).
using PlatformWeb;

PlatformWebApp platform;
PlatformSettings settings;
try
{
    settings = PlatformSettingsReader.Read(args);
    if (settings.Problem() is { } problem)
    {
        Console.Error.WriteLine("PlatformWeb: " + problem);
        return 2;
    }

    platform = await PlatformWebApp.StartAsync(settings);
}
catch (InvalidOperationException e)
{
    // Settings that cannot work (an unknown account kind): say which, without a stack trace.
    Console.Error.WriteLine("PlatformWeb: " + e.Message);
    return 2;
}

await using (platform)
{
    Console.WriteLine(settings.Offline
        ? $"PlatformWeb: offline against the in-memory Connect API (STRIPE_SECRET_KEY is not set). Open {platform.BaseUrl}"
        : $"PlatformWeb: against Stripe test mode. Open {platform.BaseUrl}");
    Console.WriteLine($"Accounts are created as {settings.AccountKind}. Press Ctrl+C to stop.");
    await platform.App.WaitForShutdownAsync();
}

return 0;
