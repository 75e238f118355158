using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebexConnector.Actions;

/// <summary>What one run of an action produced: status, message, the Webex objects and the summary.</summary>
internal sealed record HandlerResult
{
    public required bool Succeeded { get; init; }

    public required string Message { get; init; }

    /// <summary>Webex objects exactly as Webex returned them.</summary>
    public IReadOnlyList<JsonElement> Data { get; init; } = [];

    public JsonObject Summary { get; init; } = [];

    public static HandlerResult Success(string message, IReadOnlyList<JsonElement>? data = null, JsonObject? summary = null) =>
        new() { Succeeded = true, Message = message, Data = data ?? [], Summary = summary ?? [] };

    public static HandlerResult Failure(string message) => new() { Succeeded = false, Message = message };
}
