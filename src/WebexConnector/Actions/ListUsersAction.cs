using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Security;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary>
/// <c>list_users</c>: people by e-mail, name prefix or ids, or (for an admin) everyone, optionally by organization
/// or location; <c>GET /people</c> page by page via <c>Link</c>.
/// </summary>
internal sealed class ListUsersAction(IPeopleApi people) : IActionHandler
{
    /// <summary>Webex's limit for <c>id</c>: "Accepts up to 85 person IDs separated by commas".</summary>
    public const int MaxIds = 85;

    /// <summary>Room for <see cref="MaxIds"/> ids with spaces: a person id is about 80 characters.</summary>
    public const int MaxIdListBytes = MaxIds * 128;

    /// <summary>Webex's largest page with <c>locationId</c>: "max will not be more than 50".</summary>
    public const int MaxPageSizeByLocation = 50;

    /// <summary>Webex's largest page with <c>callingData=true</c>: "max will not be more than 100".</summary>
    public const int MaxPageSizeWithCallingData = 100;

    internal static ParameterDefinition Email { get; } = new() { Name = "email", Description = "Only the person with this e-mail address", Format = ParameterFormat.EmailAddress, Contains = ["email"] };

    internal static ParameterDefinition DisplayName { get; } = new() { Name = "display_name", Description = "Only people whose name starts with this text" };

    internal static ParameterDefinition Id { get; } = new() { Name = "id", Description = $"Only these people: person ids separated by commas (at most {MaxIds})", MaxUtf8Bytes = MaxIdListBytes, Contains = ["webex person id"] };

    internal static ParameterDefinition OrgId { get; } = new() { Name = "org_id", Description = "Only people in this organization (for admins of another organization, such as partners)" };

    internal static ParameterDefinition LocationId { get; } = new() { Name = "location_id", Description = $"Only people in this location (Webex then serves at most {MaxPageSizeByLocation} per page)" };

    internal static ParameterDefinition Roles { get; } = new() { Name = "roles", Description = "Only people with these roles: role ids separated by commas (sent as roles)" };

    internal static ParameterDefinition CallingData { get; } = new() { Name = "calling_data", Description = $"Include Webex Calling details of each person (Webex then serves at most {MaxPageSizeWithCallingData} per page)", Type = ParameterType.Boolean };

    internal static ParameterDefinition Limit { get; } = ParameterDefinition.ListingLimit("At most this many users (default: every user)");

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "list_users",
        Name = "list users",
        Description = "List Webex users (people) by e-mail address, display name prefix or person ids; an admin may omit these and list everyone in the organization or a location",
        Type = ActionType.Investigate,
        ReadOnly = true,
        WebexCall = "GET /people",
        RequiredScopes = ["spark:people_read"],
        FailureMessagePrefix = "Error listing users",
        Parameters = [Email, DisplayName, Id, OrgId, Roles, CallingData, LocationId, Limit],

        // Webex wants one of these unless the token belongs to an admin, so none is required here; they are
        // alternative lookups (the spec says "either this or displayName"), so at most one is sent.
        Choices = [new(["email", "display_name", "id"], Required: false)],
        Output =
        [
            new("action_result.data.*.id", "string") { Contains = ["webex person id"], IsTextColumn = true },
            new("action_result.data.*.emails", "string") { Contains = ["email"], IsTextColumn = true },
            new("action_result.data.*.displayName", "string") { IsTextColumn = true },
            new("action_result.data.*.nickName", "string"),
            new("action_result.data.*.firstName", "string"),
            new("action_result.data.*.lastName", "string"),
            new("action_result.data.*.phoneNumbers.*.type", "string"),
            new("action_result.data.*.phoneNumbers.*.value", "string"),
            new("action_result.data.*.extension", "string"),
            new("action_result.data.*.locationId", "string"),
            new("action_result.data.*.avatar", "string") { Contains = ["url"] },
            new("action_result.data.*.orgId", "string"),
            new("action_result.data.*.roles", "string"),
            new("action_result.data.*.licenses", "string"),
            new("action_result.data.*.department", "string"),
            new("action_result.data.*.manager", "string"),
            new("action_result.data.*.managerId", "string") { Contains = ["webex person id"] },
            new("action_result.data.*.title", "string"),
            new("action_result.data.*.created", "string"),
            new("action_result.data.*.lastModified", "string"),
            new("action_result.data.*.timezone", "string"),
            new("action_result.data.*.lastActivity", "string"),
            new("action_result.data.*.siteUrls", "string"),
            new("action_result.data.*.sipAddresses.*.value", "string"),
            new("action_result.data.*.xmppFederationJid", "string"),
            new("action_result.data.*.status", "string") { IsTextColumn = true },
            new("action_result.data.*.invitePending", "string"),
            new("action_result.data.*.loginEnabled", "string"),
            new("action_result.data.*.type", "string"),
            OutputDataPath.ListingTotal("users"),
            OutputDataPath.ListingTotal("people"),
            OutputDataPath.SummaryMessage,
        ],
        CreateHandler = services => new ListUsersAction(services.GetRequiredService<IPeopleApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        string? ids = null;
        if (parameters.GetString(Id) is { } given)
        {
            var (list, error) = ReadIds(given);
            if (error is not null)
            {
                return HandlerResult.Failure(error);
            }

            ids = list;
        }

        var email = parameters.GetString(Email);
        var displayName = parameters.GetString(DisplayName);
        var orgId = parameters.GetString(OrgId);
        var locationId = parameters.GetString(LocationId);
        var roles = parameters.GetString(Roles);
        // Only asked for when wanted; Webex's default is without.
        var callingData = QueryFlag.From(parameters.GetBoolean(CallingData) == true ? true : null);
        var pageSize = Math.Min(
            locationId is null ? WebexPager.MaxPageSize : MaxPageSizeByLocation,
            callingData is null ? WebexPager.MaxPageSize : MaxPageSizeWithCallingData);
        var found = await WebexPager.CollectAsync(
            people.Client,
            (max, ct) => people.ListPeopleAsync(email, displayName, ids, orgId, roles, callingData, locationId, max, ct),
            parameters.GetInteger(Limit),
            pageSize,
            cancellationToken)
            .ConfigureAwait(false);

        // total_people is the summary key of Splunk's SOAR app 3.x, so its playbooks read the same path.
        var result = HandlerResult.Listing("users", found);
        result.Summary["total_people"] = found.Count;
        return result;
    }

    // "a, b ,c," → "a,b,c": spaces around ids and empty entries (a trailing comma) are dropped.
    private static (string? List, string? Error) ReadIds(string given)
    {
        var ids = given.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length == 0)
        {
            return (null, $"Parameter 'id' must hold at least one person id; got '{TextSanitizer.Excerpt(given, 80)}'.");
        }

        if (ids.Length > MaxIds)
        {
            return (null, string.Create(
                CultureInfo.InvariantCulture, $"Parameter 'id' holds {ids.Length} person ids; Webex accepts at most {MaxIds}."));
        }

        return (string.Join(',', ids), null);
    }
}
