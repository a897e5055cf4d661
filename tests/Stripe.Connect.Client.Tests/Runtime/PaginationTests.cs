using System.Net;
using System.Text.Json.Serialization.Metadata;
using RichardSzalay.MockHttp;
using Stripe.Connect.Client.Form;
using Stripe.Connect.Client.Tests.Support;

namespace Stripe.Connect.Client.Tests.Runtime;

public class PaginationTests
{
    /// <summary>A minimal list service over the runtime's paging helper, independent of generated code.</summary>
    private sealed class ItemService(ConnectClient client) : ConnectService(client)
    {
        public IAsyncEnumerable<StripeObject> All(Query? query, CancellationToken ct = default) =>
            AutoPageAsync("/v1/items", query, (JsonTypeInfo<StripeList<StripeObject>>)CoreJsonContextWithLists.Default.StripeListStripeObject, null, ct);
    }

    private sealed record Query(long? Limit, string? StartingAfter, string? EndingBefore) : IFormEncodable
    {
        void IFormEncodable.WriteForm(FormWriter writer)
        {
            writer.Add("limit", Limit);
            writer.Add("starting_after", StartingAfter);
            writer.Add("ending_before", EndingBefore);
        }
    }

    private static string Page(bool hasMore, params string[] ids) =>
        "{\"object\":\"list\",\"url\":\"/v1/items\",\"has_more\":" + (hasMore ? "true" : "false") + ",\"data\":["
        + string.Join(",", ids.Select(id => "{\"id\":\"" + id + "\",\"object\":\"item\"}")) + "]}";

    private readonly List<string> _queries = [];

    private ConnectClient ClientWithPages(MockHttpMessageHandler mock, Dictionary<string, string> pagesByQuery)
    {
        mock.When("*").Respond(request =>
        {
            var query = request.RequestUri!.Query;
            lock (_queries)
            {
                _queries.Add(query);
            }

            return pagesByQuery.TryGetValue(query, out var page)
                ? TestClients.Json(HttpStatusCode.OK, page)
                : TestClients.Json(HttpStatusCode.NotFound, TestClients.Error("invalid_request_error", "resource_missing"));
        });
        return TestClients.Create(mock, o => o.MaxNetworkRetries = 0);
    }

    [SetUp]
    public void SetUp() => _queries.Clear();

    [Test]
    public async Task Walks_three_pages_forward_with_starting_after()
    {
        using var mock = new MockHttpMessageHandler();
        using var client = ClientWithPages(mock, new()
        {
            ["?limit=2"] = Page(true, "it_6", "it_5"),
            ["?limit=2&starting_after=it_5"] = Page(true, "it_4", "it_3"),
            ["?limit=2&starting_after=it_3"] = Page(false, "it_2", "it_1"),
        });

        var ids = new List<string>();
        await foreach (var item in new ItemService(client).All(new Query(2, null, null)))
        {
            ids.Add(item.Id);
        }

        Assert.That(ids, Is.EqualTo(new[] { "it_6", "it_5", "it_4", "it_3", "it_2", "it_1" }));
        Assert.That(_queries, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task Walks_backward_with_ending_before_when_the_caller_started_with_it()
    {
        using var mock = new MockHttpMessageHandler();
        using var client = ClientWithPages(mock, new()
        {
            ["?limit=2&ending_before=it_1"] = Page(true, "it_3", "it_2"),
            ["?limit=2&ending_before=it_3"] = Page(true, "it_5", "it_4"),
            ["?limit=2&ending_before=it_5"] = Page(false, "it_6"),
        });

        var ids = new List<string>();
        await foreach (var item in new ItemService(client).All(new Query(2, null, "it_1")))
        {
            ids.Add(item.Id);
        }

        Assert.That(ids, Is.EqualTo(new[] { "it_2", "it_3", "it_4", "it_5", "it_6" }));
    }

    [Test]
    public async Task A_caller_cursor_is_the_first_page()
    {
        using var mock = new MockHttpMessageHandler();
        using var client = ClientWithPages(mock, new()
        {
            ["?limit=2&starting_after=it_9"] = Page(false, "it_8"),
        });

        var ids = new List<string>();
        await foreach (var item in new ItemService(client).All(new Query(2, "it_9", null)))
        {
            ids.Add(item.Id);
        }

        Assert.That(ids, Is.EqualTo(new[] { "it_8" }));
    }

    [Test]
    public async Task Pages_are_fetched_lazily_and_cancellation_stops_between_pages()
    {
        using var mock = new MockHttpMessageHandler();
        using var client = ClientWithPages(mock, new()
        {
            ["?limit=2"] = Page(true, "it_6", "it_5"),
            ["?limit=2&starting_after=it_5"] = Page(true, "it_4", "it_3"),
        });
        using var cts = new CancellationTokenSource();

        var seen = new List<string>();
        Assert.That(
            async () =>
            {
                await foreach (var item in new ItemService(client).All(new Query(2, null, null), cts.Token))
                {
                    seen.Add(item.Id);
                    if (item.Id == "it_5")
                    {
                        await cts.CancelAsync();
                    }
                }
            },
            Throws.InstanceOf<OperationCanceledException>());

        Assert.That(seen, Is.EqualTo(new[] { "it_6", "it_5" }));
        Assert.That(_queries, Has.Count.EqualTo(1), "the second page is never requested");
    }

    [Test]
    public async Task An_empty_page_ends_the_walk()
    {
        using var mock = new MockHttpMessageHandler();
        using var client = ClientWithPages(mock, new() { [string.Empty] = Page(true) });

        var count = 0;
        await foreach (var unused in new ItemService(client).All(null))
        {
            count++;
        }

        Assert.That(count, Is.Zero);
    }
}
