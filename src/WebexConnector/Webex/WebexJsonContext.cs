using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebexConnector.Webex;

/// <summary>Source-generated System.Text.Json metadata for everything sent to or read from Webex.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateMessageRequest))]
[JsonSerializable(typeof(CreateRoomRequest))]
[JsonSerializable(typeof(UpdateRoomRequest))]
[JsonSerializable(typeof(CreateMembershipRequest))]
[JsonSerializable(typeof(CreateMeetingRequest))]
[JsonSerializable(typeof(MessageAttachment))]
[JsonSerializable(typeof(WebexErrorBody))]
[JsonSerializable(typeof(JsonElement))]
internal sealed partial class WebexJsonContext : JsonSerializerContext;
