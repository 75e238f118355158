using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>list_events: the compliance audit trail; filters, time window, pagination, the compliance scope.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ListEventsTests : CliTestBase
{
    private const string Actor = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9zdXNwZWN0";
    private static readonly string[] EventsQueryKeys = ["resource", "type", "actorId", "from", "to", "serviceType", "max"];
    private static readonly string[] CallingOnly = ["calling"];
    private static readonly DateTimeOffset Start = new(2024, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task ListEvents_1500Events_FollowsTheLinkAndReturnsEveryEventNewestFirst()
    {
        var events = Server.AddEvents(1500, firstCreated: Start);

        var result = await RunOperatorAsync("list-events");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", "/v1/events");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(2), Server.DescribeRequests);
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("max") : null, Is.EqualTo("1000"), "the first request asks for the largest page");
            Assert.That(calls.Count > 1 ? calls[1].QueryValue("cursor") : null, Is.Not.Null, "the second request is the Link header's next URL");
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(FakeWebexServer.InEventOrder(events).Select(e => Str(e["id"])).ToList()));
            Assert.That(actionResult["summary"]?["total_events"]?.GetValue<int>(), Is.EqualTo(1500));
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Total events: 1500"));
            Assert.That(calls.Select(c => c.Header("Authorization")), Has.All.EqualTo($"Bearer {Pat}"));
        }
    }

    [Test]
    public async Task ListEvents_LimitFive_ReturnsTheFiveNewestWithOneSmallRequest()
    {
        var events = Server.AddEvents(40, firstCreated: Start);

        var result = await RunOperatorAsync("list-events", "--limit", "5");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", "/v1/events");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(1), Server.DescribeRequests);
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("max") : null, Is.EqualTo("5"));
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(FakeWebexServer.InEventOrder(events).Take(5).Select(e => Str(e["id"])).ToList()));
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Total events: 5"));
        }
    }

    [Test]
    public async Task ListEvents_ResourceTypeAndActor_ArriveAsWebexQueryAndSelectTheActorsDeletions()
    {
        Server.AddEvents(5, "messages", "created", Actor, Start);
        var deletions = Server.AddEvents(3, "messages", "deleted", Actor, Start.AddHours(1));
        Server.AddEvents(2, "memberships", "deleted", Actor, Start.AddHours(2));
        Server.AddEvents(2, "messages", "deleted", firstCreated: Start.AddHours(3));

        var result = await RunOperatorAsync("list-events", "--resource", "Messages", "--type", "deleted", "--actor-id", Actor);

        AssertSucceeded(result);
        var calls = Server.RequestsTo("GET", "/v1/events");
        Assert.That(calls, Has.Count.EqualTo(1), Server.DescribeRequests);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls[0].QueryValue("resource"), Is.EqualTo("messages"), "sent in the spec's spelling");
            Assert.That(calls[0].QueryValue("type"), Is.EqualTo("deleted"));
            Assert.That(calls[0].QueryValue("actorId"), Is.EqualTo(Actor));
            Assert.That(calls[0].Query.Keys, Is.SubsetOf(EventsQueryKeys));
            Assert.That(Ids(result.ActionResult()["data"]), Is.EqualTo(FakeWebexServer.InEventOrder(deletions).Select(e => Str(e["id"])).ToList()));
        }
    }

    [Test]
    public async Task ListEvents_FromToWindowInRunDocument_SendsBothAsGivenAndReturnsTheWindow()
    {
        var events = Server.AddEvents(10, firstCreated: Start, interval: TimeSpan.FromMinutes(10));

        // 10:00+02:00 is 08:00Z; the window holds the events at 08:20, 08:30 and 08:40.
        var result = await RunDocumentAsync(RunDocument("list_events", new JsonObject
        {
            ["from"] = "2024-03-01T10:20:00+02:00",
            ["to"] = "2024-03-01T08:50:00Z",
        }));

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", "/v1/events");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("from") : null, Is.EqualTo("2024-03-01T10:20:00+02:00"));
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("to") : null, Is.EqualTo("2024-03-01T08:50:00Z"));
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(new[] { events[4], events[3], events[2] }.Select(e => Str(e["id"])).ToList()));
            Assert.That(Str(actionResult["parameter"]?["from"]), Is.EqualTo("2024-03-01T10:20:00+02:00"), "parameter echoed");
        }
    }

    [Test]
    public async Task ListEvents_EventJson_PassedThroughUnchanged()
    {
        var exact = new JsonObject
        {
            ["id"] = "Y2lzY29zcGFyazovL3VzL0VWRU5UL2JiY2ViMWFkLTQzZjEtM2I1OC05MTQ3LWYxNGJiMGM0ZDE1NAo",
            ["resource"] = "memberships",
            ["type"] = "deleted",
            ["appId"] = "null",
            ["actorId"] = Actor,
            ["orgId"] = "OTZhYmMyYWEtM2RjYy0xMWU1LWExNTItZmUzNDgxOWNkYzlh",
            ["created"] = "2024-03-01T07:00:00.000Z",
            ["data"] = new JsonObject
            {
                ["id"] = "Y2lzY29zcGFyazovL3VzL01FTUJFUlNISVAvMTIz",
                ["roomId"] = "Y2lzY29zcGFyazovL3VzL1JPT00vYmJj",
                ["personId"] = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS92aWN0aW0",
                ["personEmail"] = "victim@example.com",
                ["isModerator"] = false,
                ["futureField"] = new JsonObject { ["nothing"] = null, ["list"] = new JsonArray("ü", 1.5) },
            },
        };
        Server.AddEvent(exact);

        var result = await RunOperatorAsync("list-events", "--resource", "memberships");

        AssertSucceeded(result);
        var data = result.ActionResult()["data"] as JsonArray;
        Assert.That(data, Has.Count.EqualTo(1), result.Describe);
        AssertJsonEqual(data![0], exact, "the event");
    }

    [Test]
    public async Task ListEvents_ConvergedRecordings_SendsTheMandatoryServiceTypeAndSucceeds()
    {
        var recordings = Server.AddEvents(2, "convergedRecordings", "created", firstCreated: Start);

        var result = await RunOperatorAsync("list-events", "--resource", "convergedRecordings");

        AssertSucceeded(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Server.RequestsTo("GET", "/v1/events").Select(c => c.QueryValue("serviceType")), Is.EqualTo(CallingOnly));
            Assert.That(Ids(result.ActionResult()["data"]), Is.EquivalentTo(recordings.Select(e => Str(e["id"]))));
        }
    }

    [Test]
    public async Task ListEvents_NoEvents_SucceedsWithZeroTotal()
    {
        var result = await RunOperatorAsync("list-events", "--type", "ended");

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(actionResult["data"], Is.InstanceOf<JsonArray>().And.Empty);
            Assert.That(actionResult["summary"]?["total_events"]?.GetValue<int>(), Is.Zero);
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Total events: 0"));
        }
    }

    [Test]
    public async Task ListEvents_FromNotBeforeTo_FailsNamingBothWithoutRequest()
    {
        Server.AddEvents(3, firstCreated: Start);

        var result = await RunOperatorAsync("list-events", "--from", "2024-03-02T00:00:00Z", "--to", "2024-03-01T00:00:00Z");

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.Contain("'from'"));
            Assert.That(message, Does.Contain("'to'"));
            Assert.That(message, Does.Contain("before"));
        }

        AssertNoRequests();
    }

    [TestCase("from", "yesterday")]
    [TestCase("to", "2024-03-01")]
    [TestCase("from", "2024-03-01T08:00:00")]
    public async Task ListEvents_NotATimestamp_FailsNamingTheParameterWithoutRequest(string name, string value)
    {
        var result = await RunOperatorAsync("list-events", $"--{name}", value);

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain($"'{name}'").And.Contain("ISO 8601"));
        AssertNoRequests();
    }

    [TestCase("resource", "people")]
    [TestCase("type", "read")]
    [TestCase("limit", "-3")]
    public async Task ListEvents_InvalidParameterInRunDocument_FailsNamingItWithoutRequest(string name, string value)
    {
        var result = await RunDocumentAsync(RunDocument("list_events", new JsonObject { [name] = value }));

        var message = AssertActionFailed(result);
        Assert.That(message, Does.Contain($"'{name}'"));
        AssertNoRequests();
    }

    [Test]
    public async Task ListEvents_ToInTheFuture_FailsWithWebexsMessageAndTrackingId()
    {
        var future = DateTimeOffset.UtcNow.AddDays(2).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

        var result = await RunOperatorAsync("list-events", "--to", future);

        var message = AssertActionFailed(result);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(message, Does.StartWith("Error listing events. Status code: 400."));
            Assert.That(message, Does.Contain("future"));
            Assert.That(message, Does.Contain(Server.LastTrackingId!));
        }
    }
}
