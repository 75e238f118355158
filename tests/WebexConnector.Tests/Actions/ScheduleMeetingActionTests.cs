using System.Net;
using System.Text.Json.Nodes;
using RichardSzalay.MockHttp;
using WebexConnector.Actions;
using WebexConnector.Results;
using WebexConnector.Security;

namespace WebexConnector.Tests.Actions;

public class ScheduleMeetingActionTests
{
    private const string MeetingsUrl = ConnectorHarness.BaseUrl + "/meetings";
    private const string RoomId = "Y2lzY29zcGFyazovL3VzL1JPT00vNDMzZjk0ZjAtOTZhNi0xMWViLWJhOTctOTU3OTNjZDhiY2Q2";
    private const string Password = "BgJep@43";
    private static readonly string[] WriteScope = ["meeting:schedules_write"];
    private static readonly string[] RequiredNames = ["title", "start", "end"];
    private static readonly string[] RequiredOnlyBody = ["""{"title":"IR bridge","start":"2026-05-15T20:30:00-08:00","end":"2026-05-15T21:30:00-08:00"}"""];

    [Test]
    public void Definition_ChangesWebex_GenericWithWriteScopeAndUncertainOutcomeNote()
    {
        var definition = ActionCatalog.Find("schedule_meeting");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(definition, Is.SameAs(ScheduleMeetingAction.Definition));
            Assert.That(definition!.Name, Is.EqualTo("schedule meeting"));
            Assert.That(definition.Type, Is.EqualTo(ActionType.Generic));
            Assert.That(definition.ReadOnly, Is.False);
            Assert.That(definition.WebexCall, Is.EqualTo("POST /meetings"));
            Assert.That(definition.RequiredScopes, Is.EqualTo(WriteScope));
            Assert.That(definition.UncertainOutcomeNote, Is.EqualTo("The meeting may or may not have been scheduled; list meetings before scheduling it again."));
            Assert.That(definition.Parameters.Where(p => p.Required).Select(p => p.Name), Is.EqualTo(RequiredNames));
            Assert.That(definition.Parameters.Single(p => p.Name == "password").DataType, Is.EqualTo("password"), "SOAR masks it in its forms");
        }
    }

    [Test]
    public async Task Execute_RequiredOnly_PostsTitleStartEndAndReturnsTheMeeting()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, MeetingsUrl)
            .WithHeaders("Authorization", $"Bearer {ConnectorHarness.Pat}")
            .Respond(request => CreatedAsync(bodies, request));

        var result = await harness.RunOneAsync("schedule_meeting",
            """{"title": "IR bridge", "start": "2026-05-15T20:30:00-08:00", "end": "2026-05-15T21:30:00-08:00"}""");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(result.Message, Is.EqualTo("Meeting scheduled successfully"));
            Assert.That(bodies, Is.EqualTo(RequiredOnlyBody));
            Assert.That(result.Data.Select(d => d.GetRawText()), Is.EqualTo(new[] { Fixture.Json(Fixture.MeetingCreated).GetRawText() }), "unchanged: no password was given");
        }
    }

    [Test]
    public async Task Execute_EveryParameter_PostsTheSpecFieldsInSpecOrder()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, MeetingsUrl).Respond(request => CreatedAsync(bodies, request));

        var result = await harness.RunOneAsync("schedule_meeting", EveryParameter().ToJsonString());

        Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
        // System.Text.Json writes '+' as \u002B; Webex reads the same string.
        Assert.That(bodies.Single(), Is.EqualTo(
            "{\"adhoc\":false,\"roomId\":\"" + RoomId + "\",\"title\":\"Example Daily Meeting\",\"agenda\":\"Example Agenda\",\"password\":\"BgJep@43\","
            + "\"start\":\"2026-11-01T20:00:00\\u002B08:00\",\"end\":\"2026-11-01T21:00:00\\u002B08:00\",\"timezone\":\"Asia/Shanghai\","
            + "\"recurrence\":\"FREQ=DAILY;INTERVAL=1;COUNT=10\",\"enabledAutoRecordMeeting\":true,\"allowAnyUserToBeCoHost\":false,"
            + "\"enabledJoinBeforeHost\":true,\"enableConnectAudioBeforeHost\":true,\"joinBeforeHostMinutes\":15,\"publicMeeting\":false,"
            + "\"reminderTime\":10,\"unlockedMeetingJoinSecurity\":\"allowJoinWithLobby\",\"sessionTypeId\":3,\"scheduledType\":\"meeting\","
            + "\"enableAutomaticLock\":true,\"automaticLockMinutes\":5,"
            + "\"invitees\":[{\"email\":\"john.andersen@example.com\"},{\"email\":\"brenda.song@example.com\"}],"
            + "\"sendEmail\":false,\"hostEmail\":\"john.andersen@example.com\"}"));
    }

    // Each 3.x parameter name and the spec field it becomes, with SOAR's string forms of numbers and booleans.
    [TestCase("timezone", "\"Europe/Zurich\"", "timezone", "\"Europe/Zurich\"")]
    [TestCase("description", "\"Contain the phish\"", "agenda", "\"Contain the phish\"")]
    [TestCase("send_email", "\"false\"", "sendEmail", "false")]
    [TestCase("host_email", "\"host@example.com\"", "hostEmail", "\"host@example.com\"")]
    [TestCase("scheduled_type", "\"WEBINAR\"", "scheduledType", "\"webinar\"")]
    [TestCase("scheduled_type", "\"personalroommeeting\"", "scheduledType", "\"personalRoomMeeting\"")]
    [TestCase("room_id", "\"" + RoomId + "\"", "roomId", "\"" + RoomId + "\"")]
    [TestCase("recurrence", "\"FREQ=WEEKLY;COUNT=4\"", "recurrence", "\"FREQ=WEEKLY;COUNT=4\"")]
    [TestCase("session_type_id", "\"628\"", "sessionTypeId", "628")]
    [TestCase("enabled_auto_record_meeting", "true", "enabledAutoRecordMeeting", "true")]
    [TestCase("allow_any_user_to_be_co_host", "\"true\"", "allowAnyUserToBeCoHost", "true")]
    [TestCase("enabled_join_before_host", "true", "enabledJoinBeforeHost", "true")]
    [TestCase("join_before_host_minutes", "10", "joinBeforeHostMinutes", "10")]
    [TestCase("enable_connect_audio_before_host", "false", "enableConnectAudioBeforeHost", "false")]
    [TestCase("enable_automatic_lock", "true", "enableAutomaticLock", "true")]
    [TestCase("automatic_lock_minutes", "\"20\"", "automaticLockMinutes", "20")]
    [TestCase("public_meeting", "false", "publicMeeting", "false")]
    [TestCase("reminder_time", "30.0", "reminderTime", "30")]
    [TestCase("unlocked_meeting_join_security", "\"blockFromJoin\"", "unlockedMeetingJoinSecurity", "\"blockFromJoin\"")]
    [TestCase("invitees", "\" a@example.com ,b@example.com,\"", "invitees", """[{"email":"a@example.com"},{"email":"b@example.com"}]""")]
    public async Task Execute_OneParameter_IsSentAsItsSpecField(string name, string value, string field, string expected)
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, MeetingsUrl).Respond(request => CreatedAsync(bodies, request));
        var parameters = Required();
        parameters[name] = JsonNode.Parse(value);

        var result = await harness.RunOneAsync("schedule_meeting", parameters.ToJsonString());

        Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
        var body = JsonNode.Parse(bodies.Single())!.AsObject();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body[field]?.ToJsonString(), Is.EqualTo(expected));
            Assert.That(body.Select(p => p.Key), Is.EquivalentTo(new[] { "title", "start", "end", field }), "nothing else is sent");
        }
    }

    [Test]
    public async Task Execute_AdhocWithRoom_PostsAdhocAndRoomId()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, MeetingsUrl).Respond(request => CreatedAsync(bodies, request));
        var parameters = Required();
        parameters["adhoc"] = "true";
        parameters["room_id"] = RoomId;
        parameters["end"] = "2026-01-01T09:05:00Z"; // five minutes: Webex ignores start and end of an ad-hoc meeting

        var result = await harness.RunOneAsync("schedule_meeting", parameters.ToJsonString());

        Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
        Assert.That(bodies.Single(), Does.StartWith($$"""{"adhoc":true,"roomId":"{{RoomId}}","title":"""));
    }

    [TestCase("2026-01-01T09:00:00Z", "2026-01-01T08:00:00Z", "Parameter 'end' must be after 'start'", TestName = "Execute_EndBeforeStart_FailsWithoutRequest")]
    [TestCase("2026-01-01T09:00:00Z", "2026-01-01T10:00:00+01:00", "Parameter 'end' must be after 'start'", TestName = "Execute_EndEqualToStartInAnotherOffset_FailsWithoutRequest")]
    [TestCase("2026-01-01T09:00:00Z", "2026-01-01T09:09:00Z", "Parameters 'start' and 'end' must be 10 minutes to 23 hours 59 minutes apart", TestName = "Execute_ShorterThanTenMinutes_FailsWithoutRequest")]
    [TestCase("2026-01-01T09:00:00Z", "2026-01-02T09:00:00Z", "Parameters 'start' and 'end' must be 10 minutes to 23 hours 59 minutes apart", TestName = "Execute_LongerThan23h59_FailsWithoutRequest")]
    public async Task Execute_BadTimes_FailNamingStartAndEndWithoutRequest(string start, string end, string expected)
    {
        using var harness = new ConnectorHarness();
        var parameters = Required();
        parameters["start"] = start;
        parameters["end"] = end;

        var result = await harness.RunOneAsync("schedule_meeting", parameters.ToJsonString());

        AssertRefused(harness, result, expected);
    }

    [TestCase("""{"adhoc": true}""", "Parameter 'adhoc' needs 'room_id'", TestName = "Execute_AdhocWithoutRoom_FailsWithoutRequest")]
    [TestCase("""{"invitees": "a@example.com, not-an-address"}""", "Parameter 'invitees' must be comma-separated e-mail addresses; 'not-an-address' is not one.", TestName = "Execute_BadInvitee_FailsNamingItWithoutRequest")]
    [TestCase("""{"invitees": "Alice <a@example.com>"}""", "Parameter 'invitees'", TestName = "Execute_InviteeWithDisplayName_FailsWithoutRequest")]
    [TestCase("""{"invitees": " , "}""", "Parameter 'invitees' holds no e-mail address.", TestName = "Execute_InviteesWithoutAddress_FailsWithoutRequest")]
    [TestCase("""{"join_before_host_minutes": 7}""", "Parameter 'join_before_host_minutes' must be one of 0, 5, 10, 15 for a meeting; got 7.", TestName = "Execute_JoinMinutesNotAMeetingOption_FailsWithoutRequest")]
    [TestCase("""{"join_before_host_minutes": 5, "scheduled_type": "webinar"}""", "Parameter 'join_before_host_minutes' must be one of 0, 15, 30, 45, 60 for a webinar; got 5.", TestName = "Execute_JoinMinutesNotAWebinarOption_FailsWithoutRequest")]
    [TestCase("""{"join_before_host_minutes": 75}""", "Parameter 'join_before_host_minutes' must be at most 60", TestName = "Execute_JoinMinutesAboveSixty_FailsWithoutRequest")]
    [TestCase("""{"scheduled_type": "event"}""", "Parameter 'scheduled_type' must be one of meeting, webinar, personalRoomMeeting", TestName = "Execute_ScheduledTypeNotInTheSpec_FailsWithoutRequest")]
    [TestCase("""{"unlocked_meeting_join_security": "allow"}""", "Parameter 'unlocked_meeting_join_security' must be one of", TestName = "Execute_UnknownJoinSecurity_FailsWithoutRequest")]
    [TestCase("""{"host_email": "host"}""", "Parameter 'host_email' must be an e-mail address", TestName = "Execute_HostEmailNotAnAddress_FailsWithoutRequest")]
    [TestCase("""{"automatic_lock_minutes": -1}""", "Parameter 'automatic_lock_minutes' must be a whole number", TestName = "Execute_NegativeLockMinutes_FailsWithoutRequest")]
    [TestCase("""{"start": "2026-01-01 09:00"}""", "Parameter 'start' must be an ISO 8601 date and time with an offset", TestName = "Execute_StartWithoutOffset_FailsWithoutRequest")]
    public async Task Execute_BreaksARule_FailsNamingTheParameterWithoutRequest(string extra, string expected)
    {
        using var harness = new ConnectorHarness();
        var parameters = Required();
        foreach (var (name, value) in JsonNode.Parse(extra)!.AsObject())
        {
            parameters[name] = value?.DeepClone();
        }

        var result = await harness.RunOneAsync("schedule_meeting", parameters.ToJsonString());

        AssertRefused(harness, result, expected);
    }

    [Test]
    public async Task Execute_TitleOf129Characters_FailsWithoutRequest()
    {
        using var harness = new ConnectorHarness();
        var parameters = Required();
        parameters["title"] = new string('é', 129);

        var result = await harness.RunOneAsync("schedule_meeting", parameters.ToJsonString());

        AssertRefused(harness, result, "Parameter 'title' is 129 characters long; Webex allows at most 128.");
    }

    [Test]
    public async Task Execute_Password_NeverInTheResultDocumentOrMessage()
    {
        using var harness = new ConnectorHarness();
        var bodies = new List<string>();
        harness.When(HttpMethod.Post, MeetingsUrl).Respond(request => CreatedAsync(bodies, request));
        var parameters = Required();
        parameters["password"] = Password;

        var run = await harness.RunAsync("schedule_meeting", parameters.ToJsonString());

        var result = run.Results.Single();
        var document = ConnectorRunResultJson.Write(run);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("success"), ConnectorHarness.Describe(result));
            Assert.That(JsonNode.Parse(bodies.Single())?["password"]?.GetValue<string>(), Is.EqualTo(Password), "Webex gets it");
            Assert.That(document, Does.Not.Contain(Password));
            Assert.That(result.Message, Does.Not.Contain(Password));
            Assert.That(result.Parameter["password"]?.GetValue<string>(), Is.EqualTo(SecretRedactor.Mask), "echoed as redacted");
            Assert.That(result.Data.Single().GetProperty("password").GetString(), Is.EqualTo(SecretRedactor.Mask), "Webex's echo of it is masked in the data");
            Assert.That(result.Data.Single().GetProperty("phoneAndVideoSystemPassword").GetString(), Is.EqualTo("12345678"), "Webex's other fields stay as they were");
            Assert.That(harness.Redactor.Redact($"x {Password} y"), Is.EqualTo($"x {SecretRedactor.Mask} y"), "registered with the run's redactor");
        }
    }

    [Test]
    public async Task Execute_PasswordAndAFailure_PasswordNotInTheMessage()
    {
        using var harness = new ConnectorHarness();
        harness.When(HttpMethod.Post, MeetingsUrl).Respond(_ => ConnectorHarness.JsonResponse(
            HttpStatusCode.BadRequest, $$"""{"message":"Password {{Password}} does not meet the site's rules.","trackingId":"ROUTER_PW"}"""));
        var parameters = Required();
        parameters["password"] = Password;

        var run = await harness.RunAsync("schedule_meeting", parameters.ToJsonString());

        var result = run.Results.Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith("Error scheduling meeting. Status code: 400."));
            Assert.That(ConnectorRunResultJson.Write(run), Does.Not.Contain(Password));
        }
    }

    private static JsonObject Required() => new()
    {
        ["title"] = "IR bridge",
        ["start"] = "2026-01-01T09:00:00Z",
        ["end"] = "2026-01-01T10:00:00Z",
    };

    private static JsonObject EveryParameter() => new()
    {
        ["title"] = "Example Daily Meeting",
        ["start"] = "2026-11-01T20:00:00+08:00",
        ["end"] = "2026-11-01T21:00:00+08:00",
        ["timezone"] = "Asia/Shanghai",
        ["description"] = "Example Agenda",
        ["invitees"] = "john.andersen@example.com, brenda.song@example.com",
        ["password"] = Password,
        ["send_email"] = false,
        ["host_email"] = "john.andersen@example.com",
        ["scheduled_type"] = "meeting",
        ["adhoc"] = false,
        ["room_id"] = RoomId,
        ["recurrence"] = "FREQ=DAILY;INTERVAL=1;COUNT=10",
        ["session_type_id"] = 3,
        ["enabled_auto_record_meeting"] = true,
        ["allow_any_user_to_be_co_host"] = false,
        ["enabled_join_before_host"] = true,
        ["join_before_host_minutes"] = 15,
        ["enable_connect_audio_before_host"] = true,
        ["enable_automatic_lock"] = true,
        ["automatic_lock_minutes"] = 5,
        ["public_meeting"] = false,
        ["reminder_time"] = 10,
        ["unlocked_meeting_join_security"] = "allowJoinWithLobby",
    };

    private static void AssertRefused(ConnectorHarness harness, ActionResult result, string expected)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.Status, Is.EqualTo("failed"));
            Assert.That(result.Message, Does.StartWith(expected));
            Assert.That(harness.RequestCount, Is.Zero, "refused before anything is sent");
        }
    }

    private static async Task<HttpResponseMessage> CreatedAsync(List<string> bodies, HttpRequestMessage request)
    {
        bodies.Add(request.Content is null ? "(no body)" : await request.Content.ReadAsStringAsync());
        return ConnectorHarness.JsonResponse(HttpStatusCode.OK, Fixture.Text(Fixture.MeetingCreated));
    }
}
