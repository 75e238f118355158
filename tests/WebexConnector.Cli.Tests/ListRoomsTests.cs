using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace WebexConnector.Cli.Tests;

/// <summary>list_rooms: pagination, limit, filters, pass-through, parameter validation.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ListRoomsTests : CliTestBase
{
    private static readonly string[] FilterAndMaxKeys = ["type", "sortBy", "teamId", "max"];
    private static readonly string[] MaxKeyOnly = ["max"];

    [Test]
    public async Task ListRooms_ThreePagesOfRooms_ReturnsEveryRoomInOrder()
    {
        var rooms = Server.AddRooms(2500);

        var result = await RunOperatorAsync("list-rooms");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", "/v1/rooms");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(3), Server.DescribeRequests);
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("max") : null, Is.EqualTo("1000"), "the first request asks for the largest page");
            Assert.That(calls.Skip(1).Select(c => c.QueryValue("cursor")), Has.All.Not.Null, "later requests follow the Link header's next URL");
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(rooms.Select(r => Str(r["id"])).ToList()), "every room, in order");
            Assert.That(actionResult["summary"]?["total_rooms"]?.GetValue<int>(), Is.EqualTo(2500));
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Total rooms: 2500"));
            Assert.That(calls.Select(c => c.Header("Authorization")), Has.All.EqualTo($"Bearer {Pat}"));
        }
    }

    [Test]
    public async Task ListRooms_LimitFive_ReturnsFiveRoomsWithOneRequest()
    {
        var rooms = Server.AddRooms(2500);

        var result = await RunOperatorAsync("list-rooms", "--limit", "5");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", "/v1/rooms");
        Assert.That(calls, Has.Count.EqualTo(1), Server.DescribeRequests);
        using (Assert.EnterMultipleScope())
        {
            var max = int.Parse(calls[0].QueryValue("max") ?? "100", CultureInfo.InvariantCulture);
            Assert.That(max, Is.InRange(5, 1000), "max of the single request");
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(rooms.Take(5).Select(r => Str(r["id"])).ToList()));
            Assert.That(actionResult["summary"]?["total_rooms"]?.GetValue<int>(), Is.EqualTo(5));
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Total rooms: 5"));
        }
    }

    [Test]
    public async Task ListRooms_LimitReachedOnSecondPage_StopsAtTheLimit()
    {
        var rooms = Server.AddRooms(2500);

        var result = await RunOperatorAsync("list-rooms", "--limit", "1500");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("GET", "/v1/rooms"), Has.Count.EqualTo(2), Server.DescribeRequests);
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(rooms.Take(1500).Select(r => Str(r["id"])).ToList()));
            Assert.That(actionResult["summary"]?["total_rooms"]?.GetValue<int>(), Is.EqualTo(1500));
        }
    }

    [Test]
    public async Task ListRooms_ServerChoosesSmallerPages_FollowsNextLinksUntilDone()
    {
        Server.RoomsPageSizeCap = 400;
        var rooms = Server.AddRooms(2500);

        var result = await RunOperatorAsync("list-rooms");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("GET", "/v1/rooms"), Has.Count.EqualTo(7), Server.DescribeRequests);
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(rooms.Select(r => Str(r["id"])).ToList()));
            Assert.That(actionResult["summary"]?["total_rooms"]?.GetValue<int>(), Is.EqualTo(2500));
        }
    }

    [Test]
    public async Task ListRooms_LinkHeaderWithSeveralLinksAndLooseSpacing_FollowsTheNextLink()
    {
        Server.RoomsLinkHeader = next => $"<{Server.BaseUrl}/rooms?max=1000>; rel=\"first\" ,  <{next}>;rel=next";
        var rooms = Server.AddRooms(1200);

        var result = await RunOperatorAsync("list-rooms");

        AssertSucceeded(result);
        var calls = Server.RequestsTo("GET", "/v1/rooms");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(2), Server.DescribeRequests);
            Assert.That(calls.Count > 1 ? calls[1].QueryValue("cursor") : null, Is.Not.Null, "the second request is the rel=next URL");
            Assert.That(Ids(result.ActionResult()["data"]), Is.EqualTo(rooms.Select(r => Str(r["id"])).ToList()));
        }
    }

    [Test]
    public async Task ListRooms_NoRooms_SucceedsWithEmptyDataAndZeroTotal()
    {
        var result = await RunOperatorAsync("list-rooms");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actionResult["data"], Is.InstanceOf<JsonArray>().And.Empty);
            Assert.That(actionResult["summary"]?["total_rooms"]?.GetValue<int>(), Is.Zero);
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Total rooms: 0"));
        }
    }

    [Test]
    public async Task ListRooms_TypeSortByAndTeamId_ArriveAsWebexQueryParameters()
    {
        Server.AddRooms(3);

        var result = await RunOperatorAsync("list-rooms", "--type", "group", "--sort-by", "lastactivity", "--team-id", "T");

        AssertSucceeded(result);
        var calls = Server.RequestsTo("GET", "/v1/rooms");
        Assert.That(calls, Has.Count.EqualTo(1), Server.DescribeRequests);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls[0].QueryValue("type"), Is.EqualTo("group"));
            Assert.That(calls[0].QueryValue("sortBy"), Is.EqualTo("lastactivity"));
            Assert.That(calls[0].QueryValue("teamId"), Is.EqualTo("T"));
            Assert.That(calls[0].Query.Keys, Is.SubsetOf(FilterAndMaxKeys), "no other query parameters");
        }
    }

    [Test]
    public async Task ListRooms_NoFilters_SendsNoFilterParameters()
    {
        Server.AddRooms(3);

        var result = await RunOperatorAsync("list-rooms");

        AssertSucceeded(result);
        var calls = Server.RequestsTo("GET", "/v1/rooms");
        Assert.That(calls, Has.Count.EqualTo(1), Server.DescribeRequests);
        Assert.That(calls[0].Query.Keys, Is.SubsetOf(MaxKeyOnly));
    }

    [Test]
    public async Task ListRooms_UnknownRoomFields_PassedThroughUnchanged()
    {
        var room = new JsonObject
        {
            ["id"] = "Y2lzY29zcGFyazovL3VzL1JPT00vcGFzcy10aHJvdWdo",
            ["title"] = "Pass-through \"quoted\" ünïcødé ✓",
            ["type"] = "group",
            ["isLocked"] = true,
            ["teamId"] = "Y2lzY29zcGFyazovL3VzL1RFQU0vdGVhbS0x",
            ["lastActivity"] = "2024-05-01T12:00:00.123Z",
            ["creatorId"] = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9jcmVhdG9y",
            ["created"] = "2023-02-03T04:05:06.789Z",
            ["ownerId"] = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9vcmc",
            ["isPublic"] = false,
            ["isReadOnly"] = true,
            ["classificationId"] = "Y2lzY29zcGFyazovL3VzL0NMQVNTSUZJQ0FUSU9OL2M",
            ["isAnnouncementOnly"] = false,
            ["futureField"] = new JsonObject { ["nested"] = new JsonArray(1, 2), ["empty"] = new JsonObject(), ["nothing"] = null },
            ["futureNumber"] = 12345678901234L,
            ["futureList"] = new JsonArray("a", true, 1.5),
        };
        Server.AddRoom(room);
        var generated = Server.AddRooms(1)[0];

        var result = await RunOperatorAsync("list-rooms");

        AssertSucceeded(result);
        var data = result.ActionResult()["data"] as JsonArray;
        Assert.That(data, Has.Count.EqualTo(2));
        AssertJsonEqual(data![0], room, "the first room");
        AssertJsonEqual(data[1], generated, "the second room");
    }

    [TestCase("0")]
    [TestCase("-1")]
    [TestCase("abc")]
    [TestCase("2.5")]
    public async Task ListRooms_InvalidLimit_FailsNamingLimitWithoutRequest(string limit)
    {
        Server.AddRooms(3);

        var result = await RunOperatorAsync("list-rooms", "--limit", limit);

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("limit"));
        AssertNoRequests();
    }

    private static IEnumerable<TestCaseData> InvalidLimitValues()
    {
        yield return new TestCaseData("0").SetArgDisplayNames("0");
        yield return new TestCaseData("-1").SetArgDisplayNames("-1");
        yield return new TestCaseData("\"abc\"").SetArgDisplayNames("\"abc\"");
        yield return new TestCaseData("\"0\"").SetArgDisplayNames("\"0\"");
        yield return new TestCaseData("true").SetArgDisplayNames("true");
    }

    [TestCaseSource(nameof(InvalidLimitValues))]
    public async Task ListRooms_InvalidLimitInRunDocument_FailsNamingLimitWithoutRequest(string limitJson)
    {
        Server.AddRooms(3);
        var doc = RunDocument("list_rooms", new JsonObject { ["limit"] = JsonNode.Parse(limitJson) });

        var result = await RunDocumentAsync(doc);

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("limit"));
        AssertNoRequests();
    }

    [Test]
    public async Task ListRooms_BogusType_FailsNamingTypeWithoutRequest()
    {
        var result = await RunOperatorAsync("list-rooms", "--type", "bogus");

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("type"));
        AssertNoRequests();
    }

    [Test]
    public async Task ListRooms_BogusTypeInRunDocument_FailsNamingTypeWithoutRequest()
    {
        var result = await RunDocumentAsync(RunDocument("list_rooms", new JsonObject { ["type"] = "bogus" }));

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain("type"));
        AssertNoRequests();
    }

    [Test]
    public async Task ListRooms_BogusSortBy_FailsNamingSortByWithoutRequest()
    {
        var result = await RunOperatorAsync("list-rooms", "--sort-by", "newest");

        var message = AssertActionFailed(result);
        Assert.That(message, NamesParameter("sort_by"));
        AssertNoRequests();
    }

    [Test]
    public async Task ListRooms_OutputText_PrintsTitlesAndTotalNotJson()
    {
        var rooms = Server.AddRooms(3);

        var result = await RunOperatorAsync("list-rooms", "--output", "text");

        AssertExitCode(result, 0);
        Assert.That(() => JsonDocument.Parse(result.Stdout).Dispose(), Throws.InstanceOf<JsonException>(), "stdout is not JSON");
        using (Assert.EnterMultipleScope())
        {
            foreach (var room in rooms)
            {
                Assert.That(result.Stdout, Does.Contain(Str(room["title"])!));
            }

            Assert.That(result.Stdout, Does.Contain("Total rooms:"));
            Assert.That(Regex.IsMatch(result.Stdout, @"Total rooms:\s*3\b"), Is.True, "Total rooms: 3");
        }
    }

    [Test]
    public async Task ListRooms_OAuthAssetWithoutStoredTokens_FailsAskingToRunTestConnectivity()
    {
        Server.AddRooms(3);

        var result = await Cli.RunAsync("list-rooms", "--asset", WriteAsset(OAuthConfig()));

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Regex.IsMatch(message, "test[ _-]connectivity", RegexOptions.IgnoreCase), Is.True, () => $"message tells the operator to run test connectivity: {message}");
            Assert.That(result.Stderr, Does.Not.Contain("Open this URL in a browser"), "only test connectivity waits for a browser");
        }

        AssertNoRequests();
    }
}
