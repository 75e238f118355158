using System.Text.Json.Serialization;

namespace WebexConnector.Webex;

/// <summary>Webex's error body: <c>{"message": "...", "errors": [{"description": "..."}], "trackingId": "..."}</c>.</summary>
public sealed class WebexErrorBody
{
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("errors")]
    public List<WebexErrorDetail>? Errors { get; init; }

    [JsonPropertyName("trackingId")]
    public string? TrackingId { get; init; }
}

/// <summary>One entry of <see cref="WebexErrorBody.Errors"/>.</summary>
public sealed class WebexErrorDetail
{
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
