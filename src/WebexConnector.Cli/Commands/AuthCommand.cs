using System.CommandLine;
using WebexConnector.Auth;
using WebexConnector.Cli.Output;
using WebexConnector.Configuration;
using WebexConnector.Results;
using WebexConnector.Security;

namespace WebexConnector.Cli.Commands;

/// <summary><c>webex-connector auth status|reset</c>: the OAuth token pair of one asset.</summary>
internal sealed class AuthCommand : Command
{
    public AuthCommand(GlobalOptions global, CliConsole console)
        : base("auth", "Inspect or forget an asset's stored OAuth token pair")
    {
        Add(new AuthSubcommand(
            "status",
            "Show the authentication mode, the token pair's expiry times and scope (never a token)",
            global,
            console,
            (config, store, _) => Task.FromResult(AuthMaintenance.Status(config, store, console.Context.TimeProvider))));
        Add(new AuthSubcommand(
            "reset",
            "Forget the stored token pair (the step after an integration changes); test connectivity authorizes again",
            global,
            console,
            (config, store, cancellationToken) => AuthMaintenance.ResetAsync(config, store, console.Context.TimeProvider, cancellationToken)));
    }

    private sealed class AuthSubcommand : Command
    {
        public AuthSubcommand(
            string name,
            string description,
            GlobalOptions global,
            CliConsole console,
            Func<AssetConfig, TokenStateStore, CancellationToken, Task<AuthReport>> run)
            : base(name, description)
        {
            var asset = new AssetOptions();
            asset.AddTo(this);
            var identifier = $"auth_{name}";
            SetAction(async (parseResult, cancellationToken) =>
            {
                var format = global.GetFormat(parseResult);
                AuthReport report;
                string assetId;
                try
                {
                    var (rawConfig, id) = asset.Read(parseResult, console.Context);
                    var loaded = await Asset.LoadAsync(id, rawConfig, console.Redactor).ConfigureAwait(false);
                    assetId = loaded.Id;
                    var store = new TokenStateStore(console.Context.StateDirectory(parseResult.GetValue(global.StateDir)), assetId);
                    report = await run(loaded.Config, store, cancellationToken).ConfigureAwait(false);
                }
                catch (ConnectorInvocationException e)
                {
                    return console.Printer.PrintInvalid(e.Message, format, identifier);
                }
                catch (Exception e) when (e is AuthorizationFailedException or StateFolderException)
                {
                    return console.Printer.PrintInvalid(e.Message, format, identifier);
                }

                console.Printer.PrintDocument(format == OutputFormat.Text
                    ? $"{report.Message}{Environment.NewLine}{string.Join(Environment.NewLine, report.Data.Select(p => $"    {p.Key}: {p.Value}"))}{Environment.NewLine}"
                    : AuthReportJson.Write(identifier, assetId, report));
                return ExitCodes.Success;
            });
        }
    }
}
