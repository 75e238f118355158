using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using WebexConnector.Actions;
using WebexConnector.Runs;

namespace WebexConnector.Cli.Commands;

/// <summary>
/// The operator form of one action, e.g. <c>webex-connector send-message --asset a.json --endpoint-id ...</c>,
/// built from its <see cref="ActionDefinition"/>: one option per parameter. Values are passed on as given and
/// validated by the library, exactly as in the platform form.
/// <para>
/// The one rule for exit codes: what is wrong with the command line or the asset makes the invocation unusable
/// (exit 2); what is wrong with a parameter (missing, or a bad value, <c>--markdown maybe</c> included) fails the
/// action result (exit 1), as the same parameter does in a run document.
/// </para>
/// </summary>
internal sealed class ActionCommand : Command
{
    public ActionCommand(ActionDefinition action, GlobalOptions global, ConnectorInvoker invoker)
        : base(action.CommandName, action.Description)
    {
        foreach (var former in action.FormerIdentifiers)
        {
            // add-people keeps working beside add-people-to-room.
            Aliases.Add(former.Replace('_', '-'));
        }

        var asset = new AssetOptions();
        asset.AddTo(this);
        var options = action.Parameters.Select(parameter => (parameter, option: CreateOption(parameter))).ToArray();
        foreach (var (_, option) in options)
        {
            Add(option);
        }

        SetAction(async (parseResult, cancellationToken) =>
        {
            var format = global.GetFormat(parseResult);
            JsonElement config;
            string assetId;
            try
            {
                (config, assetId) = asset.Read(parseResult, invoker.Context);
            }
            catch (ConnectorInvocationException e)
            {
                return invoker.Printer.PrintInvalid(e.Message, format, action.Identifier);
            }

            var run = new ConnectorRun
            {
                Identifier = action.Identifier,
                AssetId = assetId,
                Config = config,
                Parameters = [ToParameterEntry(parseResult, options)],
            };
            return await invoker.InvokeAsync(run, parseResult.GetValue(global.StateDir), format, cancellationToken).ConfigureAwait(false);
        });
    }

    private static Option<string?> CreateOption(ParameterDefinition parameter)
    {
        // Not System.CommandLine's Required or typed options: the library validates every value, as in the platform form.
        var description = (parameter.Required ? "(required) " : string.Empty) + parameter.Description
            + (parameter.AllowedValues is { } values ? $" ({string.Join("|", values)})" : string.Empty);
        var aliases = parameter.Aliases.Select(name => "--" + name.Replace('_', '-')).ToArray();
        return parameter.Type == ParameterType.Boolean
            ? new Option<string?>(parameter.OptionName, aliases) { Description = description + " (--flag, --flag true or --flag false)", Arity = ArgumentArity.ZeroOrOne }
            : new Option<string?>(parameter.OptionName, aliases) { Description = description };
    }

    private static JsonElement ToParameterEntry(ParseResult parseResult, IEnumerable<(ParameterDefinition Parameter, Option<string?> Option)> options)
    {
        var entry = new JsonObject();
        foreach (var (parameter, option) in options)
        {
            var given = parseResult.GetValue(option);
            if (given is null && parameter.Type == ParameterType.Boolean && parseResult.GetResult(option) is { Implicit: false })
            {
                // A bare --flag means true; --flag false is passed on too (update_room unlocks with it).
                given = "true";
            }

            if (given is not null)
            {
                // true and false go on as JSON booleans, as a run document carries them; anything else is for the validator to refuse.
                entry[parameter.Name] = parameter.Type == ParameterType.Boolean && bool.TryParse(given, out var flag)
                    ? JsonValue.Create(flag)
                    : JsonValue.Create(given);
            }
        }

        return JsonSerializer.SerializeToElement(entry, CliJsonContext.Default.JsonObject);
    }
}
