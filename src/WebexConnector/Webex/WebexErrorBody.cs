using System.Text.Json.Serialization;

namespace WebexConnector.Webex;

/// <summary>Webex's error body (and the OAuth error fields of the token endpoint): <c>{"message": "...", "errors": [{"description": "..."}], "trackingId": "..."}</c>.</summary>
internal sealed class WebexErrorBody
{
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("errors")]
    public List<WebexErrorDetail>? Errors { get; init; }

    /// <summary>OAuth errors (RFC 6749) from <c>/access_token</c>, e.g. <c>invalid_grant</c>.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; init; }

    [JsonPropertyName("error_description")]
    public string? ErrorDescription { get; init; }

    [JsonPropertyName("trackingId")]
    public string? TrackingId { get; init; }
}

/// <summary>One entry of <see cref="WebexErrorBody.Errors"/>.</summary>
internal sealed class WebexErrorDetail
{
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
