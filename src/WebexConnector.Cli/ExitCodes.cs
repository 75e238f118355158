namespace WebexConnector.Cli;

/// <summary>The exit codes: 0, 1 and 2 as SOAR and the README describe them, and 74 when the output itself failed.</summary>
internal static class ExitCodes
{
    /// <summary>Every action result succeeded.</summary>
    public const int Success = 0;

    /// <summary>At least one action result failed.</summary>
    public const int ActionFailed = 1;

    /// <summary>The invocation itself was unusable (unreadable JSON, unknown identifier, invalid asset config or id, bad options).</summary>
    public const int InvalidInvocation = 2;

    /// <summary>
    /// The result could not be written to stdout (a full disk, a closed pipe): the action may have run all the
    /// same. 74 is <c>EX_IOERR</c> of sysexits.h.
    /// </summary>
    public const int OutputFailed = 74;

    public static int For(Results.ConnectorRunStatus outcome) => outcome switch
    {
        Results.ConnectorRunStatus.Succeeded => Success,
        Results.ConnectorRunStatus.InvalidInvocation => InvalidInvocation,
        _ => ActionFailed,
    };
}
