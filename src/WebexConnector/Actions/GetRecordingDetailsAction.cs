using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary>
/// <c>get_recording_details</c>: one recording by id (<c>GET /recordings/{recordingId}</c>), or every recording of a
/// meeting (<c>GET /recordings?meetingId=</c>, then each by id). As in Splunk's SOAR Cisco Webex app 3.x, a meeting's
/// recordings are read one by one because only the details carry <c>temporaryDirectDownloadLinks</c>.
/// </summary>
internal sealed class GetRecordingDetailsAction(IRecordingsApi recordings) : IActionHandler
{
    /// <summary>Webex's largest page: "<c>max</c> must be equal to or greater than 1 and equal to or less than 100".</summary>
    public const int MaxPageSize = 100;

    /// <summary>
    /// At most this many recordings of one meeting are read (one request each); a meeting instance has a few, a long
    /// series can have hundreds, which one action result does not need.
    /// </summary>
    public const int MaxRecordingsPerMeeting = 100;

    internal static ParameterDefinition RecordingId { get; } = new() { Name = "recording_id", Description = "The recording (or give meeting_id)", Format = ParameterFormat.PathSegment, Contains = ["webex recording id"] };

    internal static ParameterDefinition MeetingId { get; } = new() { Name = "meeting_id", Description = $"Every recording of this meeting series, scheduled meeting or meeting instance, at most {MaxRecordingsPerMeeting} (or give recording_id)", Contains = ["webex meeting id"] };

    internal static ParameterDefinition HostEmail { get; } = new() { Name = "host_email", Description = "The meeting host, for an admin reading a user's recordings", Format = ParameterFormat.EmailAddress, Contains = ["email"] };

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "get_recording_details",
        Name = "get recording details",
        Description = "Get the details of a Webex meeting recording (download and playback links) by recording id, or of every recording of a meeting",
        Type = ActionType.Investigate,
        ReadOnly = true,
        WebexCall = "GET /recordings/{recordingId}; GET /recordings first for meeting_id",
        RequiredScopes = ["meeting:recordings_read"],
        FailureMessagePrefix = "Error getting recording details",
        Parameters = [RecordingId, MeetingId, HostEmail],
        Choices = [new(["recording_id", "meeting_id"], Required: true)],
        Output =
        [
            new("action_result.data.*.id", "string") { Contains = ["webex recording id"], IsTextColumn = true },
            new("action_result.data.*.topic", "string") { IsTextColumn = true },
            new("action_result.data.*.createTime", "string") { IsTextColumn = true },
            new("action_result.data.*.timeRecorded", "string"),
            new("action_result.data.*.meetingId", "string") { Contains = ["webex meeting id"] },
            new("action_result.data.*.scheduledMeetingId", "string") { Contains = ["webex meeting id"] },
            new("action_result.data.*.meetingSeriesId", "string") { Contains = ["webex meeting id"] },
            new("action_result.data.*.hostEmail", "string") { Contains = ["email"] },
            new("action_result.data.*.siteUrl", "string"),
            new("action_result.data.*.downloadUrl", "string") { Contains = ["url"] },
            new("action_result.data.*.playbackUrl", "string") { Contains = ["url"], IsTextColumn = true },
            new("action_result.data.*.temporaryDirectDownloadLinks.recordingDownloadLink", "string") { Contains = ["url"] },
            new("action_result.data.*.temporaryDirectDownloadLinks.audioDownloadLink", "string") { Contains = ["url"] },
            new("action_result.data.*.temporaryDirectDownloadLinks.transcriptDownloadLink", "string") { Contains = ["url"] },
            new("action_result.data.*.temporaryDirectDownloadLinks.expiration", "string"),
            new("action_result.data.*.format", "string"),
            new("action_result.data.*.serviceType", "string"),
            new("action_result.data.*.durationSeconds", "numeric"),
            new("action_result.data.*.sizeBytes", "numeric"),
            new("action_result.data.*.shareToMe", "boolean"),
            new("action_result.data.*.status", "string"),
            new("action_result.summary.total_recordings", "numeric"),
            OutputDataPath.SummaryMessage,
        ],
        CreateHandler = services => new GetRecordingDetailsAction(services.GetRequiredService<IRecordingsApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var hostEmail = parameters.GetString(HostEmail);
        if (parameters.GetString(RecordingId) is { } recordingId)
        {
            var recording = await GetAsync(recordingId, hostEmail, cancellationToken).ConfigureAwait(false);
            return Found([recording], more: false);
        }

        var meetingId = parameters.GetRequiredString(MeetingId);

        // One more than kept, to know whether the meeting has more recordings than are read.
        var listed = await WebexPager.CollectAsync(
            recordings.Client,
            (max, ct) => recordings.ListRecordingsAsync(meetingId, hostEmail, max, ct),
            MaxRecordingsPerMeeting + 1,
            MaxPageSize,
            cancellationToken)
            .ConfigureAwait(false);
        if (listed.Count == 0)
        {
            return HandlerResult.Success("No recording found for the meeting", [], Summary(0, "No recording found for the meeting"));
        }

        var details = new List<JsonElement>(Math.Min(listed.Count, MaxRecordingsPerMeeting));
        foreach (var item in listed.Take(MaxRecordingsPerMeeting))
        {
            // A listed recording without an id cannot be read in detail; it is returned as listed.
            details.Add(WebexIds.PathSegment(item, "id") is { } itemId
                ? await GetAsync(itemId, hostEmail, cancellationToken).ConfigureAwait(false)
                : item);
        }

        return Found(details, more: listed.Count > MaxRecordingsPerMeeting);
    }

    private async Task<JsonElement> GetAsync(string recordingId, string? hostEmail, CancellationToken cancellationToken)
    {
        using var response = await recordings.GetRecordingDetailsAsync(recordingId, hostEmail, cancellationToken).ConfigureAwait(false);
        return await WebexResponses.ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
    }

    private static HandlerResult Found(List<JsonElement> found, bool more)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"Recordings found: {found.Count}");
        message = more ? $"{message} (the meeting has more; only the first {MaxRecordingsPerMeeting} are read)" : message;
        return HandlerResult.Success(message, found, Summary(found.Count, message));
    }

    // summary.message is the data path Splunk's SOAR app 3.x offered.
    private static JsonObject Summary(int count, string message) => new() { ["total_recordings"] = count, ["message"] = message };
}
