using System.Text.Json.Serialization;

namespace WebexConnector.Auth;

/// <summary>The answer of Webex's <c>POST /device/authorize</c> (RFC 8628 section 3.2).</summary>
internal sealed class DeviceCodeResponse
{
    [JsonPropertyName("device_code")]
    public string? DeviceCode { get; init; }

    [JsonPropertyName("user_code")]
    public string? UserCode { get; init; }

    [JsonPropertyName("verification_uri")]
    public string? VerificationUri { get; init; }

    [JsonPropertyName("verification_uri_complete")]
    public string? VerificationUriComplete { get; init; }

    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; init; }

    [JsonPropertyName("interval")]
    public long? Interval { get; init; }
}
