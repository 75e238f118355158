using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebexConnector.Results;

/// <summary>One entry of <c>result_data</c>: the SOAR <c>action_result</c> a playbook reads.</summary>
public sealed record ActionResult
{
    public required bool Succeeded { get; init; }

    public required string Message { get; init; }

    /// <summary>The parameters as the caller gave them, unknown keys dropped.</summary>
    public JsonObject Parameter { get; init; } = [];

    /// <summary>Webex objects exactly as Webex returned them.</summary>
    public IReadOnlyList<JsonElement> Data { get; init; } = [];

    public JsonObject Summary { get; init; } = [];

    public string Status => Succeeded ? ResultStatus.Success : ResultStatus.Failed;
}
