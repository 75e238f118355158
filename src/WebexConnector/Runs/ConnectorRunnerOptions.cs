using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebexConnector.Security;

namespace WebexConnector.Runs;

/// <summary>What the host of the library (the CLI, or a test) decides for every run.</summary>
public sealed record ConnectorRunnerOptions
{
    /// <summary>Learns every secret of the run; the host must pass everything it prints through it.</summary>
    public SecretRedactor Redactor { get; init; } = new();

    /// <summary><c>--state-dir</c>; <c>null</c> applies the README's precedence ($WEBEX_CONNECTOR_STATE_DIR, $XDG_STATE_HOME, home).</summary>
    public string? StateDirectory { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>
    /// Where the run tells a person what it needs or is waiting for: how to authorize (the authorize URL, the device
    /// code), a wait before a retry, a long listing's progress. Default: nowhere.
    /// </summary>
    public TextWriter StatusWriter { get; init; } = TextWriter.Null;

    /// <summary>Report a listing's pages and items as they arrive (the CLI does when a person watches stderr).</summary>
    public bool ReportListingProgress { get; init; }

    /// <summary>Where diagnostics go; the CLI sends them to stderr.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>Last word on the services of a run, e.g. a test's fake HTTP handler.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
