using System.Collections.Concurrent;
using V1 = Stripe.Connect.Client;
using V2Core = Stripe.Connect.Client.V2.Core;

namespace Stripe.Connect.Client.Tests.Runtime;

/// <summary>
/// Services are created on first use (a fresh process that makes one call builds one), each once per client, the
/// same object for every caller and thread; a test double's client has none, as before.
/// </summary>
public class ServiceCreationTests
{
    [Test]
    public void Every_service_property_returns_one_object_per_client()
    {
        using var client = new ConnectClient("sk_test_services");
        using var other = new ConnectClient("sk_test_services");
        var accounts = client.Accounts;
        var oauth = client.OAuth;
        var v2Accounts = client.V2.Core.Accounts;
        var destinations = client.V2.Core.EventDestinations;

        Assert.Multiple(() =>
        {
            Assert.That(client.Accounts, Is.SameAs(accounts));
            Assert.That(client.OAuth, Is.SameAs(oauth));
            Assert.That(other.Accounts, Is.Not.SameAs(accounts));
            Assert.That(client.V2.Core.Accounts, Is.SameAs(v2Accounts));
            Assert.That(client.V2.Core.EventDestinations, Is.SameAs(destinations));
            Assert.That(other.V2.Core.Accounts, Is.Not.SameAs(v2Accounts));
        });
    }

    [Test]
    public void Threads_racing_on_first_use_all_get_the_same_service()
    {
        using var client = new ConnectClient("sk_test_services");
        var seen = new ConcurrentBag<object>();
        using var start = new Barrier(8);

        var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            seen.Add(client.Transfers);
            seen.Add(client.V2.Core.AccountLinks);
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        Assert.Multiple(() =>
        {
            Assert.That(seen.OfType<V1.TransferService>().Distinct().Count(), Is.EqualTo(1));
            Assert.That(seen.OfType<V2Core.AccountLinkService>().Distinct().Count(), Is.EqualTo(1));
            Assert.That(seen, Has.Count.EqualTo(16));
        });
    }

    [Test]
    public void A_test_double_client_has_no_services_unless_it_overrides_them()
    {
        var stub = new StubClient();

        Assert.Multiple(() =>
        {
            Assert.That(stub.Accounts, Is.Null, "a double's client cannot send, so it is given no services");
            Assert.That(stub.Transfers, Is.Null);
            Assert.That(stub.Payouts, Is.InstanceOf<StubPayouts>(), "an overridden property is the double's own");
        });
    }

    [Test]
    public void A_test_double_of_the_v2_services_has_none_unless_it_overrides_them()
    {
        var stub = new StubCoreServices();

        Assert.Multiple(() =>
        {
            Assert.That(stub.Accounts, Is.Null);
            Assert.That(stub.Events, Is.Null);
        });
    }

    private sealed class StubClient : ConnectClient
    {
        private readonly StubPayouts _payouts = new();

        public override V1.PayoutService Payouts => _payouts;
    }

    private sealed class StubPayouts : V1.PayoutService;

    private sealed class StubCoreServices : V2Core.CoreServices;
}
