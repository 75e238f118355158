using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebexConnector.Cli.Tests.Infrastructure;

/// <summary>
/// The fake's <c>/people</c> routes (<c>/people/me</c> is in the main file). <c>GET /v1/people</c> filters like
/// Webex: <c>email</c> (exact, any case), <c>displayName</c> (name starts with, any case), <c>id</c> (up to 85,
/// comma-separated; unknown ones in <c>notFoundIds</c>), <c>orgId</c>, <c>locationId</c> (then at most 50 per
/// page); <c>max</c> 1–1000 (default 100) with <c>Link</c> pagination. Without <c>email</c>, <c>displayName</c>
/// or <c>id</c> only an admin (<see cref="PeopleCallerIsAdmin"/>) may list, as in Webex.
/// </summary>
public sealed partial class FakeWebexServer
{
    /// <summary>Webex's limit for the <c>id</c> list.</summary>
    public const int MaxPersonIdsPerRequest = 85;

    /// <summary>Webex's largest <c>/people</c> page with <c>locationId</c>.</summary>
    public const int MaxPeoplePageByLocation = 50;

    public const string PeopleFilterRequiredMessage = "Email, displayName, or id list should be specified.";

    private int _personCounter;

    /// <summary>When true the token belongs to an admin: <c>GET /v1/people</c> without email, displayName or id lists everyone.</summary>
    public bool PeopleCallerIsAdmin { get; set; }

    /// <summary>
    /// Adds <paramref name="count"/> generated people named <c>{namePrefix} 00001</c>, ... (e-mail
    /// <c>{prefix}.00001@example.com</c>), optionally in a location or another organization, and returns them.
    /// </summary>
    public IReadOnlyList<JsonObject> AddPeople(int count, string namePrefix = "Pat Person", string? locationId = null, string? orgId = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, 20_000);
        var added = new List<JsonObject>(count);
        for (var i = 0; i < count; i++)
        {
            var n = Interlocked.Increment(ref _personCounter).ToString("D5", CultureInfo.InvariantCulture);
            var email = $"{namePrefix.Replace(' ', '.').ToLowerInvariant()}.{n}@example.com";
            var person = MakePerson($"generated-{n}", $"{namePrefix} {n}", email);
            if (locationId is not null)
            {
                person["locationId"] = locationId;
            }

            if (orgId is not null)
            {
                person["orgId"] = orgId;
            }

            added.Add(AddPerson(person));
        }

        return added;
    }

    /// <summary>
    /// The order <c>GET /v1/people</c> lists people in (display name, then id); tests use it for the expected order.
    /// </summary>
    public static IOrderedEnumerable<JsonObject> InPeopleOrder(IEnumerable<JsonObject> people) =>
        people.OrderBy(p => (string?)p["displayName"], StringComparer.OrdinalIgnoreCase).ThenBy(p => (string?)p["id"], StringComparer.Ordinal);

    private FakeResponse? RoutePeople(RecordedRequest r) => (r.Method, r.Path) switch
    {
        ("GET", "/v1/people") => GetPeople(r),
        _ => null,
    };

    private sealed record PeopleCursor(
        int Offset, int Max, string? Email, string? DisplayName, string? Ids, string? OrgId, string? LocationId);

    private FakeResponse GetPeople(RecordedRequest r)
    {
        PeopleCursor cursor;
        var cursorText = r.QueryValue("cursor");
        if (cursorText is not null)
        {
            try
            {
                cursor = JsonSerializer.Deserialize<PeopleCursor>(Convert.FromBase64String(cursorText))
                    ?? throw new FormatException("null cursor");
            }
            catch (Exception ex) when (ex is FormatException or JsonException)
            {
                return Error(400, "Invalid cursor.");
            }
        }
        else
        {
            string? Given(string name) => string.IsNullOrEmpty(r.QueryValue(name)) ? null : r.QueryValue(name);
            cursor = new PeopleCursor(0, 100, Given("email"), Given("displayName"), Given("id"), Given("orgId"), Given("locationId"));
            if (cursor.Email is null && cursor.DisplayName is null && cursor.Ids is null && !PeopleCallerIsAdmin)
            {
                return Error(400, PeopleFilterRequiredMessage);
            }
        }

        var maxText = r.QueryValue("max");
        if (maxText is not null)
        {
            if (!int.TryParse(maxText, NumberStyles.None, CultureInfo.InvariantCulture, out var max) || max < 1 || max > 1000)
            {
                return Error(400, "max must be an integer between 1 and 1000.");
            }

            cursor = cursor with { Max = max };
        }

        if (cursor.LocationId is not null && cursor.Max > MaxPeoplePageByLocation)
        {
            cursor = cursor with { Max = MaxPeoplePageByLocation };
        }

        var ids = cursor.Ids?.Split(',') ?? [];
        if (ids.Length > MaxPersonIdsPerRequest)
        {
            return Error(400, $"The id list may contain at most {MaxPersonIdsPerRequest} ids.");
        }

        JsonArray items = [];
        bool more;
        List<string> notFound;
        lock (_gate)
        {
            var everyone = _people.Values.Distinct(ReferenceEqualityComparer.Instance).Cast<JsonObject>().ToList();
            notFound = [.. ids.Where(id => !everyone.Any(p => (string?)p["id"] == id))];
            var matching = InPeopleOrder(everyone.Where(p => PersonMatches(p, cursor, ids))).ToList();
            foreach (var person in matching.Skip(cursor.Offset).Take(cursor.Max))
            {
                items.Add(person.DeepClone());
            }

            more = cursor.Offset + cursor.Max < matching.Count;
        }

        Dictionary<string, string>? headers = null;
        if (more)
        {
            var next = cursor with { Offset = cursor.Offset + cursor.Max };
            var token = Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(next));
            var url = $"{BaseUrl}/people?cursor={Uri.EscapeDataString(token)}&max={next.Max.ToString(CultureInfo.InvariantCulture)}";
            headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Link"] = $"<{url}>; rel=\"next\"" };
        }

        var body = new JsonObject { ["items"] = items };
        if (items.Count > 0 || ids.Length > 0)
        {
            body["notFoundIds"] = ids.Length > 0 ? new JsonArray([.. notFound.Select(id => (JsonNode)id)]) : null;
        }

        return new FakeResponse(200, body.ToJsonString(JsonOptions), "application/json;charset=UTF-8", headers);
    }

    private static bool PersonMatches(JsonObject person, PeopleCursor cursor, string[] ids)
    {
        var emails = person["emails"]?.AsArray().Select(e => (string?)e) ?? [];
        return (cursor.Email is null || emails.Any(e => string.Equals(e, cursor.Email, StringComparison.OrdinalIgnoreCase)))
            && (cursor.DisplayName is null || ((string?)person["displayName"] ?? "").StartsWith(cursor.DisplayName, StringComparison.OrdinalIgnoreCase))
            && (ids.Length == 0 || ids.Contains((string?)person["id"], StringComparer.Ordinal))
            && (cursor.OrgId is null || (string?)person["orgId"] == cursor.OrgId)
            && (cursor.LocationId is null || (string?)person["locationId"] == cursor.LocationId);
    }
}
