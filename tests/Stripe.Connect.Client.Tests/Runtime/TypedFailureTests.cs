using System.IO.Compression;
using System.Net;
using System.Text;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

/// <summary>
/// Whatever goes wrong while a response is read, only the SDK's exceptions leave a call (besides the caller's own
/// cancellation). The bodies here fail inside the decoder or the transport the way a decompressing or socket handler
/// fails: a decoder reading bytes that are not what the Content-Encoding says, a stream that breaks mid-body, a
/// Content-Length that does not match.
/// </summary>
public class TypedFailureTests
{
    public enum Coding
    {
        Gzip,
        Deflate,
        Brotli,
    }

    private MockHttpMessageHandler _mock = null!;
    private int _sent;

    [SetUp]
    public void SetUp()
    {
        _mock = new MockHttpMessageHandler();
        _sent = 0;
    }

    [TearDown]
    public void TearDown() => _mock.Dispose();

    [Test]
    public void A_body_that_lies_about_its_content_encoding_is_an_ApiException_on_success(
        [Values] Coding coding)
    {
        Answer(() => Response(HttpStatusCode.OK, LyingContent(coding, TestClients.LinkJson)));
        using var client = TestClients.Create(_mock);

        var error = Assert.ThrowsAsync<ApiException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.HttpStatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(error.RequestId, Is.EqualTo("req_lie"));
            Assert.That(error.Message, Does.Contain("could not be decoded").And.Contain($"Content-Encoding ({EncodingName(coding)})"));
            Assert.That(error.InnerException, Is.Null, "the decoder's exception is described, not attached");
            Assert.That(_sent, Is.EqualTo(1), "a decoder fails the same way every time: not retried");
        });
    }

    [Test]
    public void A_body_that_lies_about_its_content_encoding_keeps_the_error_its_status_names(
        [Values] Coding coding,
        [Values(400, 500)] int status)
    {
        Answer(() => Response((HttpStatusCode)status, LyingContent(coding, TestClients.Error("api_error"))));
        using var client = TestClients.Create(_mock);

        var error = Assert.ThrowsAsync(Is.InstanceOf<StripeException>(), () => client.AccountLinks.CreateAsync(TestClients.LinkRequest())) as StripeException;

        Assert.Multiple(() =>
        {
            Assert.That(error, status == 400 ? Is.TypeOf<InvalidRequestException>() : Is.TypeOf<ApiException>());
            Assert.That(error!.HttpStatusCode, Is.EqualTo((HttpStatusCode)status));
            Assert.That(error.StripeError, Is.Null);
            Assert.That(error.Message, Does.Contain($"HTTP {status}").And.Contain("could not be read").And.Contain("could not be decoded"));
            Assert.That(_sent, Is.EqualTo(status == 500 ? 3 : 1), "retried as its status says");
        });
    }

    [Test]
    public void A_connection_closed_mid_body_is_retried_then_an_ApiConnectionException()
    {
        Answer(() => Response(HttpStatusCode.OK, new StreamContent(new BreakingStream(Encoding.UTF8.GetBytes(TestClients.LinkJson), 20))));
        using var client = TestClients.Create(_mock);

        var error = Assert.ThrowsAsync<ApiConnectionException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("3 attempt(s)").And.Contain("before the body was complete"));
            Assert.That(error.InnerException, Is.InstanceOf<IOException>().Or.InstanceOf<HttpRequestException>());
            Assert.That(error.IdempotencyKey, Is.Not.Null);
            Assert.That(_sent, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task A_connection_closed_mid_body_then_a_good_answer_succeeds()
    {
        var answers = new Queue<Func<HttpContent>>(
        [
            () => new StreamContent(new BreakingStream(Encoding.UTF8.GetBytes(TestClients.LinkJson), 20)),
            () => new StringContent(TestClients.LinkJson, Encoding.UTF8, "application/json"),
        ]);
        Answer(() => Response(HttpStatusCode.OK, answers.Dequeue()()));
        using var client = TestClients.Create(_mock);

        var link = await client.AccountLinks.CreateAsync(TestClients.LinkRequest());

        Assert.That(link.StripeResponse!.Attempts, Is.EqualTo(2));
    }

    [TestCase(500, 3)]
    [TestCase(402, 1)]
    public void An_error_body_cut_mid_way_still_fails_with_the_error_its_status_names(int status, int attempts)
    {
        Answer(() => Response((HttpStatusCode)status, new StreamContent(new BreakingStream(Encoding.UTF8.GetBytes(TestClients.Error("api_error")), 10))));
        using var client = TestClients.Create(_mock);

        var error = Assert.ThrowsAsync(Is.InstanceOf<StripeException>(), () => client.AccountLinks.CreateAsync(TestClients.LinkRequest())) as StripeException;

        Assert.Multiple(() =>
        {
            Assert.That(error, status == 500 ? Is.TypeOf<ApiException>() : Is.TypeOf<CardException>());
            Assert.That(error!.Message, Does.Contain("could not be read").And.Contain("before the body was complete"));
            Assert.That(_sent, Is.EqualTo(attempts));
        });
    }

    [Test]
    public void A_body_longer_than_its_content_length_is_an_ApiException_and_is_not_retried()
    {
        Answer(() => Response(HttpStatusCode.OK, WithDeclaredLength(TestClients.LinkJson, TestClients.LinkJson.Length - 10)));
        using var client = TestClients.Create(_mock);

        var error = Assert.ThrowsAsync<ApiException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain("longer than its Content-Length"));
            Assert.That(_sent, Is.EqualTo(1));
        });
    }

    [Test]
    public void A_body_shorter_than_its_content_length_is_retried_as_a_cut_connection()
    {
        Answer(() => Response(HttpStatusCode.OK, WithDeclaredLength(TestClients.LinkJson, TestClients.LinkJson.Length + 10)));
        using var client = TestClients.Create(_mock);

        var error = Assert.ThrowsAsync<ApiConnectionException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Message, Does.Contain($"the body ended after {TestClients.LinkJson.Length} of its {TestClients.LinkJson.Length + 10} bytes"));
            Assert.That(_sent, Is.EqualTo(3));
        });
    }

    [TestCase(-10)]
    [TestCase(10)]
    public void An_error_body_with_a_wrong_content_length_still_maps_to_its_status(int difference)
    {
        var body = TestClients.Error("invalid_request_error", "parameter_missing", "account");
        Answer(() => Response(HttpStatusCode.BadRequest, WithDeclaredLength(body, body.Length + difference)));
        using var client = TestClients.Create(_mock);

        Assert.ThrowsAsync<InvalidRequestException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));
        Assert.That(_sent, Is.EqualTo(1));
    }

    [Test]
    public void A_handler_that_throws_something_unexpected_gives_an_ApiConnectionException_without_retrying()
    {
        _mock.When("*").Respond(_ =>
        {
            Interlocked.Increment(ref _sent);
            throw new InvalidOperationException("a bug in a caller's handler");
        });
        using var client = TestClients.Create(_mock);

        var error = Assert.ThrowsAsync<ApiConnectionException>(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));

        Assert.Multiple(() =>
        {
            Assert.That(error!.InnerException, Is.TypeOf<InvalidOperationException>());
            Assert.That(error.Message, Does.Contain("the HTTP handler failed"));
            Assert.That(_sent, Is.EqualTo(1));
        });
    }

    [Test]
    public void Every_kind_of_broken_answer_leaves_the_call_as_one_of_the_allowed_exceptions()
    {
        var answers = new Func<HttpResponseMessage>[]
        {
            () => Response(HttpStatusCode.OK, LyingContent(Coding.Gzip, TestClients.LinkJson)),
            () => Response(HttpStatusCode.OK, LyingContent(Coding.Brotli, TestClients.LinkJson)),
            () => Response(HttpStatusCode.BadGateway, LyingContent(Coding.Deflate, "<html>")),
            () => Response(HttpStatusCode.OK, new StreamContent(new BreakingStream([.. "{\"obj"u8], 3))),
            () => Response(HttpStatusCode.OK, new StreamContent(new BreakingStream([], 0, new InvalidDataException("broken")))),
            () => Response(HttpStatusCode.OK, new StreamContent(new BreakingStream([], 0, new NotSupportedException("odd")))),
            () => Response(HttpStatusCode.OK, WithDeclaredLength("{}", 1)),
            () => Response(HttpStatusCode.NoContent, new ByteArrayContent([])),
            () => throw new IOException("reset"),
            () => throw new TimeoutException("slow"),
        };
        foreach (var answer in answers)
        {
            using var mock = new MockHttpMessageHandler();
            mock.When("*").Respond(_ => answer());
            using var client = TestClients.Create(mock);

            var error = Assert.CatchAsync(() => client.AccountLinks.CreateAsync(TestClients.LinkRequest()));

            Assert.That(error, Is.InstanceOf<StripeException>(), error?.ToString());
        }
    }

    private void Answer(Func<HttpResponseMessage> respond) => _mock.When("*").Respond(_ =>
    {
        Interlocked.Increment(ref _sent);
        return respond();
    });

    private static HttpResponseMessage Response(HttpStatusCode status, HttpContent content)
    {
        var response = new HttpResponseMessage(status) { Content = content };
        response.Headers.TryAddWithoutValidation("Request-Id", "req_lie");
        return response;
    }

    /// <summary>Plain bytes labelled as compressed, read through the decoder a decompressing handler would use.</summary>
    private static StreamContent LyingContent(Coding coding, string text)
    {
        var raw = new MemoryStream(Encoding.UTF8.GetBytes(text));
        Stream decoded = coding switch
        {
            Coding.Gzip => new GZipStream(raw, CompressionMode.Decompress),
            Coding.Deflate => new DeflateStream(raw, CompressionMode.Decompress),
            _ => new BrotliStream(raw, CompressionMode.Decompress),
        };
        var content = new StreamContent(decoded);
        content.Headers.TryAddWithoutValidation("Content-Encoding", EncodingName(coding));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        return content;
    }

    private static string EncodingName(Coding coding) => coding == Coding.Brotli ? "br" : coding.ToString().ToLowerInvariant();

    private static ByteArrayContent WithDeclaredLength(string text, long declared)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentLength = declared;
        return content;
    }

    /// <summary>A body stream that gives its first bytes, then fails the way a dropped connection does.</summary>
    private sealed class BreakingStream(byte[] bytes, int breakAt, Exception? failure = null) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= breakAt)
            {
                throw failure ?? new IOException("The connection was closed mid-body.");
            }

            var n = Math.Min(count, Math.Min(breakAt, bytes.Length) - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
