using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary><c>get_message</c>: one message by id, <c>GET /messages/{messageId}</c>. An unknown id is Webex's 404, a failure.</summary>
internal sealed class GetMessageAction(IMessagesApi messages) : IActionHandler
{
    internal static ParameterDefinition MessageId { get; } = new() { Name = "message_id", Description = "The message's id", Required = true, Format = ParameterFormat.PathSegment, Contains = ["webex message id"] };

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "get_message_details",
        Name = "get message details",
        FormerIdentifiers = ["get_message"],
        FormerNames = ["get message"],
        Description = "Get the details of a Webex message by id",
        Type = ActionType.Investigate,
        ReadOnly = true,
        WebexCall = "GET /messages/{messageId}",
        RequiredScopes = ["spark:messages_read"],
        FailureMessagePrefix = "Error getting message",
        Parameters = [MessageId],
        Output = MessageOutput.Paths,
        CreateHandler = services => new GetMessageAction(services.GetRequiredService<IMessagesApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var messageId = parameters.GetRequiredString(MessageId);
        using var response = await messages.GetMessageDetailsAsync(messageId, cancellationToken).ConfigureAwait(false);
        var message = await WebexResponses.ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
        return HandlerResult.Success("Message found", [message]);
    }
}
