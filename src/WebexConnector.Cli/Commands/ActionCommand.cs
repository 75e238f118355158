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
/// </summary>
internal sealed class ActionCommand : Command
{
    public ActionCommand(ActionDefinition action, GlobalOptions global, ConnectorInvoker invoker)
        : base(action.CommandName, action.Description)
    {
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

    private static Option CreateOption(ParameterDefinition parameter)
    {
        // Not System.CommandLine's Required: a missing parameter fails the action result (exit 1), as in the platform form.
        var description = (parameter.Required ? "(required) " : string.Empty) + parameter.Description
            + (parameter.AllowedValues is { } values ? $" ({string.Join("|", values)})" : string.Empty);
        return parameter.Type == ParameterType.Boolean
            ? new Option<bool>(parameter.OptionName) { Description = description }
            : new Option<string?>(parameter.OptionName) { Description = description };
    }

    private static JsonElement ToParameterEntry(ParseResult parseResult, IEnumerable<(ParameterDefinition Parameter, Option Option)> options)
    {
        var entry = new JsonObject();
        foreach (var (parameter, option) in options)
        {
            JsonNode? value = option switch
            {
                // Given as --flag, --flag true or --flag false: false is passed on too (update_room unlocks with it).
                Option<bool> flag when parseResult.GetResult(flag) is { Implicit: false } => JsonValue.Create(parseResult.GetValue(flag)),
                Option<string?> text when parseResult.GetValue(text) is { } given => JsonValue.Create(given),
                _ => null,
            };
            if (value is not null)
            {
                entry[parameter.Name] = value;
            }
        }

        return JsonSerializer.SerializeToElement(entry, CliJsonContext.Default.JsonObject);
    }
}
