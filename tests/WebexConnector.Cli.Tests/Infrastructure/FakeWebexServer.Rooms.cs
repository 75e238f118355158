using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>The fake's <c>/rooms</c> routes: list (cursor paging), create, get and update one room.</summary>
public sealed partial class FakeWebexServer
{
    private const string RoomsPrefix = "/v1/rooms/";
    private const string OrgId = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9lMmUtb3Jn";

    private FakeResponse? RouteRooms(RecordedRequest r)
    {
        if (r.Path == "/v1/rooms")
        {
            return r.Method switch
            {
                "GET" => GetRooms(r),
                "POST" => PostRoom(r),
                _ => null,
            };
        }

        // Kestrel decodes the path except %2F, so an id escaped by the client is one segment here.
        if (!r.Path.StartsWith(RoomsPrefix, StringComparison.Ordinal) || r.Path.Length == RoomsPrefix.Length
            || r.Path.IndexOf('/', RoomsPrefix.Length) >= 0)
        {
            return null;
        }

        var roomId = Uri.UnescapeDataString(r.Path[RoomsPrefix.Length..]);
        return r.Method switch
        {
            "GET" => GetRoom(roomId),
            "PUT" => PutRoom(roomId, r),
            _ => null,
        };
    }

    private sealed record RoomFilters(string? Type, string? SortBy, string? TeamId);

    // The filters ride in the cursor; type and sortBy are checked on every page, after max.
    private FakeResponse GetRooms(RecordedRequest r) => _pager.Page<RoomFilters>(
        r,
        "rooms",
        first => (new RoomFilters(first.QueryValue("type"), first.QueryValue("sortBy"), first.QueryValue("teamId")), null),
        filters => _rooms
            .Where(room => filters.Type is null || (string?)room["type"] == filters.Type)
            .Where(room => filters.TeamId is null || (string?)room["teamId"] == filters.TeamId),
        pageCap: _ => RoomsPageSizeCap,
        check: filters => filters switch
        {
            { Type: not (null or "direct" or "group") } => Error(400, "Invalid room type."),
            { SortBy: not (null or "id" or "lastactivity" or "created") } => Error(400, "Invalid sortBy value."),
            _ => null,
        },
        linkHeader: RoomsLinkHeader);

    private FakeResponse PostRoom(RecordedRequest r)
    {
        if (ReadRoomBody(r, out var body) is { } invalid)
        {
            return invalid;
        }

        var now = Timestamp(DateTimeOffset.UtcNow);
        var room = new JsonObject
        {
            ["id"] = WebexId("ROOM", Guid.NewGuid()),
            ["title"] = (string?)body["title"],
            ["type"] = "group",
            ["isLocked"] = Flag(body, "isLocked"),
        };
        CopyIfPresent(body, room, "teamId");
        room["lastActivity"] = now;
        room["creatorId"] = Me["id"]!.GetValue<string>();
        room["created"] = now;
        room["ownerId"] = OrgId;
        CopyIfPresent(body, room, "classificationId");
        room["isAnnouncementOnly"] = Flag(body, "isAnnouncementOnly");
        room["isReadOnly"] = false;
        room["isPublic"] = Flag(body, "isPublic");
        if (Flag(body, "isPublic"))
        {
            room["madePublic"] = now;
        }

        CopyIfPresent(body, room, "description");
        if (RoomRuleError(room) is { } broken)
        {
            return broken;
        }

        lock (_gate)
        {
            _rooms.Add((JsonObject)room.DeepClone());
        }

        return Json(200, room);
    }

    private FakeResponse GetRoom(string roomId)
    {
        lock (_gate)
        {
            var index = RoomIndex(roomId);
            return index < 0 ? Error(404, "The requested resource could not be found.") : Json(200, _rooms[index]);
        }
    }

    /// <summary>
    /// The body is the room's settings as a whole: a flag left out is reset to false (the strict reading of the
    /// spec, under which an update that does not send the current flags changes them). Left-out ids and the
    /// description are kept; a description of one space removes it, as Webex documents.
    /// </summary>
    private FakeResponse PutRoom(string roomId, RecordedRequest r)
    {
        if (ReadRoomBody(r, out var body) is { } invalid)
        {
            return invalid;
        }

        lock (_gate)
        {
            var index = RoomIndex(roomId);
            if (index < 0)
            {
                return Error(404, "The requested resource could not be found.");
            }

            var room = (JsonObject)_rooms[index].DeepClone();
            var team = (string?)body["teamId"];
            if (team is not null && room["teamId"] is JsonValue current && (string?)current != team)
            {
                return Error(400, "Assignment between teams is unsupported.");
            }

            room["title"] = (string?)body["title"];
            CopyIfPresent(body, room, "teamId");
            CopyIfPresent(body, room, "classificationId");
            room["isLocked"] = Flag(body, "isLocked");
            room["isAnnouncementOnly"] = Flag(body, "isAnnouncementOnly");
            CopyIfPresent(body, room, "isReadOnly");
            var wasPublic = Flag(room, "isPublic");
            room["isPublic"] = Flag(body, "isPublic");
            if (!Flag(body, "isPublic"))
            {
                room.Remove("madePublic");
            }
            else if (!wasPublic)
            {
                room["madePublic"] = Timestamp(DateTimeOffset.UtcNow);
            }

            if ((string?)body["description"] is { } description)
            {
                if (description == " ")
                {
                    room.Remove("description");
                }
                else
                {
                    room["description"] = description;
                }
            }

            if (RoomRuleError(room) is { } broken)
            {
                return broken;
            }

            _rooms[index] = room;
            return Json(200, room);
        }
    }

    /// <summary>Parses a POST/PUT body: a JSON object with a non-empty <c>title</c> and fields of the spec's types.</summary>
    private FakeResponse? ReadRoomBody(RecordedRequest r, out JsonObject body)
    {
        body = [];
        try
        {
            body = JsonNode.Parse(r.Body) as JsonObject ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            return Error(400, "Unable to parse the request body.");
        }

        foreach (var name in new[] { "title", "teamId", "classificationId", "description" })
        {
            if (body[name] is { } value && value.GetValueKind() != JsonValueKind.String)
            {
                return Error(400, $"Invalid value for field '{name}'.");
            }
        }

        foreach (var name in new[] { "isLocked", "isPublic", "isAnnouncementOnly", "isReadOnly" })
        {
            if (body[name] is { } value && value.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                return Error(400, $"Invalid value for field '{name}'.");
            }
        }

        return string.IsNullOrWhiteSpace((string?)body["title"]) ? Error(400, "title is required.") : null;
    }

    // The two rules the spec states for POST and PUT /rooms.
    private FakeResponse? RoomRuleError(JsonObject room)
    {
        if (Flag(room, "isAnnouncementOnly") && !Flag(room, "isLocked"))
        {
            return Error(400, "A space can only be put into announcement mode when it is locked.");
        }

        return Flag(room, "isPublic") && string.IsNullOrWhiteSpace((string?)room["description"])
            ? Error(400, "A public space must have a description.")
            : null;
    }

    // Caller holds _gate.
    private int RoomIndex(string roomId) => _rooms.FindIndex(room => (string?)room["id"] == roomId);

    private static bool Flag(JsonObject json, string name) => json[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static void CopyIfPresent(JsonObject from, JsonObject to, string name)
    {
        if (from[name] is { } value)
        {
            to[name] = value.DeepClone();
        }
    }
}
