using System.Text.Json;

namespace WebexConnector.Runs;

/// <summary>One invocation, from either form: which action, on which asset, with which parameter entries.</summary>
public sealed record ConnectorRun
{
    public required string Identifier { get; init; }

    /// <summary>The display name as the caller gave it; filled in from the catalogue when missing.</summary>
    public string? Action { get; init; }

    /// <summary>Not yet validated; <see cref="Configuration.AssetId"/> checks it before any path is built from it.</summary>
    public string AssetId { get; init; } = Configuration.AssetIdRules.Default;

    /// <summary>The asset config object, not yet validated.</summary>
    public required JsonElement Config { get; init; }

    /// <summary>
    /// What config keys that are not asset settings mean: refused (an operator's asset file, the default), or
    /// ignored unless they look like a typo of a setting (a platform's run document, which carries keys of its own).
    /// </summary>
    internal Configuration.UnknownKeyPolicy UnknownConfigKeys { get; init; } = Configuration.UnknownKeyPolicy.Refuse;

    /// <summary>One entry per action result; an empty list runs the action once with no parameters.</summary>
    public IReadOnlyList<JsonElement> Parameters { get; init; } = [];
}
