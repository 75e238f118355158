using System.Globalization;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>
/// The fake's meeting-record routes, answering like the meetings spec (shapes from its examples):
/// <c>GET /v1/meetingParticipants</c> (<c>meetingId</c> required; <c>breakoutSessionId</c>, <c>hostEmail</c>,
/// <c>joinTimeFrom</c>/<c>joinTimeTo</c> filter, <c>meetingStartTimeFrom</c>/<c>To</c> accepted; <c>max</c> 1–100,
/// default 10, Link paging), <c>GET /v1/recordings?meetingId=</c> (the listing has no <c>temporaryDirectDownloadLinks</c>)
/// and <c>GET /v1/recordings/{id}</c>, <c>GET /v1/meetingSummaries?meetingId=</c> (<c>{"items": [...]}</c>),
/// <c>GET /v1/meetingTranscripts?meetingId=</c> and <c>GET /v1/meetingTranscripts/{id}/download?format=vtt|txt</c>
/// (text, default vtt as in the spec). A query parameter the spec does not declare for the path is answered 400.
/// Seed with <see cref="AddParticipants"/>, <see cref="AddRecording"/>, <see cref="AddMeetingSummary"/>,
/// <see cref="AddTranscript"/>.
/// </summary>
public sealed partial class FakeWebexServer
{
    /// <summary>The spec's largest page for these listings ("up to 100").</summary>
    public const int MaxMeetingRecordsPage = 100;

    public const string MeetingIdRequiredMessage = "meetingId is required.";

    private static readonly string[] ParticipantQuery =
        ["meetingId", "breakoutSessionId", "meetingStartTimeFrom", "meetingStartTimeTo", "hostEmail", "joinTimeFrom", "joinTimeTo", "max"];

    private static readonly string[] RecordingsQuery =
        ["max", "from", "to", "meetingId", "hostEmail", "siteUrl", "integrationTag", "topic", "format", "serviceType", "status"];

    // GET /recordings?meetingId= takes a series, scheduled meeting or instance id.
    private static readonly string[] RecordingMeetingKeys = ["meetingId", "scheduledMeetingId", "meetingSeriesId"];

    private static readonly string[] TranscriptsQuery = ["max", "from", "to", "meetingId", "hostEmail", "siteUrl"];

    private readonly List<JsonObject> _participants = [];
    private readonly List<JsonObject> _recordings = [];
    private readonly List<JsonObject> _summaries = [];
    private readonly List<(JsonObject Item, string Txt, string Vtt)> _transcripts = [];
    private int _meetingRecordCounter;

    /// <summary>
    /// Adds <paramref name="count"/> participants of <paramref name="meetingId"/> shaped like the spec's example
    /// (<c>Participant 001</c>, <c>participant.001@example.com</c>, joined a minute apart from
    /// <paramref name="firstJoined"/>, default 2024-01-15T09:30Z), each with an unknown field, and returns them.
    /// </summary>
    public IReadOnlyList<JsonObject> AddParticipants(string meetingId, int count, DateTimeOffset? firstJoined = null, string? breakoutSessionId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 20_000);
        var added = new List<JsonObject>(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                var n = (++_meetingRecordCounter).ToString("D3", CultureInfo.InvariantCulture);
                var joined = (firstJoined ?? Epoch).AddMinutes(i);
                var participant = new JsonObject
                {
                    ["id"] = $"560d7b784f5143e3be2fc3064a5c4999_{n}2e2338-e950-43bf-b588-573773ee43d1",
                    ["orgId"] = "1eb65fdf-9643-417f-9974-ad72cae0e10f",
                    ["host"] = i == 0,
                    ["coHost"] = false,
                    ["spaceModerator"] = false,
                    ["email"] = $"participant.{n}@example.com",
                    ["displayName"] = $"Participant {n}",
                    ["invitee"] = false,
                    ["muted"] = false,
                    ["meetingStartTime"] = Timestamp(firstJoined ?? Epoch),
                    ["video"] = "on",
                    ["state"] = "end",
                    ["breakoutSessionId"] = breakoutSessionId,
                    ["joinedTime"] = Timestamp(joined),
                    ["leftTime"] = Timestamp(joined.AddMinutes(30)),
                    ["siteUrl"] = "example.webex.com",
                    ["meetingId"] = meetingId,
                    ["hostEmail"] = "erin.operator@example.com",
                    ["devices"] = new JsonArray(new JsonObject
                    {
                        ["correlationId"] = $"8ccced6c-b812-4dff-a5dd-4c5c28f8d{n}",
                        ["deviceType"] = "webex_meeting_center_mac",
                        ["audioType"] = "voip",
                        ["joinedTime"] = Timestamp(joined),
                        ["leftTime"] = Timestamp(joined.AddMinutes(30)),
                        ["durationSecond"] = 1800,
                        ["callType"] = "callIn",
                    }),
                    ["sourceId"] = "cisco",
                    ["futureParticipantField"] = new JsonObject { ["label"] = "ünïcødé ✓" },
                };
                _participants.Add(participant);
                added.Add(participant);
            }
        }

        return added;
    }

    /// <summary>
    /// Adds a recording of <paramref name="meetingId"/> shaped like the spec's details example (with
    /// <c>temporaryDirectDownloadLinks</c>, which only <c>GET /v1/recordings/{id}</c> serves) and returns it.
    /// </summary>
    public JsonObject AddRecording(string meetingId, string topic = "Incident bridge", string? id = null)
    {
        lock (_gate)
        {
            var n = (++_meetingRecordCounter).ToString("D4", CultureInfo.InvariantCulture);
            var recording = new JsonObject
            {
                ["id"] = id ?? $"4f914b1dfe3c4d11a61730f18c0f{n}",
                ["meetingId"] = meetingId,
                ["scheduledMeetingId"] = meetingId.Split("_I_")[0] + "_20240115T093000Z",
                ["meetingSeriesId"] = meetingId.Split("_I_")[0],
                ["topic"] = topic,
                ["createTime"] = Timestamp(Epoch.AddHours(1)),
                ["timeRecorded"] = Timestamp(Epoch),
                ["siteUrl"] = "example.webex.com",
                ["downloadUrl"] = $"https://example.webex.com/example/lsr.php?RCID={n}",
                ["playbackUrl"] = $"https://example.webex.com/example/ldr.php?RCID={n}",
                ["password"] = "********",
                ["temporaryDirectDownloadLinks"] = new JsonObject
                {
                    ["recordingDownloadLink"] = $"https://example.webex.com/nbr/MultiThreadDownloadServlet?recordid={n}&ticket=t",
                    ["audioDownloadLink"] = $"https://example.webex.com/nbr/downloadMedia.do?recordid={n}&mediaType=1",
                    ["transcriptDownloadLink"] = $"https://example.webex.com/nbr/downloadMedia.do?recordid={n}&mediaType=2",
                    ["expiration"] = Timestamp(Epoch.AddDays(3)),
                },
                ["format"] = "MP4",
                ["serviceType"] = "MeetingCenter",
                ["durationSeconds"] = 1800,
                ["sizeBytes"] = 168103,
                ["shareToMe"] = false,
                ["integrationTags"] = new JsonArray(),
                ["status"] = "available",
            };
            _recordings.Add(recording);
            return recording;
        }
    }

    /// <summary>Adds the AI summary of <paramref name="meetingId"/> shaped like the spec's example and returns it.</summary>
    public JsonObject AddMeetingSummary(string meetingId, string notesHtml = "<p>The phishing mail reached three people.</p>", params string[] actionItems)
    {
        lock (_gate)
        {
            var summary = new JsonObject
            {
                ["id"] = $"75ddf169-eef0-45b4-9faa-{(++_meetingRecordCounter).ToString("D12", CultureInfo.InvariantCulture)}",
                ["meetingId"] = meetingId,
                ["status"] = "available",
                ["notes"] = new JsonObject { ["content"] = notesHtml },
                ["actionItems"] = new JsonArray([.. (actionItems.Length == 0 ? ["Reset the passwords"] : actionItems)
                    .Select(item => (JsonNode)new JsonObject { ["content"] = item })]),
            };
            _summaries.Add(summary);
            return summary;
        }
    }

    /// <summary>
    /// Adds a transcript of <paramref name="meetingId"/> (the list item, shaped like the spec's example, is returned);
    /// its download serves <paramref name="text"/> for <c>txt</c> and <paramref name="vtt"/> (default: the text as
    /// one WebVTT cue) for <c>vtt</c>.
    /// </summary>
    public JsonObject AddTranscript(string meetingId, string text, string? vtt = null)
    {
        lock (_gate)
        {
            var n = (++_meetingRecordCounter).ToString("D4", CultureInfo.InvariantCulture);
            var id = $"8ce1f918-c138-4041-bb4a-5e01eeaadedb_M_0fc6ec11d9b6c909e04e1f6c76ac{n}";
            var item = new JsonObject
            {
                ["id"] = id,
                ["startTime"] = Timestamp(Epoch),
                ["meetingId"] = meetingId,
                ["meetingTopic"] = "Incident bridge",
                ["siteUrl"] = "example.webex.com",
                ["scheduledMeetingId"] = meetingId.Split("_I_")[0] + "_20240115T093000Z",
                ["meetingSeriesId"] = meetingId.Split("_I_")[0],
                ["hostUserId"] = Me["id"]!.GetValue<string>(),
                ["vttDownloadLink"] = $"{BaseUrl}/meetingTranscripts/{id}/download?format=vtt",
                ["txtDownloadLink"] = $"{BaseUrl}/meetingTranscripts/{id}/download?format=txt",
                ["status"] = "available",
            };
            _transcripts.Add((item, text, vtt ?? $"WEBVTT\n\n1\n00:00:01.000 --> 00:00:05.000\n{text}\n"));
            return item;
        }
    }

    private FakeResponse? RouteMeetingRecords(RecordedRequest r)
    {
        if (r.Method != "GET")
        {
            return null;
        }

        const string recordingPrefix = "/v1/recordings/";
        const string transcriptPrefix = "/v1/meetingTranscripts/";
        return r.Path switch
        {
            "/v1/meetingParticipants" => GetParticipants(r),
            "/v1/recordings" => ListRecordings(r),
            "/v1/meetingSummaries" => GetSummaries(r),
            "/v1/meetingTranscripts" => ListTranscripts(r),
            _ when r.Path.StartsWith(recordingPrefix, StringComparison.Ordinal) => GetRecording(r, r.Path[recordingPrefix.Length..]),
            _ when r.Path.StartsWith(transcriptPrefix, StringComparison.Ordinal) && r.Path.EndsWith("/download", StringComparison.Ordinal)
                => DownloadTranscript(r, r.Path[transcriptPrefix.Length..^"/download".Length]),
            _ => null,
        };
    }

    private sealed record ParticipantFilters(string MeetingId, string? BreakoutSessionId, string? HostEmail, DateTimeOffset? JoinFrom, DateTimeOffset? JoinTo);

    private sealed record MeetingFilter(string? MeetingId);

    private FakeResponse GetParticipants(RecordedRequest r) => _pager.Page<ParticipantFilters>(
        r,
        "meetingParticipants",
        request =>
        {
            if (Rejection(request, ParticipantQuery, meetingIdRequired: true) is { } rejected)
            {
                return (null, rejected);
            }

            if (!TryReadEventTime(request.QueryValue("joinTimeFrom"), out var from) || !TryReadEventTime(request.QueryValue("joinTimeTo"), out var to))
            {
                return (null, Error(400, "Invalid joinTimeFrom or joinTimeTo."));
            }

            return (new ParticipantFilters(request.QueryValue("meetingId")!, request.QueryValue("breakoutSessionId"), request.QueryValue("hostEmail"), from, to), null);
        },
        filters => _participants.Where(p =>
            (string?)p["meetingId"] == filters.MeetingId
            && (filters.BreakoutSessionId is null || (string?)p["breakoutSessionId"] == filters.BreakoutSessionId)
            && (filters.HostEmail is null || string.Equals((string?)p["hostEmail"], filters.HostEmail, StringComparison.OrdinalIgnoreCase))
            && (filters.JoinFrom is null || JoinedAt(p) >= filters.JoinFrom)
            && (filters.JoinTo is null || JoinedAt(p) < filters.JoinTo)),
        defaultMax: 10);

    // The listing carries no temporary download links; GET /recordings/{id} does.
    private FakeResponse ListRecordings(RecordedRequest r) => _pager.Page<MeetingFilter>(
        r,
        "recordings",
        request => Rejection(request, RecordingsQuery, meetingIdRequired: false) is { } rejected
            ? (null, rejected)
            : (new MeetingFilter(request.QueryValue("meetingId")), null),
        filter => _recordings
            .Where(rec => filter.MeetingId is null || RecordingMeetingKeys.Any(key => (string?)rec[key] == filter.MeetingId))
            .Select(rec =>
            {
                var listed = rec.DeepClone().AsObject();
                listed.Remove("temporaryDirectDownloadLinks");
                return listed;
            }),
        defaultMax: 10);

    private FakeResponse GetRecording(RecordedRequest r, string id)
    {
        if (Rejection(r, ["hostEmail"], meetingIdRequired: false) is { } rejected)
        {
            return rejected;
        }

        lock (_gate)
        {
            return _recordings.FirstOrDefault(rec => (string?)rec["id"] == id) is { } recording
                ? Json(200, recording.DeepClone())
                : Error(404, "The requested resource could not be found.");
        }
    }

    private FakeResponse GetSummaries(RecordedRequest r)
    {
        if (Rejection(r, ["meetingId"], meetingIdRequired: true) is { } rejected)
        {
            return rejected;
        }

        lock (_gate)
        {
            var meetingId = r.QueryValue("meetingId");
            var items = _summaries.Where(s => (string?)s["meetingId"] == meetingId).Select(s => (JsonNode)s.DeepClone());
            return Json(200, new JsonObject { ["items"] = new JsonArray([.. items]) });
        }
    }

    private FakeResponse ListTranscripts(RecordedRequest r) => _pager.Page<MeetingFilter>(
        r,
        "meetingTranscripts",
        request => Rejection(request, TranscriptsQuery, meetingIdRequired: false) is { } rejected
            ? (null, rejected)
            : (new MeetingFilter(request.QueryValue("meetingId")), null),
        filter => _transcripts.Where(t => filter.MeetingId is null || (string?)t.Item["meetingId"] == filter.MeetingId).Select(t => t.Item),
        defaultMax: 10);

    private FakeResponse DownloadTranscript(RecordedRequest r, string id)
    {
        if (Rejection(r, ["format", "hostEmail"], meetingIdRequired: false) is { } rejected)
        {
            return rejected;
        }

        var format = r.QueryValue("format") ?? "vtt";
        if (format is not ("vtt" or "txt"))
        {
            return Error(400, $"Invalid format: {format}.");
        }

        lock (_gate)
        {
            if (_transcripts.FirstOrDefault(t => (string?)t.Item["id"] == id) is not { Item: not null } transcript)
            {
                return Error(404, "The requested resource could not be found.");
            }

            return format == "vtt"
                ? new FakeResponse(200, transcript.Vtt, "text/vtt;charset=UTF-8")
                : new FakeResponse(200, transcript.Txt, "text/plain;charset=UTF-8");
        }
    }

    // A query parameter the spec does not declare, a missing meetingId where Webex needs one, or a max over 100: 400.
    private FakeResponse? Rejection(RecordedRequest r, IReadOnlyCollection<string> allowed, bool meetingIdRequired)
    {
        if (r.Query.Keys.FirstOrDefault(key => !allowed.Contains(key, StringComparer.Ordinal)) is { } unknown)
        {
            return Error(400, $"Unknown query parameter: {unknown}.");
        }

        if (meetingIdRequired && string.IsNullOrEmpty(r.QueryValue("meetingId")))
        {
            return Error(400, MeetingIdRequiredMessage);
        }

        return r.QueryValue("max") is { } max
            && (!int.TryParse(max, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size is < 1 or > MaxMeetingRecordsPage)
            ? Error(400, $"max must be between 1 and {MaxMeetingRecordsPage.ToString(CultureInfo.InvariantCulture)}.")
            : null;
    }

    private static DateTimeOffset JoinedAt(JsonObject participant) =>
        DateTimeOffset.TryParse((string?)participant["joinedTime"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var joined)
            ? joined
            : DateTimeOffset.MinValue;
}
