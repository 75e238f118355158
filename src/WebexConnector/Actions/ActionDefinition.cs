namespace WebexConnector.Actions;

/// <summary>
/// Everything about one action in one place: it drives dispatch, parameter validation, the <c>actions</c>
/// catalogue, the operator-form CLI commands and their help. Adding an action is one file that declares one of
/// these (plus one line in <see cref="ActionCatalog"/>).
/// </summary>
internal sealed record ActionDefinition
{
    /// <summary>e.g. <c>send_message</c>.</summary>
    public required string Identifier { get; init; }

    /// <summary>The display name, e.g. <c>send message</c>.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// Identifiers the action also answers to: this connector's earlier ones, where it now uses the name Splunk's SOAR
    /// Cisco Webex app 3.x used (<c>add_people</c> for <c>add_people_to_room</c>), so no playbook breaks either way.
    /// </summary>
    public IReadOnlyList<string> FormerIdentifiers { get; init; } = [];

    /// <summary>Display names the action also answers to, e.g. <c>create room</c> for <c>create a room</c>.</summary>
    public IReadOnlyList<string> FormerNames { get; init; } = [];

    public required string Description { get; init; }

    public required ActionType Type { get; init; }

    public required bool ReadOnly { get; init; }

    public IReadOnlyList<ParameterDefinition> Parameters { get; init; } = [];

    /// <summary>Groups of parameters of which at most (or exactly) one may be given.</summary>
    public IReadOnlyList<ParameterChoice> Choices { get; init; } = [];

    /// <summary>The Webex call(s) the action makes, e.g. <c>POST /messages</c>; for the docs.</summary>
    public required string WebexCall { get; init; }

    /// <summary>
    /// The OAuth scopes the action needs (SOAR catalogue <c>required_scopes</c>). A 403 names them, because Webex's
    /// own 403 does not say which scope is missing.
    /// </summary>
    public required IReadOnlyList<string> RequiredScopes { get; init; }

    /// <summary>Data paths beyond <see cref="OutputDataPath.Common"/> (those are added by the catalogue).</summary>
    public IReadOnlyList<OutputDataPath> Output { get; init; } = [];

    /// <summary>How a failure message starts, e.g. <c>Error sending message</c>.</summary>
    public required string FailureMessagePrefix { get; init; }

    /// <summary>
    /// For actions that change something: appended to a failure after which Webex may have acted anyway
    /// (a 5xx, a timeout, a cut connection, a cancellation). Such requests are never retried.
    /// </summary>
    public string? UncertainOutcomeNote { get; init; }

    /// <summary>Creates the code that performs the action, from the services of one invocation.</summary>
    public required Func<IServiceProvider, IActionHandler> CreateHandler { get; init; }

    /// <summary>The operator-form command: <c>send_message</c> → <c>send-message</c>.</summary>
    public string CommandName => Identifier.Replace('_', '-');

    /// <summary>Whether a run document's identifier (or, without one we know, its display name) names this action.</summary>
    public bool Answers(string identifierOrName) =>
        Identifier.Equals(identifierOrName, StringComparison.Ordinal)
        || FormerIdentifiers.Contains(identifierOrName, StringComparer.Ordinal)
        || Name.Equals(identifierOrName, StringComparison.OrdinalIgnoreCase)
        || FormerNames.Contains(identifierOrName, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every output data path: the action's own and the common ones.</summary>
    /// <remarks>
    /// With the data paths Splunk's SOAR app 3.x listed for the same action (<see cref="Soar.Soar3xDataPaths"/>), so a
    /// 3.x playbook's paths are offered in SOAR's editor as well as resolved.
    /// </remarks>
    public IEnumerable<OutputDataPath> AllOutput =>
        Parameters.SelectMany(p => p.Names.Select(name => new OutputDataPath($"action_result.parameter.{name}", p.DataType) { Contains = p.Contains }))
            .Concat(Output)
            .Concat(Soar.Soar3xDataPaths.For(Identifier))
            .Concat(OutputDataPath.Common)
            .DistinctBy(path => path.DataPath, StringComparer.Ordinal);
}
