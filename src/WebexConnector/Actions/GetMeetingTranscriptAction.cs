using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary>
/// <c>get_meeting_transcript</c>: the transcript text of an ended meeting instance. <c>GET /meetingTranscripts?meetingId=</c>
/// finds the meeting's transcripts (normally one), then <c>GET /meetingTranscripts/{transcriptId}/download</c> fetches
/// each as text. The text goes into the action result, so it is capped (<see cref="MaxTextBytes"/> in all).
/// </summary>
internal sealed class GetMeetingTranscriptAction(IMeetingTranscriptsApi transcripts) : IActionHandler
{
    /// <summary>
    /// At most this many UTF-8 bytes of transcript text in one action result (1 MiB, about 15 hours of speech):
    /// a playbook platform stores the result whole and shows it in its UI.
    /// </summary>
    public const int MaxTextBytes = 1024 * 1024;

    /// <summary>At most this many transcripts of one meeting are read; a meeting instance normally has one.</summary>
    public const int MaxTranscripts = 10;

    /// <summary>Webex's largest page: "<c>max</c> must be equal to or greater than 1 and equal to or less than 100".</summary>
    public const int MaxPageSize = 100;

    internal static ParameterDefinition MeetingId { get; } = new() { Name = "meeting_id", Description = "The ended meeting instance (not a series or scheduled meeting) whose transcript to get", Required = true, Contains = ["webex meeting id"] };

    internal static ParameterDefinition Format { get; } = new() { Name = "format", Description = "Plain text (txt, the default) or WebVTT with cue timestamps (vtt)", AllowedValues = ["txt", "vtt"] };

    internal static ParameterDefinition HostEmail { get; } = new() { Name = "host_email", Description = "The meeting host, for an admin reading a user's meeting", Format = ParameterFormat.EmailAddress, Contains = ["email"] };

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "get_meeting_transcript",
        Name = "get meeting transcript",
        Description = $"Get the transcript text of an ended Webex meeting instance, as plain text or WebVTT; at most {MaxTextBytes / (1024 * 1024)} MiB (UTF-8) of text, cut with a note in the message beyond that",
        Type = ActionType.Investigate,
        ReadOnly = true,
        WebexCall = "GET /meetingTranscripts, GET /meetingTranscripts/{transcriptId}/download",
        RequiredScopes = ["meeting:transcripts_read"],
        FailureMessagePrefix = "Error getting meeting transcript",
        Parameters = [MeetingId, Format, HostEmail],
        Output =
        [
            new("action_result.data.*.transcriptId", "string") { Contains = ["webex transcript id"], IsTextColumn = true },
            new("action_result.data.*.meetingId", "string") { Contains = ["webex meeting id"] },
            new("action_result.data.*.meetingTopic", "string") { IsTextColumn = true },
            new("action_result.data.*.startTime", "string") { IsTextColumn = true },
            new("action_result.data.*.format", "string") { IsTextColumn = true },
            new("action_result.data.*.text", "string"),
            new("action_result.data.*.truncated", "boolean") { IsTextColumn = true },
            new("action_result.data.*.sizeBytes", "numeric"),
            new("action_result.summary.total_transcripts", "numeric"),
            new("action_result.summary.truncated", "boolean"),
        ],
        CreateHandler = services => new GetMeetingTranscriptAction(services.GetRequiredService<IMeetingTranscriptsApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var meetingId = parameters.GetRequiredString(MeetingId);
        var format = parameters.GetString(Format) ?? "txt";
        var hostEmail = parameters.GetString(HostEmail);
        var listed = await WebexPager.CollectAsync(
            transcripts.Client,
            (max, ct) => transcripts.ListMeetingTranscriptsAsync(meetingId, hostEmail, max, ct),
            MaxTranscripts,
            MaxPageSize,
            cancellationToken)
            .ConfigureAwait(false);

        var data = new List<JsonElement>(listed.Count);
        var budget = MaxTextBytes;
        var truncated = false;
        foreach (var transcript in listed)
        {
            var transcriptId = WebexIds.PathSegment(transcript, "id");
            if (transcriptId is null)
            {
                return HandlerResult.Failure($"{Definition.FailureMessagePrefix}. Webex listed a transcript without a usable id.");
            }

            // Once the cap is spent, later transcripts are named but not downloaded.
            var text = new WebexTextResponse.BoundedText(string.Empty, 0, Truncated: true);
            if (budget > 0)
            {
                using var response = await transcripts.DownloadMeetingTranscriptAsync(transcriptId, format, hostEmail, cancellationToken).ConfigureAwait(false);
                text = await WebexTextResponse.ReadAsync(response, budget, cancellationToken).ConfigureAwait(false);
                budget = text.Truncated ? 0 : budget - System.Text.Encoding.UTF8.GetByteCount(text.Text);
            }

            truncated |= text.Truncated;
            data.Add(Describe(transcript, transcriptId, format, text));
        }

        var summary = new JsonObject { ["total_transcripts"] = data.Count, ["truncated"] = truncated };
        return data.Count == 0
            ? HandlerResult.Success("No transcript found for the meeting", [], summary)
            : HandlerResult.Success(Message(data.Count, truncated), data, summary);
    }

    private static string Message(int count, bool truncated)
    {
        var message = string.Create(CultureInfo.InvariantCulture, $"Transcripts found: {count}");
        return truncated
            ? string.Create(CultureInfo.InvariantCulture, $"{message}. The transcript text was cut to the first {MaxTextBytes:N0} bytes (UTF-8) in all; data.*.truncated says which, data.*.sizeBytes gives the full size")
            : message;
    }

    // {transcriptId, meetingId, meetingTopic, startTime, format, text, truncated, sizeBytes}: what Webex listed, plus the text.
    private static JsonElement Describe(JsonElement transcript, string transcriptId, string format, WebexTextResponse.BoundedText text)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("transcriptId", transcriptId);
            foreach (var name in (string[])["meetingId", "meetingTopic", "startTime"])
            {
                if (transcript.TryGetProperty(name, out var value))
                {
                    writer.WritePropertyName(name);
                    value.WriteTo(writer);
                }
            }

            writer.WriteString("format", format);
            writer.WriteString("text", text.Text);
            writer.WriteBoolean("truncated", text.Truncated);
            if (text.TotalBytes > 0 || !text.Truncated)
            {
                writer.WriteNumber("sizeBytes", text.TotalBytes);
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
