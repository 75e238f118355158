using System.Text.Json.Serialization;

namespace WebexConnector.Webex;

/// <summary>
/// Body of <c>POST /rooms</c>, named and ordered as in the official Webex OpenAPI spec. Unset fields are left
/// out of the JSON, so Webex applies its own defaults.
/// </summary>
internal sealed record CreateRoomRequest
{
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("teamId")]
    public string? TeamId { get; init; }

    [JsonPropertyName("classificationId")]
    public string? ClassificationId { get; init; }

    [JsonPropertyName("isLocked")]
    public bool? IsLocked { get; init; }

    [JsonPropertyName("isPublic")]
    public bool? IsPublic { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("isAnnouncementOnly")]
    public bool? IsAnnouncementOnly { get; init; }
}
