using System.Text.Json;

namespace Stripe.Connect.Client.Tests.Support;

/// <summary>The SDK's source-generated JSON options, for tests that read JSON directly.</summary>
internal static class ConnectJsonContextOptions
{
    public static JsonSerializerOptions Options => ConnectJsonContext.Default.Options;
}
