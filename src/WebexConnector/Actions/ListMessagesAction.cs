using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary><c>list_messages</c>: the messages of one room, newest first, <c>GET /messages</c> page by page via <c>Link</c>.</summary>
internal sealed class ListMessagesAction(IMessagesApi messages) : IActionHandler
{
    /// <summary>Webex's largest <c>max</c> when <c>mentionedPeople</c> is given (OpenAPI: "Cannot exceed 100").</summary>
    public const int MaxPageSizeWithMentionedPeople = 100;

    internal static ParameterDefinition RoomId { get; } = new() { Name = "room_id", Description = "The room whose messages to list", Required = true, Contains = ["webex room id"] };

    internal static ParameterDefinition ParentId { get; } = new() { Name = "parent_id", Description = "Only the replies to this message (a thread)", Contains = ["webex message id"] };

    internal static ParameterDefinition Before { get; } = new() { Name = "before", Description = "Only messages sent before this date and time", Format = ParameterFormat.Timestamp };

    internal static ParameterDefinition BeforeMessage { get; } = new() { Name = "before_message", Description = "Only messages sent before this message", Contains = ["webex message id"] };

    internal static ParameterDefinition MentionedPeople { get; } = new()
    {
        Name = "mentioned_people",
        Description = "Only messages mentioning these people: me (the authenticated user) or person ids, comma-separated; Webex accepts "
            + "only me or the user's own person id, and bots must give it to list a group room. Pages then hold at most 100 messages",
        Contains = ["webex person id"],
    };

    internal static ParameterDefinition Limit { get; } = ParameterDefinition.ListingLimit("At most this many messages, the newest (default: every message)");

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "list_messages",
        Name = "list messages",
        Description = "List the messages of a Webex room (space), newest first, optionally only a thread's replies, messages "
            + "mentioning the user, or messages sent before a time or a message",
        Type = ActionType.Investigate,
        ReadOnly = true,
        WebexCall = "GET /messages",
        RequiredScopes = ["spark:messages_read"],
        FailureMessagePrefix = "Error listing messages",
        Parameters = [RoomId, ParentId, Before, BeforeMessage, MentionedPeople, Limit],
        Output =
        [
            .. MessageOutput.Paths,
            OutputDataPath.ListingTotal("messages"),
            OutputDataPath.SummaryMessage,
        ],
        CreateHandler = services => new ListMessagesAction(services.GetRequiredService<IMessagesApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var roomId = parameters.GetRequiredString(RoomId);
        var parentId = parameters.GetString(ParentId);
        var mentionedPeople = parameters.GetString(MentionedPeople);
        var before = parameters.GetString(Before);
        var beforeMessage = parameters.GetString(BeforeMessage);
        var maxPageSize = mentionedPeople is null ? WebexPager.MaxPageSize : MaxPageSizeWithMentionedPeople;
        var found = await WebexPager.CollectAsync(
            messages.Client,
            (max, ct) => messages.ListMessagesAsync(roomId, parentId, mentionedPeople, before, beforeMessage, max, ct),
            parameters.GetInteger(Limit),
            maxPageSize,
            cancellationToken).ConfigureAwait(false);

        return HandlerResult.Listing("messages", found);
    }
}
