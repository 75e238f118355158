using System.Globalization;
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

    private sealed record PeopleFilters(string? Email, string? DisplayName, string? Ids, string? OrgId, string? LocationId)
    {
        public string[] IdList() => Ids?.Split(',') ?? [];
    }

    private FakeResponse GetPeople(RecordedRequest r) => _pager.Page<PeopleFilters>(
        r,
        "people",
        ReadPeopleFilters,
        filters =>
        {
            var ids = filters.IdList();
            return InPeopleOrder(Everyone().Where(p => PersonMatches(p, filters, ids)));
        },
        pageCap: filters => filters.LocationId is null ? null : MaxPeoplePageByLocation,
        check: filters => filters.IdList().Length > MaxPersonIdsPerRequest
            ? Error(400, $"The id list may contain at most {MaxPersonIdsPerRequest} ids.")
            : null,
        completeBody: (filters, body) =>
        {
            // Webex answers notFoundIds (null without an id filter) on a non-empty page or when ids were asked for.
            var ids = filters.IdList();
            if (body["items"]!.AsArray().Count > 0 || ids.Length > 0)
            {
                var everyone = Everyone();
                body["notFoundIds"] = ids.Length > 0
                    ? new JsonArray([.. ids.Where(id => !everyone.Any(p => (string?)p["id"] == id)).Select(id => (JsonNode)id)])
                    : null;
            }
        });

    // An empty parameter counts as absent. Only an admin may list without email, displayName or id.
    private (PeopleFilters?, FakeResponse?) ReadPeopleFilters(RecordedRequest r)
    {
        string? Given(string name) => string.IsNullOrEmpty(r.QueryValue(name)) ? null : r.QueryValue(name);
        var filters = new PeopleFilters(Given("email"), Given("displayName"), Given("id"), Given("orgId"), Given("locationId"));
        return filters.Email is null && filters.DisplayName is null && filters.Ids is null && !PeopleCallerIsAdmin
            ? (null, Error(400, PeopleFilterRequiredMessage))
            : (filters, null);
    }

    // Call with _gate held: each person once, though it is indexed under every e-mail.
    private List<JsonObject> Everyone() => [.. _people.Values.Distinct(ReferenceEqualityComparer.Instance).Cast<JsonObject>()];

    private static bool PersonMatches(JsonObject person, PeopleFilters filters, string[] ids)
    {
        var emails = person["emails"]?.AsArray().Select(e => (string?)e) ?? [];
        return (filters.Email is null || emails.Any(e => string.Equals(e, filters.Email, StringComparison.OrdinalIgnoreCase)))
            && (filters.DisplayName is null || ((string?)person["displayName"] ?? "").StartsWith(filters.DisplayName, StringComparison.OrdinalIgnoreCase))
            && (ids.Length == 0 || ids.Contains((string?)person["id"], StringComparer.Ordinal))
            && (filters.OrgId is null || (string?)person["orgId"] == filters.OrgId)
            && (filters.LocationId is null || (string?)person["locationId"] == filters.LocationId);
    }
}
