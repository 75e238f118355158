using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary>
/// <c>ai_meeting_summary</c>: the AI-generated summary (notes and action items) of an ended meeting instance,
/// <c>GET /meetingSummaries?meetingId=</c>; a recording id is first resolved to its meeting with
/// <c>GET /recordings/{recordingId}</c>. Splunk's SOAR Cisco Webex app 3.x read an undocumented per-site stream by
/// recording id and site URL; this uses the documented endpoint, and accepts (and ignores) 3.x's <c>site_url</c>
/// so that 3.x playbooks still dispatch.
/// </summary>
internal sealed class AiMeetingSummaryAction(IMeetingSummariesApi summaries, IRecordingsApi recordings) : IActionHandler
{
    internal static ParameterDefinition MeetingId { get; } = new() { Name = "meeting_id", Description = "The ended meeting instance (not a series or scheduled meeting) whose summary to get (or give recording_id)", Contains = ["webex meeting id"] };

    internal static ParameterDefinition RecordingId { get; } = new() { Name = "recording_id", Description = "A recording of the meeting; its meeting's summary is returned (or give meeting_id); needs meeting:recordings_read too", Format = ParameterFormat.PathSegment, Contains = ["webex recording id"] };

    internal static ParameterDefinition SiteUrl { get; } = new() { Name = "site_url", Description = "Ignored: accepted so that playbooks written for the SOAR Cisco Webex app 3.x run unchanged; the documented summary endpoint needs no site" };

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "ai_meeting_summary",
        Name = "ai meeting summary",
        Description = "Get the AI-generated summary (notes and action items) of an ended Webex meeting, by meeting id or by the id of one of its recordings",
        Type = ActionType.Investigate,
        ReadOnly = true,
        WebexCall = "GET /meetingSummaries; GET /recordings/{recordingId} first for recording_id",
        RequiredScopes = ["meeting:summaries_read", "meeting:recordings_read"],
        FailureMessagePrefix = "Error getting meeting summary",
        Parameters = [MeetingId, RecordingId, SiteUrl],
        Choices = [new(["meeting_id", "recording_id"], Required: true)],
        Output =
        [
            new("action_result.data.*.id", "string") { IsTextColumn = true },
            new("action_result.data.*.meetingId", "string") { Contains = ["webex meeting id"], IsTextColumn = true },
            new("action_result.data.*.status", "string") { IsTextColumn = true },
            new("action_result.data.*.notes.content", "string") { Contains = ["webex meeting notes"] },
            new("action_result.data.*.actionItems.*.content", "string") { Contains = ["webex meeting actions items"] },
            new("action_result.summary.total_summaries", "numeric"),
            new("action_result.summary.meeting_id", "string") { Contains = ["webex meeting id"] },
        ],
        CreateHandler = services => new AiMeetingSummaryAction(
            services.GetRequiredService<IMeetingSummariesApi>(), services.GetRequiredService<IRecordingsApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var meetingId = parameters.GetString(MeetingId);
        if (meetingId is null)
        {
            var recordingId = parameters.GetRequiredString(RecordingId);
            using var recordingResponse = await recordings.GetRecordingDetailsAsync(recordingId, hostEmail: null, cancellationToken).ConfigureAwait(false);
            var recording = await WebexResponses.ReadObjectAsync(recordingResponse, cancellationToken).ConfigureAwait(false);
            meetingId = recording.TryGetProperty("meetingId", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            if (string.IsNullOrEmpty(meetingId))
            {
                return HandlerResult.Failure($"{Definition.FailureMessagePrefix}. Webex's recording has no meetingId, so its meeting's summary cannot be asked for.");
            }
        }

        using var response = await summaries.GetMeetingSummaryAsync(meetingId, cancellationToken).ConfigureAwait(false);
        var found = await ReadSummariesAsync(response, cancellationToken).ConfigureAwait(false);
        var summary = new JsonObject { ["total_summaries"] = found.Count, ["meeting_id"] = meetingId };
        return found.Count == 0
            ? HandlerResult.Success("No meeting summary found for the meeting", [], summary)
            : HandlerResult.Success(string.Create(CultureInfo.InvariantCulture, $"Meeting summary found ({found.Count})"), found, summary);
    }

    // The spec answers {"items": [summary]}; a bare summary object (as some Webex documentation shows) is one summary.
    private static async Task<IReadOnlyList<JsonElement>> ReadSummariesAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await WebexResponses.ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
        if (!body.TryGetProperty("items", out var items))
        {
            return [body];
        }

        return items.ValueKind == JsonValueKind.Array
            ? [.. items.EnumerateArray()]
            : throw new WebexApiException(response.StatusCode, "Webex answered with an 'items' that is not a list.", null);
    }
}
