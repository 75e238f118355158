using System.Text.Json.Serialization;

namespace WebexConnector.Webex;

/// <summary>
/// Body of <c>POST /messages</c>, named as in the official Webex OpenAPI spec. Unset fields are left out
/// of the JSON (never sent as <c>null</c>).
/// </summary>
internal sealed record CreateMessageRequest
{
    [JsonPropertyName("roomId")]
    public string? RoomId { get; init; }

    /// <summary>The message to reply to (a thread).</summary>
    [JsonPropertyName("parentId")]
    public string? ParentId { get; init; }

    [JsonPropertyName("toPersonId")]
    public string? ToPersonId { get; init; }

    [JsonPropertyName("toPersonEmail")]
    public string? ToPersonEmail { get; init; }

    [JsonPropertyName("text")]
    public string? Text { get; init; }

    [JsonPropertyName("markdown")]
    public string? Markdown { get; init; }

    /// <summary>Public URLs of files to post; Webex takes only one per message.</summary>
    [JsonPropertyName("files")]
    public IReadOnlyList<string>? Files { get; init; }

    /// <summary>Content attachments; Webex takes only one card per message.</summary>
    [JsonPropertyName("attachments")]
    public IReadOnlyList<MessageAttachment>? Attachments { get; init; }
}
