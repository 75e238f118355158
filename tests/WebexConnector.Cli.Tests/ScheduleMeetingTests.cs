using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests;

/// <summary>schedule_meeting: the 3.x parameter names become the spec's body, rules checked before sending, the password never printed.</summary>
[Parallelizable(ParallelScope.All)]
public sealed class ScheduleMeetingTests : CliTestBase
{
    private const string Password = "Ir-Bridge-Pw-81x";
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vaW5jaWRlbnQtcm9vbQ";

    private static JsonObject Parameters3x() => new()
    {
        ["title"] = "IR-2026-042 bridge",
        ["start"] = "2026-11-23T09:00:00+01:00",
        ["end"] = "2026-11-23T10:00:00+01:00",
        ["timezone"] = "Europe/Zurich",
        ["description"] = "Containment of the phishing wave",
        ["invitees"] = "analyst@example.com, lead@example.com",
        ["password"] = Password,
        ["send_email"] = "false",
        ["scheduled_type"] = "meeting",
        ["enabled_join_before_host"] = "true",
        ["join_before_host_minutes"] = "5",
        ["unlocked_meeting_join_security"] = "blockFromJoin",
    };

    [Test]
    public async Task ScheduleMeeting_RunDocumentWith3xParameters_PostsTheSpecBodyAndNeverPrintsThePassword()
    {
        Cli.RegisterSecret(Password);

        var result = await RunDocumentAsync(RunDocument("schedule_meeting", Parameters3x()));

        AssertSucceeded(result);
        var actionResult = result.ActionResult();
        var posts = Server.RequestsTo("POST", "/v1/meetings");
        Assert.That(posts, Has.Count.EqualTo(1), Server.DescribeRequests);
        AssertJsonEqual(posts[0].BodyJson(), new JsonObject
        {
            ["title"] = "IR-2026-042 bridge",
            ["agenda"] = "Containment of the phishing wave",
            ["password"] = Password,
            ["start"] = "2026-11-23T09:00:00+01:00",
            ["end"] = "2026-11-23T10:00:00+01:00",
            ["timezone"] = "Europe/Zurich",
            ["enabledJoinBeforeHost"] = true,
            ["joinBeforeHostMinutes"] = 5,
            ["unlockedMeetingJoinSecurity"] = "blockFromJoin",
            ["scheduledType"] = "meeting",
            ["invitees"] = new JsonArray(new JsonObject { ["email"] = "analyst@example.com" }, new JsonObject { ["email"] = "lead@example.com" }),
            ["sendEmail"] = false,
        }, "the POST /meetings body");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Str(actionResult["message"]), Is.EqualTo("Meeting scheduled successfully"));
            Assert.That(Str(actionResult["data"]?[0]?["id"]), Is.EqualTo(Str(Server.StoredMeetings.Single()["id"])));
            Assert.That(Str(actionResult["data"]?[0]?["password"]), Is.EqualTo("[REDACTED]"));
            Assert.That(Str(actionResult["parameter"]?["password"]), Is.EqualTo("[REDACTED]"), "echoed as redacted, not omitted");
            Assert.That(Str(actionResult["parameter"]?["invitees"]), Is.EqualTo("analyst@example.com, lead@example.com"));
        }
    }

    [Test]
    public async Task ScheduleMeeting_OperatorFormWithPassword_SchedulesWithoutPrintingIt()
    {
        Cli.RegisterSecret(Password);

        var result = await RunOperatorAsync("schedule-meeting", "--title", "Bridge", "--start", "2026-11-23T09:00:00Z", "--end", "2026-11-23T09:30:00Z",
            "--password", Password, "--adhoc", "false", "--output", "text");

        AssertExitCode(result, 0);
        Assert.That(Server.ScheduleRequests.Single()["password"]?.GetValue<string>(), Is.EqualTo(Password));
    }

    [Test]
    public async Task ScheduleMeeting_WebexErrorQuotingThePassword_MasksItInTheMessage()
    {
        Cli.RegisterSecret(Password);
        Server.EnqueueWebexError("/v1/meetings", 400, $"Password {Password} does not meet the site's rules.", "ROUTER_PW", method: "POST");

        var result = await RunDocumentAsync(RunDocument("schedule_meeting", Parameters3x()));

        var message = AssertActionFailed(result);
        Assert.That(message, Is.EqualTo("Error scheduling meeting. Status code: 400. Details: Password [REDACTED] does not meet the site's rules. Tracking ID: ROUTER_PW"));
    }

    [Test]
    public async Task ScheduleMeeting_AdhocForRoom_PostsAdhocAndRoomId()
    {
        var result = await RunOperatorAsync("schedule-meeting", "--title", "Now", "--start", "2026-11-23T09:00:00Z", "--end", "2026-11-23T09:05:00Z",
            "--adhoc", "--room-id", RoomId);

        AssertSucceeded(result);
        var body = Server.ScheduleRequests.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body["adhoc"]?.GetValue<bool>(), Is.True);
            Assert.That(Str(body["roomId"]), Is.EqualTo(RoomId));
            Assert.That(Str(Server.StoredMeetings.Single()["roomId"]), Is.EqualTo(RoomId));
        }
    }

    [TestCase("--end", "2026-11-23T08:00:00Z", "'end' must be after 'start'")]
    [TestCase("--adhoc", "true", "'adhoc' needs 'room_id'")]
    [TestCase("--invitees", "analyst@example.com;lead@example.com", "'invitees'")]
    [TestCase("--join-before-host-minutes", "20", "'join_before_host_minutes'")]
    [TestCase("--scheduled-type", "event", "'scheduled_type'")]
    public async Task ScheduleMeeting_BrokenRule_FailsNamingTheParameterWithoutRequest(string option, string value, string expected)
    {
        string[] args = ["--title", "Bridge", "--start", "2026-11-23T09:00:00Z", "--end", "2026-11-23T10:00:00Z"];
        var end = Array.IndexOf(args, "--end");
        if (option == "--end")
        {
            args[end + 1] = value;
        }
        else
        {
            args = [.. args, option, value];
        }

        var result = await RunOperatorAsync("schedule-meeting", args);

        Assert.That(AssertActionFailed(result), Does.Contain(expected));
        AssertNoRequests();
    }
}
