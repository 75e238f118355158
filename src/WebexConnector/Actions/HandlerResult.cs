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

    /// <summary>
    /// A listing: <c>Total rooms: 3</c>, the items, and the summary <c>total_rooms</c> (see <see cref="OutputDataPath.ListingTotal"/>)
    /// with the message again (<see cref="OutputDataPath.SummaryMessage"/>, as Splunk's SOAR app 3.x had it).
    /// </summary>
    public static HandlerResult Listing(string noun, IReadOnlyList<JsonElement> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var message = $"Total {noun}: {items.Count}";
        return Success(message, items, new JsonObject { ["total_" + noun] = items.Count, ["message"] = message });
    }

    public static HandlerResult Failure(string message) => new() { Succeeded = false, Message = message };
}
