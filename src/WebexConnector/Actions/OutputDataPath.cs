namespace WebexConnector.Actions;

/// <summary>A data path a playbook can read from an action result (SOAR manifest <c>output</c> entry).</summary>
internal sealed record OutputDataPath(string DataPath, string DataType)
{
    /// <summary>SOAR <c>contains</c> types of the value, e.g. <c>email</c>.</summary>
    public IReadOnlyList<string> Contains { get; init; } = [];

    /// <summary>Shown as a column by <c>--output text</c>; only for paths under <c>action_result.data.*</c>.</summary>
    public bool IsTextColumn { get; init; }

    /// <summary>A listing's count, <c>action_result.summary.total_rooms</c>; <see cref="HandlerResult.Listing"/> fills it.</summary>
    public static OutputDataPath ListingTotal(string noun) => new($"action_result.summary.total_{noun}", "numeric");

    /// <summary><c>action_result.summary.message</c>: the result's message again, where Splunk's SOAR app 3.x offered it.</summary>
    public static OutputDataPath SummaryMessage { get; } = new("action_result.summary.message", "string");

    /// <summary>The paths every action has.</summary>
    public static IReadOnlyList<OutputDataPath> Common { get; } =
    [
        new("action_result.status", "string"),
        new("action_result.message", "string"),
        new("action_result.summary", "string"),

        // SOAR fills these for every action run; app manifests list them.
        new("summary.total_objects", "numeric"),
        new("summary.total_objects_successful", "numeric"),
    ];
}
