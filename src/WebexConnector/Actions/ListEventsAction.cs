using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary>
/// <c>list_events</c>: the compliance officer's audit trail (messages, memberships, ... created, updated or
/// deleted in the organization), <c>GET /events</c> page by page via <c>Link</c>.
/// </summary>
internal sealed class ListEventsAction(IEventsApi events) : IActionHandler
{
    /// <summary>The spec's <c>serviceType</c>: "only applicable and mandatory when resource is set to convergedRecordings".</summary>
    private const string RecordingsResource = "convergedRecordings";

    private const string RecordingsServiceType = "calling";

    internal static ParameterDefinition Resource { get; } = new()
    {
        Name = "resource",
        Description = "Only events on this kind of resource",
        AllowedValues =
        [
            "attachmentActions", "businessTexts", "call_records", RecordingsResource, "file_transcodings", "files",
            "meetingMessages", "meetings", "meetingTranscripts", "memberships", "messages", "rooms", "tabs",
        ],
    };

    internal static ParameterDefinition Type { get; } = new() { Name = "type", Description = "Only events of this kind", AllowedValues = ["created", "updated", "deleted", "ended"] };

    internal static ParameterDefinition ActorId { get; } = new() { Name = "actor_id", Description = "Only events performed by this person (person id)", Contains = ["webex person id"] };

    internal static ParameterDefinition From { get; } = new() { Name = "from", Description = "Only events after this date and time (before to, when both are given)", Format = ParameterFormat.Timestamp };

    internal static ParameterDefinition To { get; } = new() { Name = "to", Description = "Only events before this date and time (not in the future; default: now)", Format = ParameterFormat.Timestamp };

    internal static ParameterDefinition Limit { get; } = ParameterDefinition.ListingLimit("At most this many events (default: every event)");

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "list_events",
        Name = "list events",
        Description = "List the organization's compliance events (who created, updated or deleted messages, memberships, rooms and more, and when); needs a compliance officer's token with spark-compliance:events_read",
        Type = ActionType.Investigate,
        ReadOnly = true,
        WebexCall = "GET /events",
        RequiredScopes = ["spark-compliance:events_read"],
        FailureMessagePrefix = "Error listing events",
        Parameters = [Resource, Type, ActorId, From, To, Limit],
        Output =
        [
            new("action_result.data.*.id", "string") { Contains = ["webex event id"] },
            new("action_result.data.*.resource", "string") { IsTextColumn = true },
            new("action_result.data.*.type", "string") { IsTextColumn = true },
            new("action_result.data.*.appId", "string"),
            new("action_result.data.*.actorId", "string") { Contains = ["webex person id"], IsTextColumn = true },
            new("action_result.data.*.orgId", "string"),
            new("action_result.data.*.created", "string") { IsTextColumn = true },
            new("action_result.data.*.data.id", "string") { Contains = ["webex message id", "webex membership id", "webex room id"] },
            new("action_result.data.*.data.roomId", "string") { Contains = ["webex room id"] },
            new("action_result.data.*.data.roomType", "string"),
            new("action_result.data.*.data.orgId", "string"),
            new("action_result.data.*.data.text", "string"),
            new("action_result.data.*.data.personId", "string") { Contains = ["webex person id"] },
            new("action_result.data.*.data.personEmail", "string") { Contains = ["email"] },
            new("action_result.data.*.data.meetingId", "string"),
            new("action_result.data.*.data.creatorId", "string") { Contains = ["webex person id"] },
            new("action_result.data.*.data.created", "string"),
            new("action_result.data.*.data.type", "string"),
            OutputDataPath.ListingTotal("events"),
            OutputDataPath.SummaryMessage,
        ],
        CreateHandler = services => new ListEventsAction(services.GetRequiredService<IEventsApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var from = parameters.GetString(From);
        var to = parameters.GetString(To);
        if (from is not null && to is not null && TimeRange.Parse(from) >= TimeRange.Parse(to))
        {
            return HandlerResult.Failure($"Parameter 'from' ({from}) must be before parameter 'to' ({to}).");
        }

        var resource = parameters.GetString(Resource);
        var type = parameters.GetString(Type);
        var actorId = parameters.GetString(ActorId);

        // The only service type there is, and Webex refuses recordings without it.
        var serviceType = resource == RecordingsResource ? RecordingsServiceType : null;
        var found = await WebexPager.CollectAsync(
            events.Client,
            (max, ct) => events.ListEventsAsync(resource, type, actorId, from, to, serviceType, max, ct),
            parameters.GetInteger(Limit),
            cancellationToken)
            .ConfigureAwait(false);

        return HandlerResult.Listing("events", found);
    }
}
