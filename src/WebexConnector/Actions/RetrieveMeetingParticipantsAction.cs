using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary>
/// <c>retrieve_meeting_participants</c>: who joined an in-progress or ended meeting, <c>GET /meetingParticipants</c>
/// page by page via <c>Link</c>. Identifier and parameters are those of Splunk's SOAR Cisco Webex app 3.x.
/// </summary>
internal sealed class RetrieveMeetingParticipantsAction(IMeetingParticipantsApi participants) : IActionHandler
{
    /// <summary>Webex's largest page here: "Limit the maximum number of participants in the response, up to 100".</summary>
    public const int MaxPageSize = 100;

    internal static ParameterDefinition MeetingId { get; } = new() { Name = "meeting_id", Description = "The meeting (series, scheduled meeting or meeting instance; not a personal room meeting)", Required = true, Contains = ["webex meeting id"] };

    internal static ParameterDefinition BreakoutSessionId { get; } = new() { Name = "breakout_session_id", Description = "Only participants of this breakout session (ended meeting instances only)" };

    internal static ParameterDefinition MeetingStartTimeFrom { get; } = new() { Name = "meeting_start_time_from", Description = "For a series or scheduled meeting: its last occurrence starting after this time (exclusive)", Format = ParameterFormat.Timestamp };

    internal static ParameterDefinition MeetingStartTimeTo { get; } = new() { Name = "meeting_start_time_to", Description = "For a series or scheduled meeting: its last occurrence starting before this time (exclusive)", Format = ParameterFormat.Timestamp };

    internal static ParameterDefinition HostEmail { get; } = new() { Name = "host_email", Description = "The meeting host, for an admin reading a user's meeting (needs meeting:admin_participants_read)", Format = ParameterFormat.EmailAddress, Contains = ["email"] };

    internal static ParameterDefinition JoinTimeFrom { get; } = new() { Name = "join_time_from", Description = "Only participants who joined at or after this time (Webex's default: join_time_to minus 7 days)", Format = ParameterFormat.Timestamp };

    internal static ParameterDefinition JoinTimeTo { get; } = new() { Name = "join_time_to", Description = "Only participants who joined before this time (within 90 days of join_time_from)", Format = ParameterFormat.Timestamp };

    internal static ParameterDefinition Limit { get; } = ParameterDefinition.ListingLimit("At most this many participants (default: every participant)");

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "retrieve_meeting_participants",
        Name = "retrieve meeting participants",
        Description = "Retrieve the participants of an in-progress or ended Webex meeting; the caller must be the meeting's host or an admin",
        Type = ActionType.Investigate,
        ReadOnly = true,
        WebexCall = "GET /meetingParticipants",
        RequiredScopes = ["meeting:participants_read"],
        FailureMessagePrefix = "Error retrieving meeting participants",
        Parameters = [MeetingId, BreakoutSessionId, MeetingStartTimeFrom, MeetingStartTimeTo, HostEmail, JoinTimeFrom, JoinTimeTo, Limit],
        Output =
        [
            new("action_result.data.*.id", "string") { IsTextColumn = true },
            new("action_result.data.*.displayName", "string") { IsTextColumn = true },
            new("action_result.data.*.email", "string") { Contains = ["email"], IsTextColumn = true },
            new("action_result.data.*.joinedTime", "string") { IsTextColumn = true },
            new("action_result.data.*.leftTime", "string"),
            new("action_result.data.*.state", "string") { IsTextColumn = true },
            new("action_result.data.*.host", "boolean"),
            new("action_result.data.*.coHost", "boolean"),
            new("action_result.data.*.spaceModerator", "boolean"),
            new("action_result.data.*.invitee", "boolean"),
            new("action_result.data.*.muted", "boolean"),
            new("action_result.data.*.video", "string"),
            new("action_result.data.*.meetingId", "string") { Contains = ["webex meeting id"] },
            new("action_result.data.*.meetingStartTime", "string"),
            new("action_result.data.*.hostEmail", "string") { Contains = ["email"] },
            new("action_result.data.*.siteUrl", "string"),
            new("action_result.data.*.orgId", "string"),
            new("action_result.data.*.breakoutSessionId", "string"),
            new("action_result.data.*.devices.*.correlationId", "string"),
            new("action_result.data.*.devices.*.deviceType", "string"),
            new("action_result.data.*.devices.*.audioType", "string"),
            new("action_result.data.*.devices.*.joinedTime", "string"),
            new("action_result.data.*.devices.*.leftTime", "string"),
            new("action_result.data.*.devices.*.durationSecond", "numeric"),
            new("action_result.data.*.devices.*.callType", "string"),
            new("action_result.data.*.devices.*.phoneNumber", "string"),
            new("action_result.data.*.breakoutSessionsAttended.*.id", "string"),
            new("action_result.data.*.breakoutSessionsAttended.*.name", "string"),
            new("action_result.data.*.breakoutSessionsAttended.*.joinedTime", "string"),
            new("action_result.data.*.breakoutSessionsAttended.*.leftTime", "string"),
            OutputDataPath.ListingTotal("participants"),
            OutputDataPath.SummaryMessage,
        ],
        CreateHandler = services => new RetrieveMeetingParticipantsAction(services.GetRequiredService<IMeetingParticipantsApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var meetingId = parameters.GetRequiredString(MeetingId);
        var breakoutSessionId = parameters.GetString(BreakoutSessionId);
        var startFrom = parameters.GetString(MeetingStartTimeFrom);
        var startTo = parameters.GetString(MeetingStartTimeTo);
        var hostEmail = parameters.GetString(HostEmail);
        var joinFrom = parameters.GetString(JoinTimeFrom);
        var joinTo = parameters.GetString(JoinTimeTo);
        var found = await WebexPager.CollectAsync(
            participants.Client,
            (max, ct) => participants.ListMeetingParticipantsAsync(meetingId, breakoutSessionId, startFrom, startTo, hostEmail, joinFrom, joinTo, max, ct),
            parameters.GetInteger(Limit),
            MaxPageSize,
            cancellationToken)
            .ConfigureAwait(false);

        return HandlerResult.Listing("participants", found);
    }
}
