using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary><c>list_meetings</c>: meetings the user hosts or is invited to, <c>GET /meetings</c> page by page via <c>Link</c>.</summary>
internal sealed class ListMeetingsAction(IMeetingsApi meetings) : IActionHandler
{
    /// <summary>Webex's largest <c>max</c> for <c>GET /meetings</c> (OpenAPI: "up to 100").</summary>
    public const int MaxPageSize = 100;

    internal static ParameterDefinition From { get; } = new() { Name = "from", Description = "Only meetings from this date and time on (Webex's default depends on meeting_type)", Format = ParameterFormat.Timestamp };

    internal static ParameterDefinition To { get; } = new() { Name = "to", Description = "Only meetings before this date and time; not before from", Format = ParameterFormat.Timestamp };

    internal static ParameterDefinition MeetingType { get; } = new()
    {
        Name = "meeting_type",
        Description = "What to list: meeting series (Webex's default), their scheduled meetings, or ongoing and ended meeting instances",
        AllowedValues = ["meetingSeries", "scheduledMeeting", "meeting"],
    };

    internal static ParameterDefinition State { get; } = new()
    {
        Name = "state",
        Description = "Only meetings in this state (default: every state)",
        AllowedValues = ["active", "scheduled", "ready", "lobby", "inProgress", "ended", "missed", "expired"],
    };

    internal static ParameterDefinition RoomId { get; } = new() { Name = "room_id", Description = "Only meetings of this room (space); Webex then ignores the time range, type and state filters", Contains = ["webex room id"] };

    internal static ParameterDefinition HasRecording { get; } = new() { Name = "has_recording", Description = "Only ended meeting instances with (true) or without (false) a recording", Type = ParameterType.Boolean };

    internal static ParameterDefinition HasTranscription { get; } = new() { Name = "has_transcription", Description = "Only ended meeting instances with (true) or without (false) a transcript", Type = ParameterType.Boolean };

    internal static ParameterDefinition HasSummary { get; } = new() { Name = "has_summary", Description = "Only ended meeting instances with (true) or without (false) an AI summary", Type = ParameterType.Boolean };

    internal static ParameterDefinition HostEmail { get; } = new() { Name = "host_email", Description = "List the meetings of this user instead (needs admin-level scopes)", Format = ParameterFormat.EmailAddress, Contains = ["email"] };

    internal static ParameterDefinition Limit { get; } = ParameterDefinition.ListingLimit("At most this many meetings (default: every meeting)");

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "list_meetings",
        Name = "list meetings",
        Description = "List the Webex meetings the user hosts or is invited to (an admin: those of host_email), optionally in a time range, "
            + "of a type or state, of a room, or only ended meetings with a recording, transcript or summary",
        Type = ActionType.Investigate,
        ReadOnly = true,
        WebexCall = "GET /meetings",
        RequiredScopes = ["meeting:schedules_read"],
        FailureMessagePrefix = "Error listing meetings",
        Parameters = [From, To, MeetingType, State, RoomId, HasRecording, HasTranscription, HasSummary, HostEmail, Limit],
        Output =
        [
            .. MeetingOutput.Paths,
            OutputDataPath.ListingTotal("meetings"),
            OutputDataPath.SummaryMessage,
        ],
        CreateHandler = services => new ListMeetingsAction(services.GetRequiredService<IMeetingsApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var from = parameters.GetString(From);
        var to = parameters.GetString(To);
        if (TimeRange.Check(From, from, To, to, allowEqual: true) is { } broken)
        {
            return HandlerResult.Failure(broken);
        }

        var meetingType = parameters.GetString(MeetingType);
        var state = parameters.GetString(State);
        var roomId = parameters.GetString(RoomId);
        var hasRecording = QueryFlag.From(parameters.GetBoolean(HasRecording));
        var hasTranscription = QueryFlag.From(parameters.GetBoolean(HasTranscription));
        var hasSummary = QueryFlag.From(parameters.GetBoolean(HasSummary));
        var hostEmail = parameters.GetString(HostEmail);
        var found = await WebexPager.CollectAsync(
            meetings.Client,
            (max, ct) => meetings.ListMeetingsAsync(roomId, max, from, to, meetingType, state, hasRecording, hasTranscription, hasSummary, hostEmail, ct),
            parameters.GetInteger(Limit),
            MaxPageSize,
            cancellationToken).ConfigureAwait(false);

        return HandlerResult.Listing("meetings", found);
    }
}
