namespace WebexConnector.Cli;

/// <summary>The exit codes of contract section 4.</summary>
internal static class ExitCodes
{
    /// <summary>Every action result succeeded.</summary>
    public const int Success = 0;

    /// <summary>At least one action result failed.</summary>
    public const int ActionFailed = 1;

    /// <summary>The invocation itself was unusable (unreadable JSON, unknown identifier, invalid asset config or id, bad options).</summary>
    public const int InvalidInvocation = 2;

    public static int For(Results.RunOutcome outcome) => outcome switch
    {
        Results.RunOutcome.Succeeded => Success,
        Results.RunOutcome.InvalidInvocation => InvalidInvocation,
        _ => ActionFailed,
    };
}
