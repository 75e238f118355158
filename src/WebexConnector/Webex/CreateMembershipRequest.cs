using System.Text.Json.Serialization;

namespace WebexConnector.Webex;

/// <summary>
/// Body of <c>POST /memberships</c>, named as in the official Webex OpenAPI spec: <c>roomId</c> and one of
/// <c>personId</c> / <c>personEmail</c>. Unset fields are left out of the JSON (never sent as <c>null</c>).
/// </summary>
internal sealed record CreateMembershipRequest
{
    [JsonPropertyName("roomId")]
    public required string RoomId { get; init; }

    [JsonPropertyName("personId")]
    public string? PersonId { get; init; }

    [JsonPropertyName("personEmail")]
    public string? PersonEmail { get; init; }

    [JsonPropertyName("isModerator")]
    public bool? IsModerator { get; init; }
}
