using Microsoft.Extensions.Logging;

namespace WebexConnector.Logging;

/// <summary>Source-generated log messages. Never pass a secret: the redactor is the last line of defence, not the first.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Running {Identifier} for asset {AssetId} ({Count} parameter entries)")]
    public static partial void RunStarting(this ILogger logger, string identifier, string assetId, int count);

    [LoggerMessage(2, LogLevel.Information, "{Identifier} result {Index}: {Status} in {ElapsedMs} ms")]
    public static partial void ActionFinished(this ILogger logger, string identifier, int index, string status, long elapsedMs);

    [LoggerMessage(4, LogLevel.Information, "Retrying {Method} {Path} in {DelaySeconds:0.0} s after {Outcome}")]
    public static partial void Retrying(this ILogger logger, string method, string path, double delaySeconds, string outcome);

    [LoggerMessage(3, LogLevel.Debug, "{Identifier} result {Index} failed")]
    public static partial void ActionFailed(this ILogger logger, Exception exception, string identifier, int index);
}
