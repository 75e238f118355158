using System.Text.Json;
using System.Text.Json.Nodes;
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

    /// <summary>Webex's limit for a file sent with a message.</summary>
    public const long MaxFileBytes = 100L * 1000 * 1000;

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

    internal static ParameterDefinition FilePath { get; } = new()
    {
        Name = "file_path",
        Description = "A local file to send with the message (multipart/form-data; one file per message, at most 100 MB); not with files or card",
        Contains = ["file path"],
    };

    internal static ParameterDefinition FileName { get; } = new() { Name = "file_name", Description = "The name Webex shows for file_path (default: its own file name)", Contains = ["file name"] };

    internal static ParameterDefinition VaultId { get; } = new()
    {
        Name = "vault_id",
        Description = "In Splunk SOAR: the vault id of a file to send (the SOAR app resolves it to file_path and file_name); refused elsewhere",
        Contains = ["vault id"],
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
        Parameters = [EndpointId, DestinationType, Message, Markdown, ParentId, Files, Card, FilePath, FileName, VaultId],
        Choices = [new(["files", "file_path"], Required: false), new(["card", "file_path"], Required: false)],
        Output =
        [
            new("action_result.data.*.id", "string") { Contains = ["webex message id"], IsTextColumn = true },
            new("action_result.data.*.roomId", "string") { Contains = ["webex room id"], IsTextColumn = true },
            new("action_result.data.*.parentId", "string") { Contains = ["webex message id"] },
            new("action_result.data.*.roomType", "string"),
            new("action_result.data.*.personId", "string") { Contains = ["webex person id"] },
            new("action_result.data.*.personEmail", "string") { Contains = ["email"] },
            new("action_result.data.*.created", "string") { IsTextColumn = true },
            new("action_result.data.*.files", "string") { Contains = ["url"] },
            new("action_result.summary.message", "string"),
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

        if (parameters.GetString(VaultId) is not null)
        {
            return HandlerResult.Failure("Parameter 'vault_id' names a file in Splunk SOAR's vault, which only the SOAR app (webex-connector soar-app) can read; give file_path instead.");
        }

        var markdown = parameters.GetBoolean(Markdown) == true;
        if (parameters.GetString(FilePath) is { } path)
        {
            return await SendWithFileAsync(endpoint, destination, text, markdown, parameters.GetString(ParentId), path, parameters.GetString(FileName), cancellationToken).ConfigureAwait(false);
        }

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
        return await SentAsync(response, cancellationToken).ConfigureAwait(false);
    }

    // One local file as multipart/form-data (Webex's form for an uploaded file). Checked before anything is sent; the
    // file stream is seekable, so a 429 re-sends the same bytes, and a 5xx or a timeout is never re-sent at all.
    private async Task<HandlerResult> SendWithFileAsync(
        string endpoint, string destination, string text, bool markdown, string? parentId, string path, string? name, CancellationToken cancellationToken)
    {
        FileStream stream;
        try
        {
            var full = Path.GetFullPath(path);
            if (Directory.Exists(full))
            {
                return HandlerResult.Failure($"Parameter 'file_path' must be a file; '{TextSanitizer.Echo(path)}' is a folder.");
            }

            stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 81920, useAsync: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return HandlerResult.Failure($"Parameter 'file_path': cannot read '{TextSanitizer.Echo(path)}': {IoFailure.Describe(e, path)}.");
        }

        await using (stream.ConfigureAwait(false))
        {
            if (stream.Length > MaxFileBytes)
            {
                return HandlerResult.Failure($"Parameter 'file_path': '{TextSanitizer.Echo(path)}' is {stream.Length:N0} bytes; Webex takes at most {MaxFileBytes:N0} bytes (100 MB) per file.");
            }

            using var form = new MultipartFormDataContent();
            form.Add(new StringContent(endpoint), destination switch { "room" => "roomId", "user" => "toPersonId", _ => "toPersonEmail" });
            form.Add(new StringContent(text), markdown ? "markdown" : "text");
            if (parentId is not null)
            {
                form.Add(new StringContent(parentId), "parentId");
            }

            var file = new StreamContent(stream);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", name ?? Path.GetFileName(path));
            using var response = await messages.CreateMessageWithFileAsync(form, cancellationToken).ConfigureAwait(false);
            return await SentAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<HandlerResult> SentAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var created = await WebexResponses.ReadObjectAsync(response, cancellationToken).ConfigureAwait(false);

        // summary.message is the data path Splunk's SOAR app 3.x offered.
        return HandlerResult.Success("Message sent successfully", [created], new JsonObject { ["message"] = "Message sent successfully" });
    }

    // The validator has checked that the card is a JSON object; it is embedded as JSON, never as a string.
    private static JsonElement ParseCard(string card)
    {
        using var document = JsonDocument.Parse(card);
        return document.RootElement.Clone();
    }
}
