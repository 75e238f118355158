using System.CommandLine;
using WebexConnector.Cli.Output;
using WebexConnector.Security;
using WebexConnector.Soar;

namespace WebexConnector.Cli.Commands;

/// <summary>
/// <c>webex-connector soar-app --output DIR [--binary PATH]</c>: writes the installable Splunk SOAR app, bundling this
/// executable (it must be the published, self-contained one) or <c>--binary</c>.
/// </summary>
internal sealed class SoarAppCommand : Command
{
    private readonly Option<string> _directory = new("--output", "-o")
    {
        Description = "Folder to write webexconnector/ and webexconnector.tgz into (created when missing)",
        Required = true,
    };

    private readonly Option<string?> _binary = new("--binary")
    {
        Description = "The webex-connector executable to bundle (default: this one, when it is the published self-contained build)",
    };

    public SoarAppCommand(CliConsole console)
        : base("soar-app", "Write an installable Splunk SOAR app (manifest, connector module, logos and the executable)")
    {
        Add(_directory);
        Add(_binary);
        SetAction(parseResult =>
        {
            var binary = parseResult.GetValue(_binary) ?? PublishedExecutable();
            if (binary is null)
            {
                return console.Printer.PrintInvalid(
                    "This is not the published self-contained executable, which the SOAR app must bundle. "
                    + "Publish it first (dotnet publish src/WebexConnector.Cli -c Release) and run soar-app from there, or pass --binary PATH.",
                    OutputFormat.Json,
                    "soar_app");
            }

            if (!File.Exists(console.Context.FullPath(binary)))
            {
                return console.Printer.PrintInvalid($"--binary '{TextSanitizer.Echo(binary)}' is not a file.", OutputFormat.Json, "soar_app");
            }

            var directory = console.Context.FullPath(parseResult.GetRequiredValue(_directory));
            string archive;
            try
            {
                Directory.CreateDirectory(directory);
                archive = SoarAppPackage.Write(directory, console.Context.FullPath(binary));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return console.Printer.PrintInvalid(
                    $"Cannot write the SOAR app into '{TextSanitizer.Echo(directory)}': {IoFailure.Describe(e)}.", OutputFormat.Json, "soar_app");
            }

            console.Error.WriteLine($"Wrote {Path.Combine(directory, SoarAppManifest.PackageName)}{Path.DirectorySeparatorChar} and {archive} (app version {SoarAppManifest.AppVersion}).");
            return ExitCodes.Success;
        });
    }

    // A framework-dependent build has its assembly beside the executable; the published native one is a single file.
    private static string? PublishedExecutable() =>
        File.Exists(Path.Combine(AppContext.BaseDirectory, "webex-connector.dll")) ? null : Environment.ProcessPath;
}
