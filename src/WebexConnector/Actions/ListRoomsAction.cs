using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary><c>list_rooms</c>: every room the token can see, <c>GET /rooms</c> page by page via <c>Link</c>.</summary>
internal sealed class ListRoomsAction(IRoomsApi rooms) : IActionHandler
{
    internal static ParameterDefinition Type { get; } = new() { Name = "type", Description = "Only rooms of this type", AllowedValues = ["direct", "group"] };

    internal static ParameterDefinition SortBy { get; } = new() { Name = "sort_by", Description = "Sort order", AllowedValues = ["id", "lastactivity", "created"] };

    internal static ParameterDefinition TeamId { get; } = new() { Name = "team_id", Description = "Only rooms of this team", Contains = ["webex team id"] };

    internal static ParameterDefinition Limit { get; } = ParameterDefinition.ListingLimit("At most this many rooms (default: every room)");

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "list_rooms",
        Name = "list rooms",
        Description = "List the rooms (spaces) the authenticated user belongs to",
        Type = ActionType.Investigate,
        ReadOnly = true,
        WebexCall = "GET /rooms",
        RequiredScopes = ["spark:rooms_read"],
        FailureMessagePrefix = "Error listing rooms",
        Parameters = [Type, SortBy, TeamId, Limit],
        Output =
        [
            new("action_result.data.*.id", "string") { Contains = ["webex room id"], IsTextColumn = true },
            new("action_result.data.*.title", "string") { IsTextColumn = true },
            new("action_result.data.*.type", "string") { IsTextColumn = true },
            new("action_result.data.*.isLocked", "boolean"),
            new("action_result.data.*.teamId", "string") { Contains = ["webex team id"] },
            new("action_result.data.*.lastActivity", "string") { IsTextColumn = true },
            new("action_result.data.*.creatorId", "string") { Contains = ["webex person id"] },
            new("action_result.data.*.created", "string"),
            new("action_result.data.*.ownerId", "string"),
            OutputDataPath.ListingTotal("rooms"),
            OutputDataPath.SummaryMessage,
        ],
        CreateHandler = services => new ListRoomsAction(services.GetRequiredService<IRoomsApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var teamId = parameters.GetString(TeamId);
        var type = parameters.GetString(Type);
        var sortBy = parameters.GetString(SortBy);
        var found = await WebexPager.CollectAsync(
            rooms.Client, (max, ct) => rooms.ListRoomsAsync(teamId, type, sortBy, max, ct), parameters.GetInteger(Limit), cancellationToken)
            .ConfigureAwait(false);

        return HandlerResult.Listing("rooms", found);
    }
}
