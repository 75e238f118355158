using System.Net;
using System.Text.Json;
using RichardSzalay.MockHttp;
using WebexConnector.Webex;

namespace WebexConnector.Tests.Webex;

public class WebexPagerTests
{
    private const string FirstUrl = "https://webexapis.com/v1/rooms?max=1000";

    // Opaque cursors as Webex gives them: the next URL carries its own max and escaped characters.
    private const string SecondUrl = "https://webexapis.com/v1/rooms?max=1000&cursor=Y3Vyc29yPTI%3D";
    private const string ThirdUrl = "https://webexapis.com/v1/rooms?cursor=Y3Vyc29yPTM%3D&max=1000";

    [Test]
    public async Task ReadAll_ThreePagesWithAbsoluteLinks_FollowsEachLinkExactlyAndYieldsEveryItem()
    {
        using var http = new MockHttpMessageHandler();
        var requested = new List<string>();
        Exactly(http.Expect(FirstUrl), FirstUrl).Respond(request => Page(requested, request, Fixture.RoomsPage1, SecondUrl));
        Exactly(http.Expect(SecondUrl), SecondUrl).Respond(request => Page(requested, request, Fixture.RoomsPage2, ThirdUrl));
        Exactly(http.Expect(ThirdUrl), ThirdUrl).Respond(request => Page(requested, request, Fixture.RoomsPage3, next: null));
        using var client = http.ToHttpClient();

        var items = await ReadAllAsync(client, limit: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(requested, Is.EqualTo(new[] { FirstUrl, SecondUrl, ThirdUrl }));
            Assert.That(items.Select(Id), Is.EqualTo(
                Fixture.Items(Fixture.RoomsPage1).Concat(Fixture.Items(Fixture.RoomsPage2)).Concat(Fixture.Items(Fixture.RoomsPage3)).Select(Id)));
            Assert.That(() => http.VerifyNoOutstandingExpectation(), Throws.Nothing);
        }
    }

    [Test]
    public async Task ReadAll_LimitReachedInsideSecondPage_StopsWithoutRequestingThirdPage()
    {
        using var http = new MockHttpMessageHandler();
        var requested = new List<string>();
        var first = Exactly(http.When(FirstUrl), FirstUrl).Respond(request => Page(requested, request, Fixture.RoomsPage1, SecondUrl));
        var second = Exactly(http.When(SecondUrl), SecondUrl).Respond(request => Page(requested, request, Fixture.RoomsPage2, ThirdUrl));
        var third = Exactly(http.When(ThirdUrl), ThirdUrl).Respond(request => Page(requested, request, Fixture.RoomsPage3, next: null));
        using var client = http.ToHttpClient();

        var items = await ReadAllAsync(client, limit: 3);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(items, Has.Count.EqualTo(3));
            Assert.That(http.GetMatchCount(first), Is.EqualTo(1));
            Assert.That(http.GetMatchCount(second), Is.EqualTo(1));
            Assert.That(http.GetMatchCount(third), Is.Zero, "no page beyond the limit is requested");
        }
    }

    [Test]
    public async Task ReadAll_LimitEqualsFirstPage_DoesNotRequestSecondPage()
    {
        using var http = new MockHttpMessageHandler();
        var requested = new List<string>();
        Exactly(http.When(FirstUrl), FirstUrl).Respond(request => Page(requested, request, Fixture.RoomsPage1, SecondUrl));
        var second = Exactly(http.When(SecondUrl), SecondUrl).Respond(request => Page(requested, request, Fixture.RoomsPage2, next: null));
        using var client = http.ToHttpClient();

        var items = await ReadAllAsync(client, limit: 2);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(items, Has.Count.EqualTo(2));
            Assert.That(http.GetMatchCount(second), Is.Zero);
        }
    }

    [Test]
    public async Task ReadAll_NoLinkHeader_ReadsOnePage()
    {
        using var http = new MockHttpMessageHandler();
        var requested = new List<string>();
        Exactly(http.When(FirstUrl), FirstUrl).Respond(request => Page(requested, request, Fixture.RoomsPage3, next: null));
        using var client = http.ToHttpClient();

        var items = await ReadAllAsync(client, limit: null);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(items, Has.Count.EqualTo(1));
            Assert.That(requested, Has.Count.EqualTo(1));
        }
    }

    [TestCase("https://evil.example/v1/rooms?cursor=Y3Vyc29yPTI%3D", "evil.example", TestName = "ReadAll_NextLinkToAnotherHost_IsRefusedAndNotRequested")]
    [TestCase("http://webexapis.com/v1/rooms?cursor=Y3Vyc29yPTI%3D", "http://webexapis.com", TestName = "ReadAll_NextLinkDowngradingToHttp_IsRefusedAndNotRequested")]
    [TestCase("https://webexapis.com:8443/v1/rooms?cursor=Y3Vyc29yPTI%3D", "webexapis.com:8443", TestName = "ReadAll_NextLinkToAnotherPort_IsRefusedAndNotRequested")]
    public void ReadAll_NextLinkToAnotherOrigin_IsRefusedAndNotRequested(string foreignNext, string named)
    {
        using var http = new MockHttpMessageHandler();
        var requested = new List<string>();
        Exactly(http.When(FirstUrl), FirstUrl).Respond(request => Page(requested, request, Fixture.RoomsPage1, foreignNext));
        var foreign = Exactly(http.When(foreignNext), foreignNext).Respond("application/json", Fixture.Text(Fixture.RoomsPage2));
        using var client = http.ToHttpClient();

        Assert.That(() => ReadAllAsync(client, limit: null),
            Throws.TypeOf<WebexPaginationException>().With.Message.Contains(named).And.Message.Contains("not followed"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(http.GetMatchCount(foreign), Is.Zero, "the token must never travel to another origin");
            Assert.That(http.GetMatchCount(http.Fallback), Is.Zero);
        }
    }

    [Test]
    public void ReadAll_NextLinkRepeatsItself_StopsWithPaginationException()
    {
        using var http = new MockHttpMessageHandler();
        var requested = new List<string>();
        const string LoopUrl = "https://webexapis.com/v1/rooms?cursor=bG9vcA%3D%3D&max=1000";
        Exactly(http.When(FirstUrl), FirstUrl).Respond(request => Page(requested, request, Fixture.RoomsPage1, LoopUrl));
        var second = http.When(LoopUrl).Respond(request => Page(requested, request, Fixture.RoomsPage2, LoopUrl));
        using var client = http.ToHttpClient();

        Assert.That(() => ReadAllAsync(client, limit: null),
            Throws.TypeOf<WebexPaginationException>().With.Message.Contains("same next-page link"));
        Assert.That(http.GetMatchCount(second), Is.EqualTo(1), "a repeated link is requested once, not forever");
    }

    [Test]
    public void ReadAll_SecondPageFails_ThrowsWebexApiExceptionWithWebexDetails()
    {
        using var http = new MockHttpMessageHandler();
        var requested = new List<string>();
        Exactly(http.When(FirstUrl), FirstUrl).Respond(request => Page(requested, request, Fixture.RoomsPage1, SecondUrl));
        Exactly(http.When(SecondUrl), SecondUrl).Respond(HttpStatusCode.NotFound, "application/json", Fixture.Text(Fixture.Error404));
        using var client = http.ToHttpClient();

        Assert.That(() => ReadAllAsync(client, limit: null),
            Throws.TypeOf<WebexApiException>().With.Property(nameof(WebexApiException.TrackingId)).EqualTo("ROUTER_ABC"));
    }

    // MockHttp matches a query string partially (?max=1000 would also match ?max=1000&cursor=...): compare whole URLs.
    private static MockedRequest Exactly(MockedRequest mock, string url) => mock.With(request => request.RequestUri?.AbsoluteUri == url);

    private static async Task<List<JsonElement>> ReadAllAsync(HttpClient client, int? limit)
    {
        var items = new List<JsonElement>();
        var pages = WebexPager.ReadAllAsync(
            client, ct => client.GetAsync(new Uri(FirstUrl), HttpCompletionOption.ResponseHeadersRead, ct), limit, CancellationToken.None);
        await foreach (var item in pages)
        {
            items.Add(item);
            if (items.Count > 100)
            {
                Assert.Fail("The pager does not stop: more than 100 items from pages of at most 2.");
            }
        }

        return items;
    }

    private static HttpResponseMessage Page(List<string> requested, HttpRequestMessage request, string fixture, string? next)
    {
        requested.Add(request.RequestUri!.AbsoluteUri);
        var response = ConnectorHarness.JsonResponse(HttpStatusCode.OK, Fixture.Text(fixture));
        if (next is not null)
        {
            response.Headers.TryAddWithoutValidation("Link", $"<{next}>; rel=\"next\"");
        }

        return response;
    }

    private static string Id(JsonElement room) => room.GetProperty("id").GetString()!;
}
