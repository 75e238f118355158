using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;
using WebexConnector.Webex;

namespace WebexConnector.Tests.Webex;

/// <summary>A listing stays bounded in memory and time whatever the server sends.</summary>
public class WebexPagerBoundsTests
{
    private const string FirstUrl = "https://webexapis.com/v1/rooms?max=1000";

    [Test]
    public void ReadAll_NewCursorEveryPageWithTheSameItems_StopsAtTheSecondPage()
    {
        using var http = new MockHttpMessageHandler();
        var requests = 0;
        http.When("https://webexapis.com/v1/rooms*").Respond(_ =>
        {
            requests++;
            return Page(ids: ["a", "b"], next: $"https://webexapis.com/v1/rooms?cursor={requests.ToString(CultureInfo.InvariantCulture)}");
        });
        using var client = http.ToHttpClient();

        Assert.That(() => ReadAllAsync(client, new ListingBounds(1_000, 1_000)),
            Throws.TypeOf<WebexPaginationException>().With.Message.Contains("only items it had already sent"));
        Assert.That(requests, Is.EqualTo(2), "the page that brings nothing new is the last one requested");
    }

    [Test]
    public async Task ReadAll_PagesOverlapButEachBringsSomethingNew_ReadsToTheEnd()
    {
        using var http = new MockHttpMessageHandler();
        http.When(FirstUrl).Respond(_ => Page(["a", "b"], "https://webexapis.com/v1/rooms?cursor=2"));
        http.When("https://webexapis.com/v1/rooms?cursor=2").Respond(_ => Page(["b", "c"], next: null));
        using var client = http.ToHttpClient();

        var items = await ReadAllAsync(client, new ListingBounds(1_000, 1_000));

        Assert.That(items, Has.Count.EqualTo(4), "items are passed on as Webex sent them; only a page with nothing new stops");
    }

    [Test]
    public void ReadAll_MoreItemsThanTheBound_FailsSayingSoAndHowToNarrow()
    {
        using var http = new MockHttpMessageHandler();
        var page = 0;
        http.When("https://webexapis.com/v1/rooms*").Respond(_ =>
        {
            page++;
            return Page([$"{page}-a", $"{page}-b", $"{page}-c"], $"https://webexapis.com/v1/rooms?cursor={page.ToString(CultureInfo.InvariantCulture)}");
        });
        using var client = http.ToHttpClient();

        Assert.That(() => ReadAllAsync(client, new ListingBounds(MaxItems: 7, MaxPages: 1_000)),
            Throws.TypeOf<WebexPaginationException>().With.Message.Contains("larger than the connector reads in one action (7 items")
                .And.Message.Contains("set 'limit'"));
        Assert.That(page, Is.EqualTo(3), "no page beyond the one that crossed the bound is requested");
    }

    [Test]
    public void ReadAll_MorePagesThanTheBound_FailsWithoutRequestingMore()
    {
        using var http = new MockHttpMessageHandler();
        var page = 0;
        http.When("https://webexapis.com/v1/rooms*").Respond(_ =>
        {
            page++;
            return Page([$"{page}"], $"https://webexapis.com/v1/rooms?cursor={page.ToString(CultureInfo.InvariantCulture)}");
        });
        using var client = http.ToHttpClient();

        Assert.That(() => ReadAllAsync(client, new ListingBounds(MaxItems: 1_000, MaxPages: 4)),
            Throws.TypeOf<WebexPaginationException>().With.Message.Contains("4 pages"));
        Assert.That(page, Is.EqualTo(4));
    }

    [Test]
    public async Task ReadAll_ExactlyTheBoundAndNoNextPage_Succeeds()
    {
        using var http = new MockHttpMessageHandler();
        http.When(FirstUrl).Respond(_ => Page(["a", "b", "c"], next: null));
        using var client = http.ToHttpClient();

        var items = await ReadAllAsync(client, new ListingBounds(MaxItems: 3, MaxPages: 1));

        Assert.That(items, Has.Count.EqualTo(3));
    }

    [Test]
    public void Bounds_AreGenerousForTheLargestListingsAndCapTheLimitParameter()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(WebexPager.MaxItems, Is.GreaterThanOrEqualTo(100_000 * 2), "the benchmark's 100,000 rooms fit twice");
            Assert.That(WebexPager.MaxPages * WebexPager.MaxPageSize, Is.GreaterThanOrEqualTo(WebexPager.MaxItems));
            Assert.That(
                WebexConnector.Actions.ActionCatalog.All.SelectMany(a => a.Parameters).Where(p => p.Name == "limit").Select(p => p.Maximum),
                Is.Not.Empty.And.All.EqualTo(WebexPager.MaxItems));
        }
    }

    private static async Task<List<JsonElement>> ReadAllAsync(HttpClient client, ListingBounds bounds)
    {
        var items = new List<JsonElement>();
        var pages = WebexPager.ReadAllAsync(
            client, ct => client.GetAsync(new Uri(FirstUrl), HttpCompletionOption.ResponseHeadersRead, ct), limit: null, bounds, CancellationToken.None);
        await foreach (var item in pages)
        {
            items.Add(item);
            if (items.Count > 10_000)
            {
                Assert.Fail("The pager does not stop.");
            }
        }

        return items;
    }

    private static HttpResponseMessage Page(string[] ids, string? next)
    {
        var items = new JsonArray([.. ids.Select(id => (JsonNode)new JsonObject { ["id"] = id, ["title"] = "room " + id })]);
        var response = ConnectorHarness.JsonResponse(HttpStatusCode.OK, new JsonObject { ["items"] = items }.ToJsonString());
        if (next is not null)
        {
            response.Headers.TryAddWithoutValidation("Link", $"<{next}>; rel=\"next\"");
        }

        return response;
    }
}
