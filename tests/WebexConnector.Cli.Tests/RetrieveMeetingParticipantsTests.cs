using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>retrieve_meeting_participants: Link paging in pages of at most 100, limit, filters in Webex's query names.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class RetrieveMeetingParticipantsTests : CliTestBase
{
    private const string MeetingId = "3a688f62840346e8b87dde2b50703511_I_197977258267247872";
    private static readonly string[] FilterQueryKeys = ["meetingId", "breakoutSessionId", "hostEmail", "joinTimeFrom", "joinTimeTo", "max"];

    [Test]
    public async Task RetrieveMeetingParticipants_250Participants_FollowsTheLinksInPagesOf100AndReturnsEveryone()
    {
        var participants = Server.AddParticipants(MeetingId, 250);
        Server.AddParticipants("another_I_1", 3);

        var result = await RunOperatorAsync("retrieve-meeting-participants", "--meeting-id", MeetingId);

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", "/v1/meetingParticipants");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(3), Server.DescribeRequests);
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("max") : null, Is.EqualTo("100"), "Webex's largest page here");
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("meetingId") : null, Is.EqualTo(MeetingId));
            Assert.That(calls.Skip(1).Select(c => c.QueryValue("cursor")), Has.All.Not.Null, "later pages are the Link header's next URLs");
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(participants.Select(p => Str(p["id"])).ToList()));
            AssertJsonEqual(actionResult["data"]?[0], participants[0], "data[0], with the field the connector does not know");
            Assert.That(actionResult["summary"]?["total_participants"]?.GetValue<int>(), Is.EqualTo(250));
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Total participants: 250"));
        }
    }

    [TestCase("5", 1, 5, "5")]
    [TestCase("150", 2, 150, "100")]
    public async Task RetrieveMeetingParticipants_Limit_StopsThereWithTheFewestRequests(string limit, int requests, int returned, string firstMax)
    {
        var participants = Server.AddParticipants(MeetingId, 220);

        var result = await RunOperatorAsync("retrieve-meeting-participants", "--meeting-id", MeetingId, "--limit", limit);

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var calls = Server.RequestsTo("GET", "/v1/meetingParticipants");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Has.Count.EqualTo(requests), Server.DescribeRequests);
            Assert.That(calls.Count > 0 ? calls[0].QueryValue("max") : null, Is.EqualTo(firstMax));
            Assert.That(Ids(actionResult["data"]), Is.EqualTo(participants.Take(returned).Select(p => Str(p["id"])).ToList()));
            Assert.That(actionResult["summary"]?["total_participants"]?.GetValue<int>(), Is.EqualTo(returned));
        }
    }

    [Test]
    public async Task RetrieveMeetingParticipants_RunDocumentWithFilters_ArriveAsWebexQueryAndSelect()
    {
        var start = new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero);
        var participants = Server.AddParticipants(MeetingId, 10, start, breakoutSessionId: "breakout-1");
        var entry = new JsonObject
        {
            ["meeting_id"] = MeetingId,
            ["breakout_session_id"] = "breakout-1",
            ["host_email"] = "erin.operator@example.com",
            ["join_time_from"] = "2026-02-02T09:03:00Z",
            ["join_time_to"] = "2026-02-02T09:06:00Z",
            ["limit"] = "10",
        };

        var result = await RunDocumentAsync(RunDocument("retrieve_meeting_participants", entry));

        AssertSucceeded(result);
        var call = Server.RequestsTo("GET", "/v1/meetingParticipants").Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.Query.Keys, Is.EquivalentTo(FilterQueryKeys));
            Assert.That(call.QueryValue("joinTimeFrom"), Is.EqualTo("2026-02-02T09:03:00Z"));
            Assert.That(Ids(result.ActionResult()["data"]), Is.EqualTo(participants.Skip(3).Take(3).Select(p => Str(p["id"])).ToList()));
        }
    }
}
