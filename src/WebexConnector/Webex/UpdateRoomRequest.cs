using System.Text.Json.Serialization;

namespace WebexConnector.Webex;

/// <summary>
/// Body of <c>PUT /rooms/{roomId}</c>, named and ordered as in the official Webex OpenAPI spec. The PUT sets
/// the room's settings as a whole, so update_room fills every field it does not change from the room as read;
/// fields the room does not have are left out of the JSON.
/// </summary>
internal sealed record UpdateRoomRequest
{
    [JsonPropertyName("title")]
    public required string Title { get; init; }

    [JsonPropertyName("classificationId")]
    public string? ClassificationId { get; init; }

    [JsonPropertyName("teamId")]
    public string? TeamId { get; init; }

    [JsonPropertyName("isLocked")]
    public bool? IsLocked { get; init; }

    [JsonPropertyName("isPublic")]
    public bool? IsPublic { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("isAnnouncementOnly")]
    public bool? IsAnnouncementOnly { get; init; }

    /// <summary>Only a compliance officer may change it (direct rooms); update_room passes the room's value on unchanged.</summary>
    [JsonPropertyName("isReadOnly")]
    public bool? IsReadOnly { get; init; }
}
