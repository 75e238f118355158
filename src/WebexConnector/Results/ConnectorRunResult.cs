using System.Globalization;
using WebexConnector.Security;

namespace WebexConnector.Results;

/// <summary>The document printed for a run: the keys of a SOAR connector run (README "Output").</summary>
public sealed record ConnectorRunResult
{
    public string? Identifier { get; init; }

    /// <summary>The display name, e.g. <c>list rooms</c>.</summary>
    public string? Action { get; init; }

    public string? AssetId { get; init; }

    public IReadOnlyList<ActionResult> Results { get; init; } = [];

    /// <summary>Set when the invocation was unusable: the message saying what is wrong.</summary>
    public string? InvocationError { get; init; }

    public ConnectorRunStatus Outcome =>
        InvocationError is not null ? ConnectorRunStatus.InvalidInvocation
        : Results.All(r => r.Succeeded) ? ConnectorRunStatus.Succeeded
        : ConnectorRunStatus.ActionFailed;

    public string Status => Outcome == ConnectorRunStatus.Succeeded ? ResultStatus.Success : ResultStatus.Failed;

    public int SuccessfulCount => Results.Count(r => r.Succeeded);

    public string Message => InvocationError ?? Summarize(Results.Count, Results.Count - SuccessfulCount);

    /// <summary>An unusable invocation; what the caller gave is echoed cleaned and shortened, since it was not checked.</summary>
    internal static ConnectorRunResult Invalid(string message, string? identifier = null, string? action = null, string? assetId = null) =>
        new() { InvocationError = message, Identifier = Echo(identifier), Action = Echo(action), AssetId = Echo(assetId) };

    private static string? Echo(string? value) => value is null ? null : TextSanitizer.Echo(value);

    private static string Summarize(int total, int failed) => (total, failed) switch
    {
        (1, 0) => "1 action succeeded",
        (_, 0) => string.Create(CultureInfo.InvariantCulture, $"{total} actions succeeded"),
        (1, 1) => "1 action failed",
        _ => string.Create(CultureInfo.InvariantCulture, $"{failed} of {total} actions failed"),
    };
}
