using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebexConnector.Webex;

/// <summary>One page of a Webex list call: <c>{"items": [...]}</c>. Items stay raw JSON so unknown fields pass through.</summary>
public sealed class WebexItemsPage
{
    [JsonPropertyName("items")]
    public List<JsonElement>? Items { get; init; }
}
