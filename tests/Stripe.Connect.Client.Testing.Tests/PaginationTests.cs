using System.Net;

namespace Stripe.Connect.Client.Testing.Tests;

public class PaginationTests : ApiTestBase
{
    private async Task<List<string>> CreateAccounts(int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await CreateAccount());
        }

        return ids;
    }

    [Test]
    public async Task Lists_are_newest_first_and_page_forward_with_starting_after()
    {
        var ids = await CreateAccounts(5);
        var newestFirst = Enumerable.Reverse(ids).ToList();

        var first = await Get("/v1/accounts?limit=2");
        var second = await Get($"/v1/accounts?limit=2&starting_after={first.Ids[^1]}");
        var last = await Get($"/v1/accounts?limit=2&starting_after={second.Ids[^1]}");

        Assert.Multiple(() =>
        {
            Assert.That(first.Str("object"), Is.EqualTo("list"));
            Assert.That(first.Str("url"), Is.EqualTo("/v1/accounts"));
            Assert.That(first.Ids, Is.EqualTo(newestFirst.Take(2)));
            Assert.That(first.Bool("has_more"), Is.True);
            Assert.That(second.Ids, Is.EqualTo(newestFirst.Skip(2).Take(2)));
            Assert.That(second.Bool("has_more"), Is.True);
            Assert.That(last.Ids, Is.EqualTo(newestFirst.Skip(4)));
            Assert.That(last.Bool("has_more"), Is.False);
        });
    }

    [Test]
    public async Task Ending_before_pages_backwards()
    {
        var ids = await CreateAccounts(5);
        var newestFirst = Enumerable.Reverse(ids).ToList();

        var page = await Get($"/v1/accounts?limit=2&ending_before={newestFirst[4]}");
        var top = await Get($"/v1/accounts?limit=2&ending_before={newestFirst[2]}");

        Assert.Multiple(() =>
        {
            Assert.That(page.Ids, Is.EqualTo(new[] { newestFirst[2], newestFirst[3] }));
            Assert.That(page.Bool("has_more"), Is.True);
            Assert.That(top.Ids, Is.EqualTo(new[] { newestFirst[0], newestFirst[1] }));
            Assert.That(top.Bool("has_more"), Is.False);
        });
    }

    [Test]
    public async Task Limit_outside_1_to_100_and_unknown_cursor_are_refused()
    {
        await CreateAccounts(1);

        AssertError(await Get("/v1/accounts?limit=0"), HttpStatusCode.BadRequest, "invalid_request_error", null, "limit");
        AssertError(await Get("/v1/accounts?limit=101"), HttpStatusCode.BadRequest, "invalid_request_error", null, "limit");
        AssertError(await Get("/v1/accounts?limit=ten"), HttpStatusCode.BadRequest, "invalid_request_error", "parameter_invalid_integer", "limit");
        AssertError(await Get("/v1/accounts?starting_after=acct_nope"), HttpStatusCode.NotFound, "invalid_request_error", "resource_missing", "starting_after");
    }

    [Test]
    public async Task Created_filter_selects_by_time()
    {
        var early = await CreateAccount();
        Time.Advance(TimeSpan.FromHours(1));
        var late = await CreateAccount();
        var cut = Time.GetUtcNow().ToUnixTimeSeconds() - 60;

        var recent = await Get($"/v1/accounts?created[gte]={cut}");
        var old = await Get($"/v1/accounts?created[lt]={cut}");

        Assert.That(recent.Ids, Is.EqualTo(new[] { late }));
        Assert.That(old.Ids, Is.EqualTo(new[] { early }));
    }
}
