using System.Buffers;
using System.Text;
using static Stripe.Connect.Client.Tests.Webhooks.WebhookTestData;

namespace Stripe.Connect.Client.Tests.Webhooks;

/// <summary>
/// A webhook payload may hold personal data (a person's name, date of birth, address), and the SDK copies it into
/// buffers rented from <see cref="ArrayPool{T}.Shared"/>, which the pool then hands to any other code in the process.
/// These tests check that no copy goes back to the pool with the payload still in it, on every path that makes one.
/// Each call completes on the test's thread, so a buffer returned uncleared would sit in that thread's slot of the
/// pool, where the scan below finds it first. The test itself leaves no stale copy of the payload's UTF-8 bytes in
/// freed memory, because the pool hands out new arrays uncleared: its one copy is pinned (a collection would move
/// it and leave the old bytes behind) and the signature is hashed in pieces.
/// </summary>
[NonParallelizable] // the scan reads the shared pool: no other test should be renting from it meanwhile
public class WebhookBufferHygieneTests
{
    /// <summary>Repeated to fill the payload, so any slice of a copy holds it.</summary>
    private static readonly string Marker = "pii-" + Guid.NewGuid().ToString("N") + ";";

    /// <summary>The marker's UTF-8 bytes, pinned too: a moved copy of the search pattern would be found as a leak.</summary>
    private static readonly byte[] MarkerUtf8 = Pinned(Marker);

    /// <summary>About 50 KB: its UTF-16 to UTF-8 copy comes from the pool's 256 KiB bucket, its stream copies from 16, 32 and 64 KiB.</summary>
    private static string Filler() => string.Concat(Enumerable.Repeat(Marker, 50_000 / Marker.Length));

    private static string SnapshotPayload() =>
        EventJson(objectJson: $$$"""{"id":"acct_1Test","object":"account","metadata":{"note":"{{{Filler()}}}"}}""");

    private static string ThinPayload() =>
        $$"""{"id":"evt_test_1","object":"v2.core.event","type":"v2.core.account.updated","created":"2026-01-15T12:00:00.000Z","livemode":false,"padding":"{{Filler()}}"}""";

    private static StripeWebhookVerifier Verifier() => new(new StripeWebhookOptions { Secrets = { EndpointSecret } }, Clock());

    /// <summary>The payload's UTF-8 bytes on the pinned heap, where the collector never moves them.</summary>
    private static byte[] Pinned(string payload)
    {
        var utf8 = GC.AllocateArray<byte>(Encoding.UTF8.GetByteCount(payload), pinned: true);
        Encoding.UTF8.GetBytes(payload, utf8);
        return utf8;
    }

    /// <summary>A valid <c>Stripe-Signature</c> header for the bytes; <see cref="WebhookTestData.Sign(byte[], string, long)"/> hashes them without copying.</summary>
    private static string SignatureHeader(byte[] utf8Payload, string secret = EndpointSecret) =>
        $"t={NowSeconds},v1={Sign(utf8Payload, secret, NowSeconds)}";

    [Test]
    public void A_snapshot_event_given_as_a_string_leaves_no_copy_of_itself_in_the_pool()
    {
        var payload = SnapshotPayload();

        VerifyThenScan(payload, EndpointSecret, header =>
            Assert.That(StripeWebhook.ConstructEvent(payload, header, EndpointSecret, StripeWebhook.DefaultTolerance, Clock()).Id, Is.EqualTo("evt_1Test")));
    }

    [Test]
    public void A_snapshot_event_with_a_wrong_signature_leaves_no_copy_of_itself_in_the_pool()
    {
        var payload = SnapshotPayload();

        VerifyThenScan(payload, WrongSecret, header =>
            Assert.Throws<SignatureVerificationException>(() => StripeWebhook.ConstructEvent(payload, header, EndpointSecret, StripeWebhook.DefaultTolerance, Clock())));
    }

    [Test]
    public void A_thin_event_given_as_a_string_leaves_no_copy_of_itself_in_the_pool()
    {
        var payload = ThinPayload();

        VerifyThenScan(payload, EndpointSecret, header =>
            Assert.That(StripeWebhook.ParseEventNotification(payload, header, EndpointSecret, StripeWebhook.DefaultTolerance, Clock()).Id, Is.EqualTo("evt_test_1")));
    }

    [Test]
    public async Task A_request_body_read_from_a_stream_leaves_no_copy_of_itself_in_the_pool()
    {
        var utf8 = Pinned(SnapshotPayload());
        using var body = new MemoryStream(utf8);

        // A MemoryStream completes every read at once, so the whole call runs on this thread.
        var evt = await Verifier().ConstructEventAsync(body, SignatureHeader(utf8));

        Assert.That(evt.Id, Is.EqualTo("evt_1Test"));
        Assert.Multiple(() =>
        {
            // The body outgrows its first buffers (16 and 32 KiB) and ends in a 64 KiB one; each went back to the pool.
            AssertNoPooledCopy(16 * 1024);
            AssertNoPooledCopy(32 * 1024);
            AssertNoPooledCopy(64 * 1024);
        });
        GC.KeepAlive(utf8);
    }

    /// <summary>
    /// For the paths given a string: signs the payload under <paramref name="secret"/>, hands the header to
    /// <paramref name="verify"/>, then scans the pool at the size of the SDK's UTF-8 copy. The test's own copy stays
    /// pinned until the scan is done.
    /// </summary>
    private static void VerifyThenScan(string payload, string secret, Action<string> verify)
    {
        var utf8 = Pinned(payload);
        verify(SignatureHeader(utf8, secret));
        AssertNoPooledCopy(Encoding.UTF8.GetMaxByteCount(payload.Length));
        GC.KeepAlive(utf8);
    }

    /// <summary>Rents the arrays the pool hands out first for that size (its thread slot first) and looks for the marker in each.</summary>
    private static void AssertNoPooledCopy(int minimumLength)
    {
        var rented = new List<byte[]>();
        try
        {
            // A buffer returned on this thread sits in its slot or on top of its core's stack; a few rents reach it.
            for (var i = 0; i < 16; i++)
            {
                rented.Add(ArrayPool<byte>.Shared.Rent(minimumLength));
            }

            var holding = rented.Count(a => a.AsSpan().IndexOf(MarkerUtf8) >= 0);
            Assert.That(holding, Is.Zero, $"{holding} pooled array(s) of at least {minimumLength} bytes still hold the payload");
        }
        finally
        {
            foreach (var array in rented)
            {
                ArrayPool<byte>.Shared.Return(array);
            }
        }
    }
}
