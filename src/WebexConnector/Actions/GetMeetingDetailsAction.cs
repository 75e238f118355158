using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary><c>get_meeting_details</c>: one meeting, meeting series or meeting instance by id, <c>GET /meetings/{meetingId}</c>.</summary>
internal sealed class GetMeetingDetailsAction(IMeetingsApi meetings) : IActionHandler
{
    internal static ParameterDefinition MeetingId { get; } = new() { Name = "meeting_id", Description = "Id of the meeting, meeting series or meeting instance", Required = true, Format = ParameterFormat.PathSegment, Contains = ["webex meeting id"] };

    internal static ParameterDefinition HostEmail { get; } = new() { Name = "host_email", Description = "Get a meeting hosted by this user (needs admin-level scopes)", Format = ParameterFormat.EmailAddress, Contains = ["email"] };

    internal static ParameterDefinition Current { get; } = new() { Name = "current", Description = "For a meeting series: only its current or next scheduled meeting (Webex's default: false, the whole series)", Type = ParameterType.Boolean };

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "get_meeting_details",
        Name = "get meeting details",
        Description = "Get the details of a Webex meeting by id",
        Type = ActionType.Investigate,
        ReadOnly = true,
        WebexCall = "GET /meetings/{meetingId}",
        RequiredScopes = ["meeting:schedules_read"],
        FailureMessagePrefix = "Error getting meeting details",
        Parameters = [MeetingId, HostEmail, Current],
        Output = MeetingOutput.Paths,
        CreateHandler = services => new GetMeetingDetailsAction(services.GetRequiredService<IMeetingsApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var meetingId = parameters.GetRequiredString(MeetingId);
        using var response = await meetings.GetMeetingAsync(
            meetingId, QueryFlag.From(parameters.GetBoolean(Current)), parameters.GetString(HostEmail), cancellationToken).ConfigureAwait(false);
        var meeting = await WebexResponses.ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
        return HandlerResult.Success("Successfully retrieved meeting details", [meeting]);
    }
}
