using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WebexConnector.Actions;
using WebexConnector.Configuration;
using WebexConnector.Hosting;
using WebexConnector.Logging;
using WebexConnector.Results;
using WebexConnector.Webex;

namespace WebexConnector.Runs;

/// <summary>
/// The action dispatcher: checks the invocation (identifier, asset id, asset config), then runs the action once
/// per parameter entry and collects one <see cref="ActionResult"/> each. Never throws for bad input or a failed
/// Webex call: those become results.
/// </summary>
public sealed class ConnectorRunner(ConnectorRunnerOptions options)
{
    public async Task<ConnectorRunResult> RunAsync(ConnectorRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var definition = ActionCatalog.Find(run.Identifier);
        var action = run.Action ?? definition?.Name;
        if (definition is null)
        {
            var known = string.Join(", ", ActionCatalog.All.Select(a => a.Identifier));
            return ConnectorRunResult.Invalid($"Unknown action identifier '{run.Identifier}'; known identifiers: {known}.", run.Identifier, action, run.AssetId);
        }

        AssetConfig config;
        try
        {
            options.Redactor.AddRange(await AssetConfigLoader.SecretValuesAsync(run.Config).ConfigureAwait(false));
            AssetId.Validate(run.AssetId);
            config = await AssetConfigLoader.LoadAsync(run.Config).ConfigureAwait(false);
        }
        catch (ConnectorInvocationException e)
        {
            return ConnectorRunResult.Invalid(e.Message, run.Identifier, action, run.AssetId);
        }

        using var host = BuildHost(config, run.AssetId);
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("WebexConnector");
        JsonElement?[] entries = run.Parameters.Count == 0 ? [null] : run.Parameters.Select(p => (JsonElement?)p).ToArray();
        logger.RunStarting(definition.Identifier, run.AssetId, entries.Length);

        var results = new List<ActionResult>(entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await RunOneAsync(definition, entries[i], host.Services, logger, i, cancellationToken).ConfigureAwait(false);
            logger.ActionFinished(definition.Identifier, i, result.Status, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            results.Add(result);
        }

        return new ConnectorRunResult { Identifier = definition.Identifier, Action = action, AssetId = run.AssetId, Results = results };
    }

    private static async Task<ActionResult> RunOneAsync(
        ActionDefinition definition, JsonElement? entry, IServiceProvider services, ILogger logger, int index, CancellationToken cancellationToken)
    {
        var validation = ParameterValidator.Validate(definition, entry);
        if (validation.Values is null)
        {
            return new ActionResult { Succeeded = false, Message = validation.Error, Parameter = validation.Echo };
        }

        try
        {
            var outcome = await definition.CreateHandler(services).ExecuteAsync(validation.Values, cancellationToken).ConfigureAwait(false);
            return new ActionResult
            {
                Succeeded = outcome.Succeeded,
                Message = outcome.Message,
                Parameter = validation.Echo,
                Data = outcome.Data,
                Summary = outcome.Summary,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return new ActionResult { Succeeded = false, Message = $"{definition.FailureActivity}. The action was cancelled.", Parameter = validation.Echo };
        }
#pragma warning disable CA1031 // One failed entry must not take the others (or the output document) down with it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.ActionFailed(e, definition.Identifier, index);
            return new ActionResult { Succeeded = false, Message = WebexFailureMessage.For(definition.FailureActivity, e), Parameter = validation.Echo };
        }
    }

    private IHost BuildHost(AssetConfig config, string assetId)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(options.TimeProvider);
        builder.Services.AddWebexConnector(config, assetId, options);
        options.ConfigureServices?.Invoke(builder.Services);
        return builder.Build();
    }
}
