using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>
/// The fake's <c>/memberships</c> routes, with Webex's rules: <c>GET</c> (Link paging with <c>max</c> 1–1000;
/// without <c>roomId</c> the token owner's own memberships; <c>personId</c>/<c>personEmail</c> only with
/// <c>roomId</c> unless <see cref="MembershipsComplianceOfficer"/>), <c>POST</c> (<c>roomId</c> and exactly one of
/// <c>personId</c>/<c>personEmail</c>; 409 for a member), <c>DELETE /memberships/{id}</c> (204, or 404).
/// </summary>
public sealed partial class FakeWebexServer
{
    private const string MembershipsPath = "/v1/memberships";

    private readonly List<JsonObject> _memberships = [];
    private int _membershipCounter;

    /// <summary>The memberships the server holds (created by tests or by <c>POST</c>), in order; a snapshot.</summary>
    public IReadOnlyList<JsonObject> Memberships
    {
        get
        {
            lock (_gate)
            {
                return [.. _memberships.Select(m => (JsonObject)m.DeepClone())];
            }
        }
    }

    /// <summary>When set, the token owner is a compliance officer: <c>GET</c> accepts a person filter without <c>roomId</c>
    /// and then answers every membership of that person.</summary>
    public bool MembershipsComplianceOfficer { get; set; }

    /// <summary>When set, <c>GET /v1/memberships</c> serves at most this many per page whatever <c>max</c> asked for.</summary>
    public int? MembershipsPageSizeCap { get; set; }

    /// <summary>Adds a membership of <paramref name="person"/> (a Person JSON, e.g. <see cref="Me"/> or one from
    /// <see cref="AddPerson(string, string)"/>) in <paramref name="roomId"/> and returns it.</summary>
    public JsonObject AddMembership(string roomId, JsonObject person, bool isModerator = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(roomId);
        ArgumentNullException.ThrowIfNull(person);
        lock (_gate)
        {
            var membership = NewMembership(roomId, person, isModerator);
            _memberships.Add(membership);
            return (JsonObject)membership.DeepClone();
        }
    }

    /// <summary>Adds <paramref name="count"/> memberships of generated people in <paramref name="roomId"/> and returns them.</summary>
    public IReadOnlyList<JsonObject> AddMemberships(string roomId, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 100_000);
        var added = new List<JsonObject>(count);
        for (var i = 0; i < count; i++)
        {
            var n = Interlocked.Increment(ref _membershipCounter);
            var seed = $"member-{n.ToString("D5", CultureInfo.InvariantCulture)}";
            added.Add(AddMembership(roomId, MakePerson(seed, $"Member {n.ToString(CultureInfo.InvariantCulture)}", $"{seed}@example.com")));
        }

        return added;
    }

    /// <summary>Adds one membership exactly as given (its JSON is served unchanged; <c>id</c>, <c>roomId</c> and
    /// <c>personId</c> drive the filters and <c>DELETE</c>).</summary>
    public void AddMembership(JsonObject membership)
    {
        ArgumentNullException.ThrowIfNull(membership);
        lock (_gate)
        {
            _memberships.Add((JsonObject)membership.DeepClone());
        }
    }

    private FakeResponse? RouteMemberships(RecordedRequest r)
    {
        if (r.Path == MembershipsPath)
        {
            return r.Method switch
            {
                "GET" => GetMemberships(r),
                "POST" => PostMembership(r),
                _ => Error(405, "Method not allowed."),
            };
        }

        if (r.Path.StartsWith(MembershipsPath + "/", StringComparison.Ordinal) && r.Method == "DELETE")
        {
            // Kestrel decodes the path except %2F, which Refit sends for a '/' inside the id.
            var id = r.Path[(MembershipsPath.Length + 1)..].Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
            return DeleteMembership(id);
        }

        return null;
    }

    private sealed record MembershipFilters(string? RoomId, string? PersonId, string? PersonEmail);

    private FakeResponse GetMemberships(RecordedRequest r) => _pager.Page<MembershipFilters>(
        r,
        "memberships",
        first => (new MembershipFilters(first.QueryValue("roomId"), first.QueryValue("personId"), first.QueryValue("personEmail")), null),
        MatchingMemberships,
        pageCap: _ => MembershipsPageSizeCap,
        check: MembershipFiltersError);

    // Checked on every page, after max; the room must (still) exist.
    private FakeResponse? MembershipFiltersError(MembershipFilters filters)
    {
        if (filters.PersonId is not null && filters.PersonEmail is not null)
        {
            return Error(400, "Use either personId or personEmail, not both.");
        }

        if ((filters.PersonId is not null || filters.PersonEmail is not null) && filters.RoomId is null && !MembershipsComplianceOfficer)
        {
            return Error(400, "roomId is required when filtering by personId or personEmail.");
        }

        return filters.RoomId is not null && !RoomExists(filters.RoomId) ? Error(404, "The requested resource could not be found.") : null;
    }

    // Call with _gate held. Without roomId and a person filter Webex lists the token owner's own memberships.
    private IEnumerable<JsonObject> MatchingMemberships(MembershipFilters filters)
    {
        var me = (string?)Me["id"];
        var byPerson = filters.PersonId is not null || filters.PersonEmail is not null;
        return _memberships
            .Where(m => filters.RoomId is null ? byPerson || (string?)m["personId"] == me : (string?)m["roomId"] == filters.RoomId)
            .Where(m => filters.PersonId is null || (string?)m["personId"] == filters.PersonId)
            .Where(m => filters.PersonEmail is null || string.Equals((string?)m["personEmail"], filters.PersonEmail, StringComparison.OrdinalIgnoreCase));
    }

    private FakeResponse PostMembership(RecordedRequest r)
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

        string? Str(string name) => body[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var roomId = Str("roomId");
        var personId = Str("personId");
        var personEmail = Str("personEmail");
        if (string.IsNullOrEmpty(roomId))
        {
            return Error(400, "roomId is required.");
        }

        if ((personId is null) == (personEmail is null))
        {
            return Error(400, "Exactly one of personId or personEmail must be specified.");
        }

        var isModerator = false;
        if (body["isModerator"] is { } flag && !(flag is JsonValue v && v.TryGetValue(out isModerator)))
        {
            return Error(400, "isModerator must be a boolean.");
        }

        lock (_gate)
        {
            if (!RoomExists(roomId))
            {
                return Error(404, "The requested resource could not be found.");
            }

            JsonObject? person = personId is not null
                ? _people.Values.FirstOrDefault(p => (string?)p["id"] == personId)
                : _people.GetValueOrDefault(personEmail!) ?? MakePerson(personEmail!, personEmail!, personEmail!); // Webex invites unknown e-mails
            if (person is null)
            {
                return Error(404, "The requested resource could not be found.");
            }

            if (_memberships.Any(m => (string?)m["roomId"] == roomId && (string?)m["personId"] == (string?)person["id"]))
            {
                return Error(409, "Person is already in the room.");
            }

            var membership = NewMembership(roomId, person, isModerator);
            _memberships.Add(membership);
            return Json(200, membership.DeepClone());
        }
    }

    private FakeResponse DeleteMembership(string id)
    {
        lock (_gate)
        {
            var index = _memberships.FindIndex(m => (string?)m["id"] == id);
            if (index < 0)
            {
                return Error(404, "The requested resource could not be found.");
            }

            _memberships.RemoveAt(index);
        }

        return new FakeResponse(204, Body: null, ContentType: null);
    }

    // A room is known when a test added it as a room or gave it members. Call with _gate held.
    private bool RoomExists(string roomId) =>
        _rooms.Any(room => (string?)room["id"] == roomId) || _memberships.Any(m => (string?)m["roomId"] == roomId);

    // Call with _gate held.
    private JsonObject NewMembership(string roomId, JsonObject person, bool isModerator)
    {
        var n = Interlocked.Increment(ref _membershipCounter);
        return new JsonObject
        {
            ["id"] = WebexId("MEMBERSHIP", $"{n}:{roomId}"),
            ["roomId"] = roomId,
            ["personId"] = (string?)person["id"],
            ["personEmail"] = (string?)person["emails"]?[0],
            ["personDisplayName"] = (string?)person["displayName"],
            ["personOrgId"] = (string?)person["orgId"],
            ["isModerator"] = isModerator,
            ["isMonitor"] = false,
            ["isRoomHidden"] = false,
            ["roomType"] = (string?)_rooms.FirstOrDefault(room => (string?)room["id"] == roomId)?["type"] ?? "group",
            ["created"] = Timestamp(Epoch.AddMinutes(n)),
        };
    }
}
