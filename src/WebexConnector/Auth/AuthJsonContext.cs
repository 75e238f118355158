using System.Text.Json.Serialization;

namespace WebexConnector.Auth;

/// <summary>Source-generated JSON metadata for the state file and the token endpoint.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TokenPair))]
[JsonSerializable(typeof(TokenResponse))]
[JsonSerializable(typeof(DeviceCodeResponse))]
internal sealed partial class AuthJsonContext : JsonSerializerContext;
