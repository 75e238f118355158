using System.Net;
using System.Text.Json;
using RichardSzalay.MockHttp;
using WebexConnector.Results;

namespace WebexConnector.Tests.Actions;

public class ListRoomsActionTests
{
    private const string RoomsUrl = ConnectorHarness.BaseUrl + "/rooms";
    private const string SecondUrl = "https://webexapis.com/v1/rooms?cursor=Y3Vyc29yPTI%3D&max=1000";
    private const string ThirdUrl = "https://webexapis.com/v1/rooms?cursor=Y3Vyc29yPTM%3D&max=1000";

    [Test]
    public async Task Execute_NoParameters_AsksForLargestPageWithoutFilters()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, RoomsUrl).Respond(request => ConnectorHarness.Page(requests, request, Fixture.RoomsPage3));

        var result = await harness.RunOneAsync("list_rooms");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(requests, Has.Count.EqualTo(1));
            Assert.That(ConnectorHarness.Query(requests[0]), Is.EquivalentTo(new Dictionary<string, string?> { ["max"] = "1000" }));
        }
    }

    [Test]
    public async Task Execute_Filters_AreSentWithOpenApiQueryNames()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, RoomsUrl).Respond(request => ConnectorHarness.Page(requests, request, Fixture.RoomsPage3));

        var result = await harness.RunOneAsync("list_rooms", """{"type": "group", "sort_by": "lastactivity", "team_id": "Y2lzY29zcGFyazovL3VzL1RFQU0vMTIz"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests.Single()), Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["teamId"] = "Y2lzY29zcGFyazovL3VzL1RFQU0vMTIz",
                ["type"] = "group",
                ["sortBy"] = "lastactivity",
                ["max"] = "1000",
            }));
        }
    }

    [Test]
    public async Task Execute_EnumerationValuesInOtherCase_AreSentInWebexSpelling()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, RoomsUrl).Respond(request => ConnectorHarness.Page(requests, request, Fixture.RoomsPage3));

        await harness.RunOneAsync("list_rooms", """{"type": "DIRECT", "sort_by": "LastActivity"}""");

        var query = ConnectorHarness.Query(requests.Single());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(query["type"], Is.EqualTo("direct"));
            Assert.That(query["sortBy"], Is.EqualTo("lastactivity"));
        }
    }

    [Test]
    public async Task Execute_ThreePages_FollowsLinksWithTokenAndCountsEveryRoom()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        var first = harness.When(HttpMethod.Get, RoomsUrl).With(r => r.RequestUri!.Query == "?max=1000")
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, Fixture.RoomsPage1, SecondUrl));
        var second = harness.When(HttpMethod.Get, RoomsUrl).With(r => r.RequestUri!.AbsoluteUri == SecondUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, Fixture.RoomsPage2, ThirdUrl));
        var third = harness.When(HttpMethod.Get, RoomsUrl).With(r => r.RequestUri!.AbsoluteUri == ThirdUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, Fixture.RoomsPage3));

        var result = await harness.RunOneAsync("list_rooms");

        var expectedIds = new[] { Fixture.RoomsPage1, Fixture.RoomsPage2, Fixture.RoomsPage3 }.SelectMany(Fixture.Items).Select(Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Total rooms: 5"));
            Assert.That(result.Summary["total_rooms"]?.GetValue<int>(), Is.EqualTo(5));
            Assert.That(result.Data.Select(Id), Is.EqualTo(expectedIds));
            Assert.That(new[] { first, second, third }.Select(harness.Http.GetMatchCount), Has.All.EqualTo(1));
            Assert.That(harness.RequestCount, Is.EqualTo(3));
        }
    }

    [Test]
    public async Task Execute_LimitInsideSecondPage_StopsEarlyAndRequestsNoFurtherPage()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        var limitedSecond = "https://webexapis.com/v1/rooms?cursor=Y3Vyc29yPTI%3D&max=3";
        var limitedThird = "https://webexapis.com/v1/rooms?cursor=Y3Vyc29yPTM%3D&max=3";
        harness.When(HttpMethod.Get, RoomsUrl).With(r => r.RequestUri!.Query == "?max=3")
            .Respond(request => ConnectorHarness.Page(requests, request, Fixture.RoomsPage1, limitedSecond));
        harness.When(HttpMethod.Get, RoomsUrl).With(r => r.RequestUri!.AbsoluteUri == limitedSecond)
            .Respond(request => ConnectorHarness.Page(requests, request, Fixture.RoomsPage2, limitedThird));
        var third = harness.When(HttpMethod.Get, RoomsUrl).With(r => r.RequestUri!.AbsoluteUri == limitedThird)
            .Respond(request => ConnectorHarness.Page(requests, request, Fixture.RoomsPage3));

        var result = await harness.RunOneAsync("list_rooms", """{"limit": 3}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Total rooms: 3"));
            Assert.That(result.Summary["total_rooms"]?.GetValue<int>(), Is.EqualTo(3));
            Assert.That(result.Data, Has.Count.EqualTo(3));
            Assert.That(harness.Http.GetMatchCount(third), Is.Zero, "the third page is beyond the limit");
            Assert.That(harness.RequestCount, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Execute_NextLinkToAnotherHost_FailsWithoutSendingTheTokenThere()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, RoomsUrl).Respond(request => ConnectorHarness.Page(requests, request, Fixture.RoomsPage1, "https://evil.example/v1/rooms?cursor=abc"));
        var foreign = harness.When(HttpMethod.Get, "https://evil.example/v1/rooms").Respond("application/json", Fixture.Text(Fixture.RoomsPage2));

        var result = await harness.RunOneAsync("list_rooms");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith("Error listing rooms.").And.Contain("evil.example"));
            Assert.That(harness.Http.GetMatchCount(foreign), Is.Zero);
            Assert.That(requests, Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task Execute_RoomsWithUnknownFields_PassesThemThroughUnchanged()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, RoomsUrl).Respond(request => ConnectorHarness.Page(requests, request, Fixture.RoomsPage1));

        var result = await harness.RunOneAsync("list_rooms");

        var expected = Fixture.Items(Fixture.RoomsPage1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Data, Has.Count.EqualTo(2));
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(expected.Select(e => e.GetRawText())),
                "every field, unknown ones included (someFutureField, madePublic), with its raw JSON text");
            Assert.That(result.Data[1].GetProperty("someFutureField").GetProperty("nested")[3].GetRawText(), Is.EqualTo("12345678901234567890123"));
        }
    }

    [Test]
    public async Task Execute_RoomsWithUnknownFields_OutputDocumentKeepsEveryField()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, RoomsUrl).Respond(request => ConnectorHarness.Page(requests, request, Fixture.RoomsPage1));

        var output = TestJson.Parse(ConnectorRunResultJson.Write(await harness.RunAsync("list_rooms")));

        var written = output.GetProperty("result_data")[0].GetProperty("data");
        var expected = Fixture.Items(Fixture.RoomsPage1);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestJson.DeepEquals(written[0], expected[0]), Is.True, written[0].GetRawText());
            Assert.That(TestJson.DeepEquals(written[1], expected[1]), Is.True, written[1].GetRawText());
            Assert.That(written[1].GetProperty("someFutureField").GetProperty("nested")[1].GetRawText(), Is.EqualTo("2.50"));
        }
    }

    [TestCase("""{"limit": 0}""", "limit", TestName = "Execute_LimitZero_FailsWithoutRequest")]
    [TestCase("""{"limit": "-4"}""", "limit", TestName = "Execute_NegativeLimit_FailsWithoutRequest")]
    [TestCase("""{"limit": "many"}""", "limit", TestName = "Execute_LimitNotANumber_FailsWithoutRequest")]
    [TestCase("""{"type": "public"}""", "type", TestName = "Execute_UnknownRoomType_FailsWithoutRequest")]
    [TestCase("""{"sort_by": "title"}""", "sort_by", TestName = "Execute_UnknownSortOrder_FailsWithoutRequest")]
    public async Task Execute_InvalidParameter_FailsNamingItWithoutRequest(string parameters, string name)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("list_rooms", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain($"'{name}'"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [Test]
    public async Task Execute_RateLimitedForever_GivesUpWhenWaitBudgetIsSpent()
    {
        // Retry-After 100 s: each wait is capped at 60 s, and one action waits 120 s at most: two retries.
        using var harness = new ConnectorHarness(timeScale: 50);
        var limited = harness.When(HttpMethod.Get, RoomsUrl).Respond(_ => ConnectorHarness.JsonResponse(
            HttpStatusCode.TooManyRequests, """{"message":"Too Many Requests","trackingId":"ROUTER_429"}""", ("Retry-After", "100")));

        var result = await harness.RunOneAsync("list_rooms");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith("Error listing rooms. Status code: 429. Details: Too Many Requests. Tracking ID: ROUTER_429"));
            Assert.That(harness.Http.GetMatchCount(limited), Is.EqualTo(3));
        }
    }

    [Test]
    public async Task Execute_ProxyKeepsAnsweringBadGateway_FailsWithStatusAndSanitisedExcerpt()
    {
        using var harness = new ConnectorHarness(timeScale: 50);
        harness.When(HttpMethod.Get, RoomsUrl).Respond(HttpStatusCode.BadGateway, "text/html",
            "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n</body>\n</html>\n");

        var result = await harness.RunOneAsync("list_rooms");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith("Error listing rooms. Status code: 502. Details: "));
            Assert.That(result.Message, Does.Contain("502 Bad Gateway"));
            Assert.That(result.Message.Any(char.IsControl), Is.False, result.Message);
        }
    }

    private static string Id(JsonElement room) => room.GetProperty("id").GetString()!;
}
