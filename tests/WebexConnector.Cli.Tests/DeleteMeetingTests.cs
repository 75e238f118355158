using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>delete_meeting: 204 with one DELETE, host_email and send_email as query parameters, an unknown id is Webex's 404.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class DeleteMeetingTests : CliTestBase
{
    [Test]
    public async Task DeleteMeeting_KnownId_DeletesItWithOneDelete()
    {
        var meetings = Server.AddMeetings(2);

        var result = await RunOperatorAsync("delete-meeting", "--meeting-id", Str(meetings[1]["id"])!);

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Meeting deleted"));
            Assert.That(actionResult["data"], Is.InstanceOf<JsonArray>().And.Empty);
            Assert.That(Server.Requests, Has.Count.EqualTo(1), Server.DescribeRequests);
            Assert.That(Server.Requests[0].Method, Is.EqualTo("DELETE"));
            Assert.That(Server.StoredMeetings.Select(m => Str(m["id"])), Is.EqualTo(new[] { Str(meetings[0]["id"]) }));
        }
    }

    [Test]
    public async Task DeleteMeeting_RunDocumentWithoutEmails_SendsSendEmailFalse()
    {
        var meeting = Server.AddMeetings(1)[0];
        var parameters = new JsonObject { ["meeting_id"] = Str(meeting["id"]), ["send_email"] = "false", ["host_email"] = "erin.operator@example.com" };

        var result = await RunDocumentAsync(RunDocument("delete_meeting", parameters));

        AssertSucceeded(result);
        var call = Server.Requests.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(call.QueryValue("sendEmail"), Is.EqualTo("false"));
            Assert.That(call.QueryValue("hostEmail"), Is.EqualTo("erin.operator@example.com"));
            Assert.That(Server.DeletedMeetings.Select(m => Str(m["id"])), Is.EqualTo(new[] { Str(meeting["id"]) }));
            AssertJsonEqual(result.ActionResult()["parameter"], parameters, "the echoed parameters");
        }
    }

    [Test]
    public async Task DeleteMeeting_UnknownId_FailsWithoutTheUncertainNote()
    {
        var result = await RunOperatorAsync("delete-meeting", "--meeting-id", "0000");

        Assert.That(AssertActionFailed(result), Is.EqualTo(
            $"Error deleting meeting. Status code: 404. Details: The requested resource could not be found. Tracking ID: {Server.LastTrackingId}"));
    }
}
