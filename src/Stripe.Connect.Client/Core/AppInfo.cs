namespace Stripe.Connect.Client;

/// <summary>Identifies the application that uses the SDK; it is added to the <c>User-Agent</c> header.</summary>
public sealed class AppInfo
{
    /// <summary>The application's name, such as <c>MyPlatform</c>.</summary>
    public string? Name { get; set; }

    /// <summary>The application's version, such as <c>1.4.2</c>.</summary>
    public string? Version { get; set; }

    /// <summary>A URL where the application can be learned about.</summary>
    public string? Url { get; set; }
}
