using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Stripe.Connect.Client.Tests.Security;

/// <summary>Plain http only on loopback; TLS certificate validation is never weakened by the SDK.</summary>
public class TransportSecurityTests
{
    private const string ApiKey = "sk_test_51TransportKey";

    [TestCase("http://api.stripe.com/")]
    [TestCase("http://localhost.evil.example/")]
    [TestCase("http://127.0.0.1.nip.io/")]
    [TestCase("http://0.0.0.0:8080/")]
    [TestCase("http://192.168.1.10/")]
    [TestCase("ws://localhost/")]
    [TestCase("file:///etc/passwd")]
    public void Plain_or_odd_schemes_off_loopback_are_refused(string address)
    {
        var error = Assert.Throws<ArgumentException>(() => new ConnectClient(new ConnectClientOptions { ApiKey = ApiKey, BaseAddress = new Uri(address) }));

        Assert.That(error!.Message, Does.Contain("BaseAddress"));
    }

    [TestCase("http://localhost:12111/")]
    [TestCase("http://127.0.0.1:5000/")]
    [TestCase("http://127.8.9.10/")]
    [TestCase("http://[::1]:8080/")]
    [TestCase("https://api.stripe.com/")]
    [TestCase("https://proxy.internal.example/stripe/")]
    public void Https_and_loopback_http_are_accepted(string address)
    {
        using var client = new ConnectClient(new ConnectClientOptions { ApiKey = ApiKey, BaseAddress = new Uri(address) });

        Assert.That(client.Options.BaseAddress, Is.EqualTo(new Uri(address)));
    }

    [Test]
    public void Dependency_injection_refuses_plain_http_too()
    {
        var services = new ServiceCollection();
        services.AddConnectClient(o =>
        {
            o.ApiKey = ApiKey;
            o.BaseAddress = new Uri("http://api.stripe.com/");
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ConnectClient>());

        Assert.That(error!.Message, Does.Contain("BaseAddress"));
    }

    [Test]
    public void The_default_handler_keeps_certificate_validation_on()
    {
        using var handler = ConnectClient.CreateDefaultHandler();

        Assert.Multiple(() =>
        {
            Assert.That(handler.SslOptions.RemoteCertificateValidationCallback, Is.Null);
            Assert.That(handler.SslOptions.CertificateRevocationCheckMode, Is.EqualTo(System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck), "the platform default");
            Assert.That(handler.SslOptions.EnabledSslProtocols, Is.EqualTo(System.Security.Authentication.SslProtocols.None), "None lets the OS pick TLS 1.2+");
        });
    }

    [Test]
    public void The_handler_registered_for_dependency_injection_keeps_certificate_validation_on()
    {
        var services = new ServiceCollection();
        services.AddConnectClient(o => o.ApiKey = ApiKey);
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetRequiredService<IHttpMessageHandlerFactory>();

        HttpMessageHandler? handler = factory.CreateHandler(ConnectServiceCollectionExtensions.HttpClientName);
        for (var i = 0; i < 16 && handler is DelegatingHandler delegating; i++)
        {
            handler = delegating.InnerHandler;
        }

        Assert.That(handler, Is.InstanceOf<SocketsHttpHandler>());
        Assert.That(((SocketsHttpHandler)handler!).SslOptions.RemoteCertificateValidationCallback, Is.Null);
    }

    /// <summary>
    /// Reads the SDK assembly's metadata: no code in it refers to the members that turn certificate validation
    /// off or replace it, whatever handler it builds.
    /// </summary>
    [Test]
    public void The_SDK_never_refers_to_certificate_validation_overrides()
    {
        string[] forbidden =
        [
            "set_ServerCertificateCustomValidationCallback",
            "get_DangerousAcceptAnyServerCertificateValidator",
            "set_RemoteCertificateValidationCallback",
            "set_CertificateChainPolicy",
            "set_CheckCertificateRevocationList",
        ];
        using var stream = File.OpenRead(typeof(ConnectClient).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var referenced = metadata.MemberReferences.Select(h => metadata.GetString(metadata.GetMemberReference(h).Name)).ToHashSet(StringComparer.Ordinal);

        Assert.That(referenced, Does.Contain(".ctor"), "the metadata was read");
        Assert.That(referenced.Intersect(forbidden), Is.Empty);
    }
}
