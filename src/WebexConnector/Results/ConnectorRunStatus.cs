namespace WebexConnector.Results;

/// <summary>How a whole invocation ended; the CLI maps it to its exit code.</summary>
public enum ConnectorRunStatus
{
    /// <summary>Every action result succeeded.</summary>
    Succeeded,

    /// <summary>At least one action result failed.</summary>
    ActionFailed,

    /// <summary>The invocation itself was unusable; no action ran.</summary>
    InvalidInvocation,
}
