using System.Net;
using RichardSzalay.MockHttp;
using WebexConnector.Actions;
using WebexConnector.Results;

namespace WebexConnector.Tests.Actions;

public class ListEventsActionTests
{
    private const string EventsUrl = ConnectorHarness.BaseUrl + "/events";
    private const string SecondUrl = "https://webexapis.com/v1/events?cursor=ZXZlbnRzPTI%3D&max=1000";
    private const string PageOne = "events/events-page-1.json";
    private const string PageTwo = "events/events-page-2.json";
    private const string Empty = "events/events-empty.json";
    private const string ActorId = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS80MDNlZmUwNy02Yzc3LTQyY2UtOWI4NC1lZjhjYzY1ZDA4NDI";

    // The spec's enumerations for GET /events (parameters resource and type).
    private static readonly string[] SpecResources =
    [
        "attachmentActions", "businessTexts", "call_records", "convergedRecordings", "file_transcodings", "files",
        "meetingMessages", "meetings", "meetingTranscripts", "memberships", "messages", "rooms", "tabs",
    ];

    private static readonly string[] SpecTypes = ["created", "updated", "deleted", "ended"];

    private static readonly string[] ComplianceScope = ["spark-compliance:events_read"];

    [Test]
    public void Definition_ResourceAndType_AreTheSpecEnumerationsAndScopeIsCompliance()
    {
        var definition = ListEventsAction.Definition;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(definition.Parameters.Single(p => p.Name == "resource").AllowedValues, Is.EqualTo(SpecResources));
            Assert.That(definition.Parameters.Single(p => p.Name == "type").AllowedValues, Is.EqualTo(SpecTypes));
            Assert.That(definition.Parameters.Where(p => p.Name is "from" or "to").Select(p => p.Format), Has.All.EqualTo(ParameterFormat.Timestamp));
            Assert.That(definition.RequiredScopes, Is.EqualTo(ComplianceScope));
            Assert.That(definition.Type, Is.EqualTo(ActionType.Investigate));
            Assert.That(definition.ReadOnly, Is.True);
        }
    }

    [Test]
    public async Task Execute_NoParameters_AsksForLargestPageWithoutFilters()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, EventsUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, PageTwo));

        var result = await harness.RunOneAsync("list_events");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests.Single()), Is.EquivalentTo(new Dictionary<string, string?> { ["max"] = "1000" }));
        }
    }

    [Test]
    public async Task Execute_EveryFilter_IsSentWithOpenApiQueryNames()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, EventsUrl).Respond(request => ConnectorHarness.Page(requests, request, PageTwo));

        var result = await harness.RunOneAsync("list_events", $$"""
            {"resource": "messages", "type": "deleted", "actor_id": "{{ActorId}}",
             "from": "2018-01-01T00:00:00.000Z", "to": "2018-01-02T00:00:00.000Z", "limit": 20}
            """);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(ConnectorHarness.Query(requests.Single()), Is.EquivalentTo(new Dictionary<string, string?>
            {
                ["resource"] = "messages",
                ["type"] = "deleted",
                ["actorId"] = ActorId,
                ["from"] = "2018-01-01T00:00:00.000Z",
                ["to"] = "2018-01-02T00:00:00.000Z",
                ["max"] = "20",
            }));
        }
    }

    [TestCase("MESSAGES", "Deleted", "messages", "deleted")]
    [TestCase("Call_Records", "ENDED", "call_records", "ended")]
    [TestCase("meetingtranscripts", "created", "meetingTranscripts", "created")]
    public async Task Execute_EnumerationValuesInOtherCase_AreSentInWebexSpelling(string resource, string type, string sentResource, string sentType)
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, EventsUrl).Respond(request => ConnectorHarness.Page(requests, request, PageTwo));

        await harness.RunOneAsync("list_events", $$"""{"resource": "{{resource}}", "type": "{{type}}"}""");

        var query = ConnectorHarness.Query(requests.Single());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(query["resource"], Is.EqualTo(sentResource));
            Assert.That(query["type"], Is.EqualTo(sentType));
        }
    }

    [Test]
    public async Task Execute_ConvergedRecordings_AlsoSendsTheMandatoryServiceTypeCalling()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, EventsUrl).Respond(request => ConnectorHarness.Page(requests, request, Empty));

        await harness.RunOneAsync("list_events", """{"resource": "convergedrecordings"}""");

        Assert.That(ConnectorHarness.Query(requests.Single()), Is.EquivalentTo(new Dictionary<string, string?>
        {
            ["resource"] = "convergedRecordings",
            ["serviceType"] = "calling",
            ["max"] = "1000",
        }));
    }

    [Test]
    public async Task Execute_TimestampWithPositiveOffset_IsPercentEncodedSoWebexDoesNotReadASpace()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, EventsUrl).Respond(request => ConnectorHarness.Page(requests, request, Empty));

        await harness.RunOneAsync("list_events", """{"from": "2026-01-31T08:00:00+02:00"}""");

        var query = requests.Single().Query;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(query, Does.Not.Contain("+"), query);
            Assert.That(ConnectorHarness.Query(requests.Single())["from"], Is.EqualTo("2026-01-31T08:00:00+02:00"));
        }
    }

    [TestCase("2024-03-01T10:00:00Z", "2024-03-01T10:00:00Z", TestName = "Execute_FromEqualsTo_FailsNamingBothWithoutRequest")]
    [TestCase("2024-03-02T00:00:00Z", "2024-03-01T00:00:00Z", TestName = "Execute_FromAfterTo_FailsNamingBothWithoutRequest")]
    [TestCase("2024-03-01T10:00:00+02:00", "2024-03-01T08:00:00Z", TestName = "Execute_FromSameInstantInAnotherOffset_FailsNamingBothWithoutRequest")]
    [TestCase("2024-03-01T08:30:00Z", "2024-03-01T10:00:00+02:00", TestName = "Execute_FromLaterThanToInAnotherOffset_FailsNamingBothWithoutRequest")]
    public async Task Execute_FromNotBeforeTo_FailsNamingBothWithoutRequest(string from, string to)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("list_events", $$"""{"from": "{{from}}", "to": "{{to}}"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Is.EqualTo($"Parameter 'from' ({from}) must be before parameter 'to' ({to})."));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [Test]
    public async Task Execute_FromBeforeToOnlyWhenOffsetsAreApplied_IsSent()
    {
        // 09:00+02:00 is 07:00Z, before 08:00Z, although its clock reading is later.
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, EventsUrl).Respond(request => ConnectorHarness.Page(requests, request, Empty));

        var result = await harness.RunOneAsync("list_events", """{"from": "2024-03-01T09:00:00+02:00", "to": "2024-03-01T08:00:00Z"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(requests, Has.Count.EqualTo(1));
        }
    }

    [TestCase("""{"from": "yesterday"}""", "from", TestName = "Execute_FromNotATimestamp_FailsWithoutRequest")]
    [TestCase("""{"to": "2024-03-01"}""", "to", TestName = "Execute_ToWithoutTime_FailsWithoutRequest")]
    [TestCase("""{"from": "2024-03-01T08:00:00"}""", "from", TestName = "Execute_FromWithoutOffset_FailsWithoutRequest")]
    [TestCase("""{"to": "2024-13-01T08:00:00Z"}""", "to", TestName = "Execute_ToWithImpossibleMonth_FailsWithoutRequest")]
    [TestCase("""{"resource": "people"}""", "resource", TestName = "Execute_UnknownResource_FailsWithoutRequest")]
    [TestCase("""{"type": "read"}""", "type", TestName = "Execute_UnknownType_FailsWithoutRequest")]
    [TestCase("""{"limit": 0}""", "limit", TestName = "Execute_LimitZero_FailsWithoutRequest")]
    [TestCase("""{"actor_id": ["a", "b"]}""", "actor_id", TestName = "Execute_ActorIdAsList_FailsWithoutRequest")]
    public async Task Execute_InvalidParameter_FailsNamingItWithoutRequest(string parameters, string name)
    {
        using var harness = new ConnectorHarness();

        var result = await harness.RunOneAsync("list_events", parameters);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.Contain($"'{name}'"));
            Assert.That(harness.RequestCount, Is.Zero);
        }
    }

    [Test]
    public async Task Execute_TwoPages_FollowsLinkAndReturnsEveryEventUnchanged()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        var first = harness.When(HttpMethod.Get, EventsUrl).With(r => r.RequestUri!.Query == "?max=1000")
            .Respond(request => ConnectorHarness.Page(requests, request, PageOne, SecondUrl));
        var second = harness.When(HttpMethod.Get, EventsUrl).With(r => r.RequestUri!.AbsoluteUri == SecondUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => ConnectorHarness.Page(requests, request, PageTwo));

        var result = await harness.RunOneAsync("list_events");

        var expected = Fixture.Items(PageOne).Concat(Fixture.Items(PageTwo)).Select(e => e.GetRawText());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Total events: 3"));
            Assert.That(result.Summary["total_events"]?.GetValue<int>(), Is.EqualTo(3));
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(expected), "every field, unknown ones included, as Webex wrote it");
            Assert.That(result.Data[1].GetProperty("futureEventField").GetProperty("nested")[1].GetRawText(), Is.EqualTo("2.50"));
            Assert.That(new[] { first, second }.Select(harness.Http.GetMatchCount), Has.All.EqualTo(1));
            Assert.That(harness.RequestCount, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task Execute_Events_OutputDocumentKeepsNestedDataFields()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, EventsUrl).Respond(request => ConnectorHarness.Page(requests, request, PageOne));

        var output = TestJson.Parse(ConnectorRunResultJson.Write(await harness.RunAsync("list_events")));

        var written = output.GetProperty("result_data")[0].GetProperty("data");
        var expected = Fixture.Items(PageOne);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TestJson.DeepEquals(written[0], expected[0]), Is.True, written[0].GetRawText());
            Assert.That(TestJson.DeepEquals(written[1], expected[1]), Is.True, written[1].GetRawText());
            Assert.That(written[0].GetProperty("data").GetProperty("personEmail").GetString(), Is.EqualTo("matt@example.com"));
        }
    }

    [Test]
    public async Task Execute_LimitReachedOnFirstPage_DoesNotFollowTheLink()
    {
        using var harness = new ConnectorHarness();
        var requests = new List<Uri>();
        harness.When(HttpMethod.Get, EventsUrl).With(r => r.RequestUri!.Query == "?max=1")
            .Respond(request => ConnectorHarness.Page(requests, request, PageTwo, SecondUrl));
        var second = harness.When(HttpMethod.Get, EventsUrl).With(r => r.RequestUri!.AbsoluteUri == SecondUrl)
            .Respond(request => ConnectorHarness.Page(requests, request, PageOne));

        var result = await harness.RunOneAsync("list_events", """{"limit": 1}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Total events: 1"));
            Assert.That(harness.Http.GetMatchCount(second), Is.Zero);
        }
    }

    [Test]
    public async Task Execute_GatewayTimeoutOnce_IsRetriedBecauseListingChangesNothing()
    {
        using var harness = new ConnectorHarness(timeScale: 50);
        var failed = harness.Expect(HttpMethod.Get, EventsUrl).Respond(HttpStatusCode.GatewayTimeout, "text/html", "<html>slow</html>");
        var ok = harness.Expect(HttpMethod.Get, EventsUrl).Respond("application/json", Fixture.Text(PageTwo));

        var result = await harness.RunOneAsync("list_events");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(harness.Http.GetMatchCount(failed), Is.EqualTo(1));
            Assert.That(harness.Http.GetMatchCount(ok), Is.EqualTo(1));
        }
    }
}
