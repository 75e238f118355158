using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary>
/// <c>delete_meeting</c>: cancels a meeting (e.g. one a compromised account scheduled), <c>DELETE /meetings/{meetingId}</c>
/// (204). Never retried after a 5xx or a timeout.
/// </summary>
internal sealed class DeleteMeetingAction(IMeetingsApi meetings) : IActionHandler
{
    internal static ParameterDefinition MeetingId { get; } = new() { Name = "meeting_id", Description = "Id of the meeting series or scheduled meeting to delete (not an ended or ongoing instance)", Required = true, Format = ParameterFormat.PathSegment, Contains = ["webex meeting id"] };

    internal static ParameterDefinition HostEmail { get; } = new() { Name = "host_email", Description = "Delete a meeting hosted by this user (needs admin-level scopes)", Format = ParameterFormat.EmailAddress, Contains = ["email"] };

    internal static ParameterDefinition SendEmail { get; } = new() { Name = "send_email", Description = "Whether Webex e-mails the host and invitees about the cancellation (Webex's default: true)", Type = ParameterType.Boolean };

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "delete_meeting",
        Name = "delete meeting",
        Description = "Delete (cancel) a Webex meeting series or scheduled meeting by id, e.g. one a compromised account scheduled; it cannot be recovered",
        Type = ActionType.Contain,
        ReadOnly = false,
        WebexCall = "DELETE /meetings/{meetingId}",
        RequiredScopes = ["meeting:schedules_write"],
        FailureMessagePrefix = "Error deleting meeting",
        UncertainOutcomeNote = "The meeting may or may not have been deleted; get its details before trying again.",
        Parameters = [MeetingId, HostEmail, SendEmail],
        CreateHandler = services => new DeleteMeetingAction(services.GetRequiredService<IMeetingsApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var meetingId = parameters.GetRequiredString(MeetingId);
        using var response = await meetings.DeleteMeetingAsync(
            meetingId, parameters.GetString(HostEmail), QueryFlag.From(parameters.GetBoolean(SendEmail)), cancellationToken).ConfigureAwait(false);
        await WebexResponses.EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return HandlerResult.Success("Meeting deleted");
    }
}
