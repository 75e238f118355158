using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary><c>delete_message</c>: deletes a message, <c>DELETE /messages/{messageId}</c> (204). Never retried after a 5xx or a timeout.</summary>
internal sealed class DeleteMessageAction(IMessagesApi messages) : IActionHandler
{
    internal static ParameterDefinition MessageId { get; } = new() { Name = "message_id", Description = "The id of the message to delete", Required = true, Format = ParameterFormat.PathSegment, Contains = ["webex message id"] };

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "delete_message",
        Name = "delete message",
        Description = "Delete a Webex message by id. The user's own messages need spark:messages_write; deleting another person's "
            + "message needs a compliance officer's token with spark-compliance:messages_write",
        Type = ActionType.Contain,
        ReadOnly = false,
        WebexCall = "DELETE /messages/{messageId}",
        RequiredScopes = ["spark:messages_write", "spark-compliance:messages_write"],
        FailureMessagePrefix = "Error deleting message",
        UncertainOutcomeNote = "The message may or may not have been deleted; check with get message before trying again.",
        Parameters = [MessageId],
        CreateHandler = services => new DeleteMessageAction(services.GetRequiredService<IMessagesApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var messageId = parameters.GetRequiredString(MessageId);
        using var response = await messages.DeleteMessageAsync(messageId, cancellationToken).ConfigureAwait(false);
        await WebexResponses.EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return HandlerResult.Success("Message deleted");
    }
}
