using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WebexConnector.Security;
using WebexConnector.Webex;

namespace WebexConnector.Actions;

/// <summary>
/// <c>send_message</c>: posts a message to a room, a person, or an e-mail address, <c>POST /messages</c>; optionally as a
/// reply in a thread, with one file (a public URL) and one adaptive card.
/// </summary>
internal sealed class SendMessageAction(IMessagesApi messages) : IActionHandler
{
    /// <summary>Webex's limit for <c>text</c> and <c>markdown</c>.</summary>
    public const int MaxMessageBytes = 7439;

    /// <summary>
    /// The connector's bound for an adaptive card's JSON. Webex documents none; real cards are a few KiB, and Webex itself
    /// refuses a card it finds too large.
    /// </summary>
    public const int MaxCardBytes = 64 * 1024;

    internal static ParameterDefinition EndpointId { get; } = new() { Name = "endpoint_id", Description = "Person id, room id, or (with destination_type email) an e-mail address", Required = true, Contains = ["webex room id", "webex person id", "email"] };

    internal static ParameterDefinition DestinationType { get; } = new() { Name = "destination_type", Description = "What endpoint_id is: user (a person id, sent as toPersonId), room (roomId) or email (toPersonEmail)", Required = true, AllowedValues = ["user", "room", "email"] };

    internal static ParameterDefinition Message { get; } = new()
    {
        Name = "message",
        Description = "The message text (or markdown); with a card, the fallback text Webex shows where the card cannot be rendered",
        Required = true,
        MaxUtf8Bytes = MaxMessageBytes,
    };

    internal static ParameterDefinition Markdown { get; } = new() { Name = "markdown", Aliases = ["is_markdown"], Description = "Send the message as markdown", Type = ParameterType.Boolean };

    internal static ParameterDefinition ParentId { get; } = new() { Name = "parent_id", Description = "Reply in the thread of this message (sent as parentId)", Contains = ["webex message id"] };

    internal static ParameterDefinition Files { get; } = new() { Name = "files", Description = "The public URL of one file to post with the message (Webex takes one file per message)", Format = ParameterFormat.HttpUrl, Contains = ["url"] };

    internal static ParameterDefinition Card { get; } = new()
    {
        Name = "card",
        Description = "An adaptive card, sent as the message's one attachment (Webex takes one card per message); "
            + "message is still required: it is the fallback text where the card cannot be rendered",
        Format = ParameterFormat.JsonObject,
        MaxUtf8Bytes = MaxCardBytes,
    };

    public static ActionDefinition Definition { get; } = new()
    {
        Identifier = "send_message",
        Name = "send message",
        Description = "Send a message to a Webex room or user, optionally as a reply in a thread, with a file or an adaptive card",
        Type = ActionType.Generic,
        ReadOnly = false,
        WebexCall = "POST /messages",
        RequiredScopes = ["spark:messages_write"],
        FailureMessagePrefix = "Error sending message",
        UncertainOutcomeNote = "The message may or may not have been delivered; check the destination before sending it again.",
        Parameters = [EndpointId, DestinationType, Message, Markdown, ParentId, Files, Card],
        Output =
        [
            new("action_result.data.*.id", "string") { Contains = ["webex message id"], IsTextColumn = true },
            new("action_result.data.*.roomId", "string") { Contains = ["webex room id"], IsTextColumn = true },
            new("action_result.data.*.parentId", "string") { Contains = ["webex message id"] },
            new("action_result.data.*.roomType", "string"),
            new("action_result.data.*.personId", "string") { Contains = ["webex person id"] },
            new("action_result.data.*.personEmail", "string") { Contains = ["email"] },
            new("action_result.data.*.created", "string") { IsTextColumn = true },
        ],
        CreateHandler = services => new SendMessageAction(services.GetRequiredService<IMessagesApi>()),
    };

    public async Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken)
    {
        var endpoint = parameters.GetRequiredString(EndpointId);
        var destination = parameters.GetRequiredString(DestinationType);
        var text = parameters.GetRequiredString(Message);
        if (destination == "email" && !ParameterValidator.IsEmailAddress(endpoint))
        {
            return HandlerResult.Failure($"Parameter 'endpoint_id' must be an e-mail address when destination_type is email; got '{TextSanitizer.Echo(endpoint)}'.");
        }

        var markdown = parameters.GetBoolean(Markdown) == true;
        var file = parameters.GetString(Files);
        var card = parameters.GetString(Card);
        var request = new CreateMessageRequest
        {
            RoomId = destination == "room" ? endpoint : null,
            ParentId = parameters.GetString(ParentId),
            ToPersonId = destination == "user" ? endpoint : null,
            ToPersonEmail = destination == "email" ? endpoint : null,
            Text = markdown ? null : text,
            Markdown = markdown ? text : null,
            Files = file is null ? null : [file],
            Attachments = card is null ? null : [MessageAttachment.AdaptiveCard(ParseCard(card))],
        };

        using var response = await messages.CreateMessageAsync(request, cancellationToken).ConfigureAwait(false);
        var created = await WebexResponses.ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);
        return HandlerResult.Success("Message sent successfully", [created]);
    }

    // The validator has checked that the card is a JSON object; it is embedded as JSON, never as a string.
    private static JsonElement ParseCard(string card)
    {
        using var document = JsonDocument.Parse(card);
        return document.RootElement.Clone();
    }
}
