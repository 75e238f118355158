using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>get_meeting_details: one meeting by id, current and host_email as query parameters, 404 for an unknown id.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class GetMeetingDetailsTests : CliTestBase
{
    [Test]
    public async Task GetMeetingDetails_KnownId_ReturnsTheMeetingUnchanged()
    {
        var meeting = Server.AddMeetings(3)[1];

        var result = await RunDocumentAsync(RunDocument("get_meeting_details", new JsonObject { ["meeting_id"] = Str(meeting["id"]) }));

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Successfully retrieved meeting details"));
            AssertJsonEqual(actionResult["data"]?[0], meeting, "data[0]");
            Assert.That(Server.Requests.Single().QueryString, Is.Empty);
        }
    }

    [Test]
    public async Task GetMeetingDetails_CurrentAndHostEmail_AreSentAsQueryParameters()
    {
        var meeting = Server.AddMeetings(1)[0];

        var result = await RunOperatorAsync("get-meeting-details", "--meeting-id", Str(meeting["id"])!, "--current", "--host-email", "erin.operator@example.com");

        AssertSucceeded(result);
        var call = Server.Requests.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.QueryValue("current"), Is.EqualTo("true"));
            Assert.That(call.QueryValue("hostEmail"), Is.EqualTo("erin.operator@example.com"));
        }
    }

    [Test]
    public async Task GetMeetingDetails_UnknownId_FailsWithWebexStatusAndTrackingId()
    {
        var result = await RunOperatorAsync("get-meeting-details", "--meeting-id", "0000");

        Assert.That(AssertActionFailed(result), Is.EqualTo(
            $"Error getting meeting details. Status code: 404. Details: The requested resource could not be found. Tracking ID: {Server.LastTrackingId}"));
    }
}
