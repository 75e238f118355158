using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary>
/// <c>schedule_meeting</c>: schedules a Webex meeting (or an ad-hoc meeting for a room), <c>POST /meetings</c>. Parameter
/// names are those of Splunk's Cisco Webex app 3.x, so its playbooks keep working; each maps to one spec field.
/// </summary>
internal sealed class ScheduleMeetingAction(IMeetingsApi meetings) : IActionHandler
{
    internal static ParameterDefinition Title { get; } = new() { Name = "title", Description = "Title of the meeting (at most 128 characters)", Required = true, MaxUtf8Bytes = ScheduleMeetingRules.MaxTitleCharacters * 4 };

    internal static ParameterDefinition Start { get; } = new() { Name = "start", Description = "Start of the meeting", Required = true, Format = ParameterFormat.Timestamp };

    internal static ParameterDefinition End { get; } = new() { Name = "end", Description = "End of the meeting: after start, 10 minutes to 23 hours 59 minutes later", Required = true, Format = ParameterFormat.Timestamp };

    internal static ParameterDefinition Timezone { get; } = new() { Name = "timezone", Description = "IANA time zone the meeting is scheduled in, e.g. America/Los_Angeles" };

    internal static ParameterDefinition Description { get; } = new() { Name = "description", Description = "Agenda of the meeting (sent as agenda; at most 1300 characters)", MaxUtf8Bytes = ScheduleMeetingRules.MaxAgendaCharacters * 4 };

    internal static ParameterDefinition Invitees { get; } = new() { Name = "invitees", Description = "E-mail addresses to invite, comma-separated (at most 1000)", MaxUtf8Bytes = 256 * 1024 };

    internal static ParameterDefinition Password { get; } = new() { Name = "password", Description = "Password to join the meeting (Webex generates one when not given); a secret, echoed as [REDACTED]", IsSecret = true };

    internal static ParameterDefinition SendEmail { get; } = new() { Name = "send_email", Description = "Whether Webex e-mails the host and invitees (Webex's default: true)", Type = ParameterType.Boolean };

    internal static ParameterDefinition HostEmail { get; } = new() { Name = "host_email", Description = "Schedule the meeting for this host (needs admin-level scopes; ignored with room_id)", Format = ParameterFormat.EmailAddress, Contains = ["email"] };

    internal static ParameterDefinition ScheduledType { get; } = new() { Name = "scheduled_type", Description = "A regular meeting (Webex's default), a webinar, or a meeting in the user's personal room", AllowedValues = ["meeting", "webinar", "personalRoomMeeting"] };

    internal static ParameterDefinition Adhoc { get; } = new() { Name = "adhoc", Description = "Create an ad-hoc (instant) meeting for the room room_id; needs room_id", Type = ParameterType.Boolean };

    internal static ParameterDefinition RoomId { get; } = new() { Name = "room_id", Description = "Room (space) the meeting is for (Webex then needs the spark:all scope); required with adhoc", Contains = ["webex room id"] };

    internal static ParameterDefinition Recurrence { get; } = new() { Name = "recurrence", Description = "Recurrence rule of a meeting series (RFC 2445), e.g. FREQ=DAILY;INTERVAL=1;COUNT=10" };

    internal static ParameterDefinition SessionTypeId { get; } = new() { Name = "session_type_id", Description = "Meeting session type id (Webex requires one for a webinar)", Type = ParameterType.Numeric, Minimum = 1 };

    internal static ParameterDefinition EnabledAutoRecordMeeting { get; } = new() { Name = "enabled_auto_record_meeting", Description = "Record the meeting automatically", Type = ParameterType.Boolean };

    internal static ParameterDefinition AllowAnyUserToBeCoHost { get; } = new() { Name = "allow_any_user_to_be_co_host", Description = "Let any attendee with a host account on the site become a cohost", Type = ParameterType.Boolean };

    internal static ParameterDefinition EnabledJoinBeforeHost { get; } = new() { Name = "enabled_join_before_host", Description = "Let attendees join before the host", Type = ParameterType.Boolean };

    internal static ParameterDefinition JoinBeforeHostMinutes { get; } = new()
    {
        Name = "join_before_host_minutes",
        Description = "Minutes before the start attendees may join (with enabled_join_before_host): 0, 5, 10 or 15 for a meeting; 0, 15, 30, 45 or 60 for a webinar",
        Type = ParameterType.Numeric,
        Minimum = 0,
        Maximum = 60,
    };

    internal static ParameterDefinition EnableConnectAudioBeforeHost { get; } = new() { Name = "enable_connect_audio_before_host", Description = "Let attendees connect audio before the host joins (with enabled_join_before_host)", Type = ParameterType.Boolean };

    internal static ParameterDefinition EnableAutomaticLock { get; } = new() { Name = "enable_automatic_lock", Description = "Lock the meeting automatically after it starts", Type = ParameterType.Boolean };

    internal static ParameterDefinition AutomaticLockMinutes { get; } = new() { Name = "automatic_lock_minutes", Description = "Minutes after the start at which the meeting locks (with enable_automatic_lock)", Type = ParameterType.Numeric, Minimum = 0 };

    internal static ParameterDefinition PublicMeeting { get; } = new() { Name = "public_meeting", Description = "List the meeting on the site's public calendar", Type = ParameterType.Boolean };

    internal static ParameterDefinition ReminderTime { get; } = new() { Name = "reminder_time", Description = "Minutes before the start at which Webex e-mails the host a reminder", Type = ParameterType.Numeric, Minimum = 0 };

    internal static ParameterDefinition UnlockedMeetingJoinSecurity { get; } = new() { Name = "unlocked_meeting_join_security", Description = "How people not invited join the unlocked meeting", AllowedValues = ["allowJoin", "allowJoinWithLobby", "blockFromJoin"] };

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "schedule_meeting",
        Name = "schedule meeting",
        Description = "Schedule a Webex meeting (or webinar, or a meeting in the personal room), optionally recurring, with invitees; "
            + "with adhoc and room_id, an instant meeting for a room",
        Type = ActionType.Generic,
        ReadOnly = false,
        WebexCall = "POST /meetings",
        RequiredScopes = ["meeting:schedules_write"],
        FailureMessagePrefix = "Error scheduling meeting",
        UncertainOutcomeNote = "The meeting may or may not have been scheduled; list meetings before scheduling it again.",
        Parameters =
        [
            Title, Start, End, Timezone, Description, Invitees, Password, SendEmail, HostEmail, ScheduledType, Adhoc, RoomId, Recurrence,
            SessionTypeId, EnabledAutoRecordMeeting, AllowAnyUserToBeCoHost, EnabledJoinBeforeHost, JoinBeforeHostMinutes,
            EnableConnectAudioBeforeHost, EnableAutomaticLock, AutomaticLockMinutes, PublicMeeting, ReminderTime, UnlockedMeetingJoinSecurity,
        ],
        Output = MeetingOutput.Paths,
        CreateHandler = services => new ScheduleMeetingAction(services.GetRequiredService<IMeetingsApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        if (ScheduleMeetingRules.Check(parameters) is { } broken)
        {
            return HandlerResult.Failure(broken);
        }

        var password = parameters.GetString(Password);
        var request = new CreateMeetingRequest
        {
            Adhoc = parameters.GetBoolean(Adhoc),
            RoomId = parameters.GetString(RoomId),
            Title = parameters.GetRequiredString(Title),
            Agenda = parameters.GetString(Description),
            Password = password,
            Start = parameters.GetRequiredString(Start),
            End = parameters.GetRequiredString(End),
            Timezone = parameters.GetString(Timezone),
            Recurrence = parameters.GetString(Recurrence),
            EnabledAutoRecordMeeting = parameters.GetBoolean(EnabledAutoRecordMeeting),
            AllowAnyUserToBeCoHost = parameters.GetBoolean(AllowAnyUserToBeCoHost),
            EnabledJoinBeforeHost = parameters.GetBoolean(EnabledJoinBeforeHost),
            EnableConnectAudioBeforeHost = parameters.GetBoolean(EnableConnectAudioBeforeHost),
            JoinBeforeHostMinutes = parameters.GetInteger(JoinBeforeHostMinutes),
            PublicMeeting = parameters.GetBoolean(PublicMeeting),
            ReminderTime = parameters.GetInteger(ReminderTime),
            UnlockedMeetingJoinSecurity = parameters.GetString(UnlockedMeetingJoinSecurity),
            SessionTypeId = parameters.GetInteger(SessionTypeId),
            ScheduledType = parameters.GetString(ScheduledType),
            EnableAutomaticLock = parameters.GetBoolean(EnableAutomaticLock),
            AutomaticLockMinutes = parameters.GetInteger(AutomaticLockMinutes),
            Invitees = ScheduleMeetingRules.InviteeList(parameters.GetString(Invitees)),
            SendEmail = parameters.GetBoolean(SendEmail),
            HostEmail = parameters.GetString(HostEmail),
        };

        using var response = await meetings.CreateMeetingAsync(request, cancellationToken).ConfigureAwait(false);
        var created = await WebexResponses.ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
        return HandlerResult.Success("Meeting scheduled successfully", [MaskSecret(created, password)]);
    }

    // Webex echoes the password in the created meeting. Output streams mask registered secrets anyway, but a library
    // caller reads Data directly, and the redactor ignores values shorter than six characters.
    private static JsonElement MaskSecret(JsonElement meeting, string? password)
    {
        if (password is null || meeting.ValueKind != JsonValueKind.Object
            || !meeting.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.String && p.Value.ValueEquals(password)))
        {
            return meeting;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            foreach (var property in meeting.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String && property.Value.ValueEquals(password))
                {
                    writer.WriteString(property.Name, Security.SecretRedactor.Mask);
                }
                else
                {
                    property.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
