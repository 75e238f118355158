using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebexConnector.Webex;

/// <summary>One content attachment of <c>POST /messages</c>: an adaptive card, embedded as JSON (not as a string).</summary>
internal sealed record MessageAttachment
{
    /// <summary>The only content type Webex accepts for attachments.</summary>
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyName("contentType")]
    public required string ContentType { get; init; }

    /// <summary>The card's JSON object, written exactly as given.</summary>
    [JsonPropertyName("content")]
    public required JsonElement Content { get; init; }

    public static MessageAttachment AdaptiveCard(JsonElement card) => new() { ContentType = AdaptiveCardContentType, Content = card };
}
