using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

[NonParallelizable]
public class TelemetryTests
{
    [Test]
    public async Task Meter_counts_attempts_retries_and_duration()
    {
        var counts = new Dictionary<string, double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == "Stripe.Connect.Client")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(instrument.Name, value));
        listener.SetMeasurementEventCallback<double>((instrument, _, _, _) => Add(instrument.Name, 1));
        listener.Start();

        var responses = new Queue<HttpStatusCode>([HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK]);
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => TestClients.Json(responses.Dequeue(), TestClients.LinkJson));
        using var client = TestClients.Create(mock);

        await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        lock (counts)
        {
            Assert.That(counts.GetValueOrDefault("stripe.client.requests"), Is.EqualTo(2));
            Assert.That(counts.GetValueOrDefault("stripe.client.retries"), Is.EqualTo(1));
            Assert.That(counts.GetValueOrDefault("stripe.client.request.duration"), Is.EqualTo(1));
        }

        void Add(string name, double value)
        {
            lock (counts)
            {
                counts[name] = counts.GetValueOrDefault(name) + value;
            }
        }
    }

    [Test]
    public async Task One_client_activity_per_call_with_status_and_attempts()
    {
        using var capture = new ActivityCapture();
        using var mock = new MockHttpMessageHandler();
        mock.When("*").Respond(_ => TestClients.Json(HttpStatusCode.NotFound, TestClients.Error("invalid_request_error", "resource_missing")));
        using var client = TestClients.Create(mock);

        Assert.ThrowsAsync<InvalidRequestException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest(), new RequestOptions { StripeAccount = "acct_9" }));
        await Task.Yield();

        var activity = capture.Stopped.Single();
        Assert.Multiple(() =>
        {
            Assert.That(activity.Kind, Is.EqualTo(ActivityKind.Client));
            Assert.That(activity.Status, Is.EqualTo(ActivityStatusCode.Error));
            Assert.That(activity.GetTagItem("http.response.status_code"), Is.EqualTo(404));
            Assert.That(activity.GetTagItem("stripe.account"), Is.EqualTo("acct_9"));
            Assert.That(activity.GetTagItem("stripe.attempts"), Is.EqualTo(1));
        });
    }
}
