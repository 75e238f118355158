using System.Globalization;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>
/// The fake's <c>/events</c> routes. <c>GET /v1/events</c> serves <see cref="AddEvents"/>'d events newest first,
/// filtered like Webex by <c>resource</c> and <c>type</c> (the spec's enumerations, 400 otherwise), <c>actorId</c>,
/// <c>from</c> (inclusive) and <c>to</c> (exclusive; ISO 8601, 400 when unreadable or in the future);
/// <c>serviceType=calling</c> is mandatory for <c>convergedRecordings</c>; <c>max</c> 1–1000 (default 100)
/// with <c>Link</c> pagination.
/// </summary>
public sealed partial class FakeWebexServer
{
    /// <summary>The spec's <c>resource</c> values for <c>GET /events</c>.</summary>
    public static readonly IReadOnlyList<string> EventResources =
    [
        "attachmentActions", "businessTexts", "call_records", "convergedRecordings", "file_transcodings", "files",
        "meetingMessages", "meetings", "meetingTranscripts", "memberships", "messages", "rooms", "tabs",
    ];

    /// <summary>The spec's <c>type</c> values for <c>GET /events</c>.</summary>
    public static readonly IReadOnlyList<string> EventTypes = ["created", "updated", "deleted", "ended"];

    private readonly List<JsonObject> _events = [];
    private int _eventCounter;

    /// <summary>Every event added so far, in the order added.</summary>
    public IReadOnlyList<JsonObject> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>
    /// Adds <paramref name="count"/> events shaped like the spec's example (a message <c>data</c> object), the
    /// first <paramref name="firstCreated"/> (default 2024-01-15T09:30Z), each <paramref name="interval"/>
    /// (default one minute) after the previous one, performed by <paramref name="actorId"/> (default <see cref="Me"/>),
    /// and returns them.
    /// </summary>
    public IReadOnlyList<JsonObject> AddEvents(
        int count,
        string resource = "messages",
        string type = "created",
        string? actorId = null,
        DateTimeOffset? firstCreated = null,
        TimeSpan? interval = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 20_000);
        var actor = actorId ?? Me["id"]!.GetValue<string>();
        var actorEmail = actorId is null ? Me["emails"]![0]!.GetValue<string>() : "actor@example.com";
        var start = firstCreated ?? Epoch;
        var step = interval ?? TimeSpan.FromMinutes(1);
        var added = new List<JsonObject>(count);
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                var n = ++_eventCounter;
                var created = Timestamp(start + (step * i));
                var item = new JsonObject
                {
                    ["id"] = WebexId("EVENT", n),
                    ["resource"] = resource,
                    ["type"] = type,
                    ["appId"] = "null",
                    ["actorId"] = actor,
                    ["orgId"] = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9lMmUtb3Jn",
                    ["created"] = created,
                    ["data"] = new JsonObject
                    {
                        ["id"] = WebexId(resource == "memberships" ? "MEMBERSHIP" : "MESSAGE", $"event-{n}"),
                        ["roomId"] = WebexId("ROOM", "audited"),
                        ["roomType"] = "group",
                        ["orgId"] = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9lMmUtb3Jn",
                        ["text"] = $"Audited message {n.ToString(CultureInfo.InvariantCulture)} ünïcødé ✓",
                        ["personId"] = actor,
                        ["personEmail"] = actorEmail,
                        ["created"] = created,
                    },
                    ["futureEventField"] = new JsonObject { ["nested"] = new JsonArray(1, 2) },
                };
                _events.Add(item);
                added.Add(item);
            }
        }

        return added;
    }

    /// <summary>Adds one event exactly as given (its JSON is served unchanged; it needs <c>created</c> to be listed in order).</summary>
    public void AddEvent(JsonObject item)
    {
        lock (_gate)
        {
            _events.Add(item);
        }
    }

    /// <summary>The order <c>GET /v1/events</c> lists events in: newest first (later added first on a tie).</summary>
    public static IEnumerable<JsonObject> InEventOrder(IEnumerable<JsonObject> events) =>
        events.Select((e, index) => (e, index))
            .OrderByDescending(x => CreatedAt(x.e))
            .ThenByDescending(x => x.index)
            .Select(x => x.e);

    private FakeResponse? RouteEvents(RecordedRequest r) => (r.Method, r.Path) switch
    {
        ("GET", "/v1/events") => GetEvents(r),
        _ => null,
    };

    private sealed record EventFilters(string? Resource, string? Type, string? ActorId, DateTimeOffset? From, DateTimeOffset? To);

    private FakeResponse GetEvents(RecordedRequest r) => _pager.Page<EventFilters>(
        r,
        "events",
        ReadEventFilters,
        filters => InEventOrder(_events.Where(e => EventMatches(e, filters))));

    // Checked on the first request only; later pages carry the checked filters in the cursor.
    private (EventFilters?, FakeResponse?) ReadEventFilters(RecordedRequest r)
    {
        var resource = r.QueryValue("resource");
        var type = r.QueryValue("type");
        if (resource is not null && !EventResources.Contains(resource, StringComparer.Ordinal))
        {
            return (null, Error(400, $"Invalid resource: {resource}."));
        }

        if (type is not null && !EventTypes.Contains(type, StringComparer.Ordinal))
        {
            return (null, Error(400, $"Invalid event type: {type}."));
        }

        if (resource == "convergedRecordings" && r.QueryValue("serviceType") != "calling")
        {
            return (null, Error(400, "serviceType is mandatory for convergedRecordings and must be calling."));
        }

        if (!TryReadEventTime(r.QueryValue("from"), out var from))
        {
            return (null, Error(400, $"Invalid 'from' date: {r.QueryValue("from")}."));
        }

        if (!TryReadEventTime(r.QueryValue("to"), out var to))
        {
            return (null, Error(400, $"Invalid 'to' date: {r.QueryValue("to")}."));
        }

        return to > DateTimeOffset.UtcNow
            ? (null, Error(400, "'to' cannot be a future date."))
            : (new EventFilters(resource, type, r.QueryValue("actorId"), from, to), null);
    }

    private static bool EventMatches(JsonObject item, EventFilters filters)
    {
        var created = CreatedAt(item);
        return (filters.Resource is null || (string?)item["resource"] == filters.Resource)
            && (filters.Type is null || (string?)item["type"] == filters.Type)
            && (filters.ActorId is null || (string?)item["actorId"] == filters.ActorId)
            && (filters.From is null || created >= filters.From)
            && (filters.To is null || created < filters.To);
    }

    private static DateTimeOffset CreatedAt(JsonObject item) =>
        DateTimeOffset.TryParse((string?)item["created"], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created)
            ? created
            : DateTimeOffset.MinValue;

    // Unset is fine; anything given must be an ISO 8601 date and time.
    private static bool TryReadEventTime(string? text, out DateTimeOffset? time)
    {
        time = null;
        if (text is null)
        {
            return true;
        }

        if (text.Length < 10 || text[4] != '-'
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        time = parsed;
        return true;
    }
}
