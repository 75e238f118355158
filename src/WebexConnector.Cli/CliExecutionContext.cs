using Microsoft.Extensions.DependencyInjection;

namespace WebexConnector.Cli;

/// <summary>
/// Everything the CLI takes from its surroundings: the three standard streams, the environment, the working folder
/// and the clock. The process passes its own (<see cref="ForProcess"/>); a host that runs the CLI in its own process
/// (the in-process test harness) passes its own streams, clock and service overrides, so concurrent runs stay apart.
/// </summary>
internal sealed class CliExecutionContext
{
    public required Stream StandardInput { get; init; }

    public required Stream StandardOutput { get; init; }

    public required Stream StandardError { get; init; }

    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Relative paths on the command line are relative to this folder.</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Whether a person watches stderr (then a long listing reports its pages as it goes).</summary>
    public bool StandardErrorIsTerminal { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Last word on the services of each run (the harness's fakes); none in the shipped CLI.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>Whether SIGINT and SIGTERM cancel the running action; only the process itself may take its signals.</summary>
    public bool HandlesTerminationSignals { get; init; }

    /// <summary>The absolute form of a path given on the command line.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, WorkingDirectory);

    /// <summary>The state folder after the README's precedence: <c>--state-dir</c>, environment, XDG, home.</summary>
    public string StateDirectory(string? stateDirOption) =>
        Auth.StateDirectory.Resolve(stateDirOption is null ? null : FullPath(stateDirOption), GetEnvironmentVariable);

    public static CliExecutionContext ForProcess() => new()
    {
        StandardInput = Console.OpenStandardInput(),
        StandardOutput = Console.OpenStandardOutput(),
        StandardError = Console.OpenStandardError(),
        StandardErrorIsTerminal = !Console.IsErrorRedirected,
        HandlesTerminationSignals = true,
    };
}
