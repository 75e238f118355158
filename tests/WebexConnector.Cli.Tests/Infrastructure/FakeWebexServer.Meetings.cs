using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>
/// The fake's <c>/meetings</c> routes, checked against the meetings OpenAPI spec: <c>POST /v1/meetings</c> (only the spec's
/// property names, <c>title</c>/<c>start</c>/<c>end</c> required unless ad-hoc, <c>roomId</c> required when ad-hoc, the spec's
/// enumerations), <c>GET /v1/meetings</c> (only the spec's query parameters and values, <c>max</c> 1–100, <c>Link</c> paging),
/// <c>GET</c> and <c>DELETE /v1/meetings/{meetingId}</c>. Answers are shaped like the spec's examples.
/// </summary>
public sealed partial class FakeWebexServer
{
    /// <summary>Webex's largest page for <c>GET /meetings</c>.</summary>
    public const int MeetingsMaxPageSize = 100;

    private const string MeetingsPrefix = "/v1/meetings/";

    private static readonly HashSet<string> CreateMeetingProperties = new(StringComparer.Ordinal)
    {
        "adhoc", "roomId", "templateId", "title", "agenda", "password", "start", "end", "timezone", "recurrence", "enabledAutoRecordMeeting",
        "allowAnyUserToBeCoHost", "enabledJoinBeforeHost", "enableConnectAudioBeforeHost", "joinBeforeHostMinutes", "excludePassword",
        "publicMeeting", "reminderTime", "unlockedMeetingJoinSecurity", "sessionTypeId", "scheduledType", "enabledWebcastView",
        "panelistPassword", "enableAutomaticLock", "automaticLockMinutes", "allowFirstUserToBeCoHost", "allowAuthenticatedDevices",
        "invitees", "sendEmail", "hostEmail", "siteUrl", "meetingOptions", "attendeePrivileges", "registration", "integrationTags",
        "simultaneousInterpretation", "enabledBreakoutSessions", "breakoutSessions", "trackingCodes", "enabledAudioWatermark",
        "enabledVisualWatermark", "visualWatermarkOpacity", "audioConnectionOptions", "requireAttendeeLogin", "restrictToInvitees",
        "enabledLiveStream", "liveStream",
    };

    private static readonly HashSet<string> InviteeProperties = new(StringComparer.Ordinal) { "email", "displayName", "coHost", "panelist" };

    private static readonly HashSet<string> ListMeetingsQuery = new(StringComparer.Ordinal)
    {
        "meetingNumber", "webLink", "roomId", "meetingSeriesId", "max", "from", "to", "meetingType", "state", "scheduledType", "isModified",
        "hasChat", "hasRecording", "hasTranscription", "hasSummary", "hasClosedCaption", "hasPolls", "hasQA", "hasSlido", "current",
        "hostEmail", "siteUrl", "integrationTag", "cursor",
    };

    private static readonly string[] MeetingTypes = ["meetingSeries", "scheduledMeeting", "meeting"];
    private static readonly string[] MeetingStates = ["active", "scheduled", "ready", "lobby", "inProgress", "ended", "missed", "expired"];
    private static readonly string[] ScheduledTypes = ["meeting", "webinar", "personalRoomMeeting"];
    private static readonly string[] JoinSecurities = ["allowJoin", "allowJoinWithLobby", "blockFromJoin"];
    private static readonly string[] BooleanFilters = ["hasRecording", "hasTranscription", "hasSummary"];

    private readonly List<JsonObject> _meetings = [];
    private readonly List<JsonObject> _deletedMeetings = [];
    private readonly List<JsonObject> _scheduledMeetingBodies = [];
    private int _meetingCounter;

    /// <summary>Every meeting the fake holds now (not deleted), in the order added or scheduled.</summary>
    public IReadOnlyList<JsonObject> StoredMeetings => Snapshot(_meetings);

    /// <summary>Meetings deleted through <c>DELETE /v1/meetings/{id}</c>, in order.</summary>
    public IReadOnlyList<JsonObject> DeletedMeetings => Snapshot(_deletedMeetings);

    /// <summary>The bodies of accepted <c>POST /v1/meetings</c> requests, in order.</summary>
    public IReadOnlyList<JsonObject> ScheduleRequests => Snapshot(_scheduledMeetingBodies);

    /// <summary>
    /// Adds <paramref name="count"/> meeting series hosted by <see cref="Me"/>, one a day from 2024-01-15T09:30Z, shaped like
    /// the spec's list example, and returns them in the order listed.
    /// </summary>
    public IReadOnlyList<JsonObject> AddMeetings(int count, string state = "active", string? roomId = null, bool hasRecording = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 20_000);
        var added = new List<JsonObject>(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                var n = ++_meetingCounter;
                var start = Epoch.AddDays(i);
                var meeting = MakeMeeting(n, $"IR sync {n.ToString("D4", CultureInfo.InvariantCulture)}", start, start.AddHours(1), "UTC");
                meeting["state"] = state;
                meeting["hasRecording"] = hasRecording;
                if (roomId is not null)
                {
                    meeting["roomId"] = roomId;
                }

                _meetings.Add(meeting);
                added.Add((JsonObject)meeting.DeepClone());
            }
        }

        return added;
    }

    private IReadOnlyList<JsonObject> Snapshot(List<JsonObject> list)
    {
        lock (_gate)
        {
            return [.. list.Select(m => (JsonObject)m.DeepClone())];
        }
    }

    // Shaped like the spec's MeetingSeriesObject example.
    private JsonObject MakeMeeting(int n, string title, DateTimeOffset start, DateTimeOffset end, string timezone)
    {
        var id = "870f51ff287b41be" + n.ToString("x16", CultureInfo.InvariantCulture);
        var number = (123_456_000 + n).ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["id"] = id,
            ["meetingNumber"] = number,
            ["title"] = title,
            ["password"] = "BgJep@43",
            ["phoneAndVideoSystemPassword"] = "12345678",
            ["meetingType"] = "meetingSeries",
            ["state"] = "active",
            ["timezone"] = timezone,
            ["start"] = start.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture).Replace("+00:00", "Z", StringComparison.Ordinal),
            ["end"] = end.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture).Replace("+00:00", "Z", StringComparison.Ordinal),
            ["hostUserId"] = Me["id"]!.GetValue<string>(),
            ["hostDisplayName"] = Me["displayName"]!.GetValue<string>(),
            ["hostEmail"] = Me["emails"]![0]!.GetValue<string>(),
            ["hostKey"] = "123456",
            ["siteUrl"] = "site4-example.webex.com",
            ["webLink"] = $"https://site4-example.webex.com/site4/j.php?MTID=m{id}",
            ["sipAddress"] = $"{number}@site4-example.webex.com",
            ["dialInIpAddress"] = "192.168.100.100",
            ["enabledAutoRecordMeeting"] = false,
            ["allowAnyUserToBeCoHost"] = false,
            ["enabledJoinBeforeHost"] = false,
            ["enableConnectAudioBeforeHost"] = false,
            ["joinBeforeHostMinutes"] = 0,
            ["excludePassword"] = false,
            ["publicMeeting"] = false,
            ["reminderTime"] = 10,
            ["unlockedMeetingJoinSecurity"] = "allowJoin",
            ["sessionTypeId"] = 3,
            ["scheduledType"] = "meeting",
            ["enableAutomaticLock"] = false,
            ["automaticLockMinutes"] = 0,
            ["telephony"] = new JsonObject
            {
                ["accessCode"] = "1234567890",
                ["callInNumbers"] = new JsonArray(new JsonObject { ["label"] = "US Toll", ["callInNumber"] = "123456789", ["tollType"] = "toll" }),
            },
            ["futureMeetingField"] = new JsonObject { ["nested"] = new JsonArray(1, 2) },
        };
    }

    private FakeResponse? RouteMeetings(RecordedRequest r)
    {
        if (r.Path == "/v1/meetings")
        {
            return r.Method switch
            {
                "POST" => PostMeeting(r),
                "GET" => ListMeetings(r),
                _ => null,
            };
        }

        if (!r.Path.StartsWith(MeetingsPrefix, StringComparison.Ordinal) || r.Path.Length == MeetingsPrefix.Length
            || r.Path.IndexOf('/', MeetingsPrefix.Length) >= 0)
        {
            return null;
        }

        var id = Uri.UnescapeDataString(r.Path[MeetingsPrefix.Length..]);
        return r.Method switch
        {
            "GET" => UnknownQuery(r, "current", "hostEmail") ?? BooleanQuery(r, "current") ?? GetMeeting(id),
            "DELETE" => UnknownQuery(r, "hostEmail", "sendEmail") ?? BooleanQuery(r, "sendEmail") ?? DeleteMeeting(id),
            _ => null,
        };
    }

    private FakeResponse? UnknownQuery(RecordedRequest r, params string[] allowed) =>
        r.Query.Keys.FirstOrDefault(key => !allowed.Contains(key, StringComparer.Ordinal)) is { } unknown
            ? Error(400, $"Unknown query parameter '{unknown}'.")
            : null;

    private FakeResponse? BooleanQuery(RecordedRequest r, string name) =>
        r.QueryValue(name) is { } value && value is not ("true" or "false") ? Error(400, $"Invalid value for {name}: '{value}'.") : null;

    private FakeResponse GetMeeting(string id)
    {
        lock (_gate)
        {
            var meeting = _meetings.Find(m => (string?)m["id"] == id);
            return meeting is null ? Error(404, "The requested resource could not be found.") : Json(200, meeting.DeepClone());
        }
    }

    private FakeResponse DeleteMeeting(string id)
    {
        lock (_gate)
        {
            var meeting = _meetings.Find(m => (string?)m["id"] == id);
            if (meeting is null)
            {
                return Error(404, "The requested resource could not be found.");
            }

            _meetings.Remove(meeting);
            _deletedMeetings.Add(meeting);
            return new FakeResponse(204, Body: null, ContentType: null);
        }
    }

    private sealed record MeetingFilters(
        string? RoomId, string MeetingType, string? State, DateTimeOffset? From, DateTimeOffset? To, Dictionary<string, bool> Flags, string? HostEmail);

    private FakeResponse ListMeetings(RecordedRequest r)
    {
        if (r.Query.Keys.FirstOrDefault(key => !ListMeetingsQuery.Contains(key)) is { } unknown)
        {
            return Error(400, $"Unknown query parameter '{unknown}'.");
        }

        if (r.QueryValue("max") is { } maxText && int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max > MeetingsMaxPageSize)
        {
            return Error(400, "max cannot exceed 100.");
        }

        return _pager.Page<MeetingFilters>(
            r,
            "meetings",
            ReadMeetingFilters,
            filters => _meetings.Where(m => MeetingMatches(m, filters)),
            defaultMax: 10);
    }

    private (MeetingFilters?, FakeResponse?) ReadMeetingFilters(RecordedRequest r)
    {
        var meetingType = r.QueryValue("meetingType") ?? "meetingSeries";
        var state = r.QueryValue("state");
        if (!MeetingTypes.Contains(meetingType, StringComparer.Ordinal))
        {
            return (null, Error(400, $"Invalid meetingType: {meetingType}."));
        }

        if (state is not null && !MeetingStates.Contains(state, StringComparer.Ordinal))
        {
            return (null, Error(400, $"Invalid state: {state}."));
        }

        var flags = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var name in BooleanFilters)
        {
            if (r.QueryValue(name) is { } value)
            {
                if (value is not ("true" or "false"))
                {
                    return (null, Error(400, $"Invalid value for {name}: '{value}'."));
                }

                flags[name] = value == "true";
            }
        }

        if (!TryReadEventTime(r.QueryValue("from"), out var from) || !TryReadEventTime(r.QueryValue("to"), out var to))
        {
            return (null, Error(400, "from and to must be ISO 8601 date and times."));
        }

        return from > to
            ? (null, Error(400, "from cannot be after to."))
            : (new MeetingFilters(r.QueryValue("roomId"), meetingType, state, from, to, flags, r.QueryValue("hostEmail")), null);
    }

    private static bool MeetingMatches(JsonObject meeting, MeetingFilters filters)
    {
        var start = DateTimeOffset.Parse((string)meeting["start"]!, CultureInfo.InvariantCulture, DateTimeStyles.None);
        return (filters.RoomId is null || (string?)meeting["roomId"] == filters.RoomId)
            && (filters.RoomId is not null || (string?)meeting["meetingType"] == filters.MeetingType)
            && (filters.State is null || (string?)meeting["state"] == filters.State)
            && (filters.From is null || start >= filters.From)
            && (filters.To is null || start < filters.To)
            && (filters.HostEmail is null || string.Equals((string?)meeting["hostEmail"], filters.HostEmail, StringComparison.OrdinalIgnoreCase))
            && filters.Flags.All(flag => (meeting[flag.Key]?.GetValue<bool>() ?? false) == flag.Value);
    }

    private FakeResponse PostMeeting(RecordedRequest r)
    {
        JsonObject body;
        try
        {
            body = JsonNode.Parse(r.Body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            return Error(400, "Unable to parse the request body.");
        }

        if (CreateMeetingError(body) is { } invalid)
        {
            return Error(400, invalid);
        }

        var adhoc = body["adhoc"]?.GetValue<bool>() == true;
        var start = adhoc ? DateTimeOffset.UtcNow.AddMinutes(5) : DateTimeOffset.Parse(AsText(body["start"])!, CultureInfo.InvariantCulture, DateTimeStyles.None);
        var end = adhoc ? DateTimeOffset.UtcNow.AddMinutes(20) : DateTimeOffset.Parse(AsText(body["end"])!, CultureInfo.InvariantCulture, DateTimeStyles.None);
        lock (_gate)
        {
            var meeting = MakeMeeting(++_meetingCounter, AsText(body["title"]) ?? Me["displayName"]!.GetValue<string>(), start, end, adhoc ? "UTC" : AsText(body["timezone"]) ?? "UTC");
            foreach (var name in new[] { "agenda", "password", "recurrence", "roomId", "scheduledType", "unlockedMeetingJoinSecurity", "hostEmail" })
            {
                if (body[name] is { } value)
                {
                    meeting[name] = value.DeepClone();
                }
            }

            foreach (var name in new[] { "enabledAutoRecordMeeting", "allowAnyUserToBeCoHost", "enabledJoinBeforeHost", "enableConnectAudioBeforeHost", "joinBeforeHostMinutes", "publicMeeting", "reminderTime", "sessionTypeId", "enableAutomaticLock", "automaticLockMinutes" })
            {
                if (body[name] is { } value && !adhoc)
                {
                    meeting[name] = value.DeepClone();
                }
            }

            _meetings.Add(meeting);
            _scheduledMeetingBodies.Add((JsonObject)body.DeepClone());
            return Json(200, meeting.DeepClone());
        }
    }

    // The spec's CreateMeetingObject: its property names only, its required fields, its enumerations.
    private static string? CreateMeetingError(JsonObject body)
    {
        if (body.Select(p => p.Key).FirstOrDefault(name => !CreateMeetingProperties.Contains(name)) is { } unknown)
        {
            return $"Unknown property '{unknown}'.";
        }

        var adhoc = body["adhoc"] is JsonValue flag && flag.TryGetValue<bool>(out var isAdhoc) && isAdhoc;
        if (adhoc && AsText(body["roomId"]) is null)
        {
            return "roomId is required when adhoc is true.";
        }

        if (!adhoc)
        {
            foreach (var name in new[] { "title", "start", "end" })
            {
                if (AsText(body[name]) is null)
                {
                    return $"{name} is required.";
                }
            }

            if (!DateTimeOffset.TryParse(AsText(body["start"]), CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !DateTimeOffset.TryParse(AsText(body["end"]), CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            {
                return "start and end must be ISO 8601 date and times.";
            }

            if (end <= start)
            {
                return "end cannot be before start.";
            }
        }

        if (AsText(body["scheduledType"]) is { } scheduledType && !ScheduledTypes.Contains(scheduledType, StringComparer.Ordinal))
        {
            return $"Invalid scheduledType: {scheduledType}.";
        }

        if (AsText(body["unlockedMeetingJoinSecurity"]) is { } security && !JoinSecurities.Contains(security, StringComparer.Ordinal))
        {
            return $"Invalid unlockedMeetingJoinSecurity: {security}.";
        }

        return body["invitees"] switch
        {
            null => null,
            JsonArray invitees when invitees.All(i => i is JsonObject o && AsText(o["email"]) is not null && o.All(p => InviteeProperties.Contains(p.Key))) => null,
            _ => "invitees must be a list of objects with an email (and displayName, coHost, panelist).",
        };
    }
}
