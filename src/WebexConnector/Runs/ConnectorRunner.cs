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
using WebexConnector.Security;
using WebexConnector.Webex;
using WebexConnector.Webex.Resilience;

namespace WebexConnector.Runs;

/// <summary>
/// The action dispatcher: checks the invocation (identifier, asset id, asset config), then runs the action once
/// per parameter entry and collects one <see cref="ActionResult"/> each. Never throws for bad input or a failed
/// Webex call: those become results.
/// </summary>
public sealed class ConnectorRunner(ConnectorRunnerOptions options)
{
    /// <summary>
    /// Runs a SOAR connector-run document (UTF-8 JSON: <c>identifier</c>, <c>asset_id</c>, <c>config</c>, <c>parameters</c>):
    /// the platform form, where configuration keys that are not asset settings are ignored.
    /// </summary>
    public async Task<ConnectorRunResult> RunDocumentAsync(ReadOnlyMemory<byte> utf8Json, CancellationToken cancellationToken)
    {
        ConnectorRun run;
        try
        {
            run = ConnectorRunDocument.Parse(utf8Json);
        }
        catch (ConnectorInvocationException e)
        {
            return ConnectorRunResult.Invalid(e.Message);
        }

        return await RunAsync(run, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs one action: once per parameter entry (once without parameters when there are none), one
    /// <see cref="ActionResult"/> each. Never throws for bad input or a failed Webex call: those become results.
    /// </summary>
    public async Task<ConnectorRunResult> RunAsync(ConnectorRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        options.Redactor.MakeCurrent();
        // A run names its action by identifier; a display name (3.x's "add people") is accepted where the identifier is not ours.
        var definition = ActionCatalog.Find(run.Identifier) ?? (run.Action is { } name ? ActionCatalog.Find(name) : null);
        var action = run.Action is { } given ? TextSanitizer.Echo(given) : definition?.Name;
        if (definition is null)
        {
            var known = string.Join(", ", ActionCatalog.All.Select(a => a.Identifier));
            return ConnectorRunResult.Invalid($"Unknown action identifier '{TextSanitizer.Echo(run.Identifier)}'; known identifiers: {known}.", run.Identifier, action, run.AssetId);
        }

        // Before anything can print them: secret parameters (a meeting password) of every entry.
        foreach (var entry in run.Parameters)
        {
            options.Redactor.AddRange(ParameterValidator.SecretValues(definition, entry));
        }

        Asset asset;
        try
        {
            asset = await Asset.LoadAsync(run.AssetId, run.Config, options.Redactor, run.UnknownConfigKeys).ConfigureAwait(false);
        }
        catch (ConnectorInvocationException e)
        {
            return ConnectorRunResult.Invalid(e.Message, run.Identifier, action, run.AssetId);
        }

        using var host = BuildHost(asset);
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("WebexConnector");
        JsonElement?[] entries = run.Parameters.Count == 0 ? [null] : run.Parameters.Select(p => (JsonElement?)p).ToArray();
        logger.RunStarting(definition.Identifier, run.AssetId, entries.Length);

        var results = new List<ActionResult>(entries.Length);
        for (var i = 0; i < entries.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var result = await RunOneAsync(definition, entries[i], host, logger, i, cancellationToken).ConfigureAwait(false);
            logger.ActionFinished(definition.Identifier, i, result.Status, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            results.Add(result);
        }

        // The identifier goes back as the caller gave it (a former or 3.x name included), so its playbook finds its result.
        var identifier = definition.Answers(run.Identifier) ? run.Identifier : definition.Identifier;
        return new ConnectorRunResult { Identifier = identifier, Action = action, AssetId = run.AssetId, Results = results };
    }

    private async Task<ActionResult> RunOneAsync(
        ActionDefinition definition, JsonElement? entry, IHost host, ILogger logger, int index, CancellationToken cancellationToken)
    {
        var validation = ParameterValidator.Validate(definition, entry);
        if (validation.Values is null)
        {
            return new ActionResult { Succeeded = false, Message = validation.Error, Parameter = validation.Echo };
        }

        if (cancellationToken.IsCancellationRequested)
        {
            // Nothing was sent for this entry, so nothing is in doubt.
            return new ActionResult
            {
                Succeeded = false,
                Message = $"{definition.FailureMessagePrefix}. The action was cancelled before it started.",
                Parameter = validation.Echo,
            };
        }

        var config = host.Services.GetRequiredService<AssetConfig>();
        var time = host.Services.GetRequiredService<TimeProvider>();
        var limit = ActionTimeLimit(config);

        // The clock stops while test connectivity waits for a person to authorize (auth_timeout_seconds bounds that).
        using var deadline = new ActionDeadline(limit, time);
        ActionDeadline.Enter(deadline);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);

        // Every request of this action result draws its retry waits from one budget.
        RetryBudget.Enter(new RetryBudget(RetryBudget.PerAction));
        ActionProgress.Enter(new ActionProgress(options.StatusWriter, options.ReportListingProgress, time));
        try
        {
            var outcome = await definition.CreateHandler(host.Services).ExecuteAsync(validation.Values, linked.Token).ConfigureAwait(false);
            return new ActionResult
            {
                Succeeded = outcome.Succeeded,
                Message = outcome.Message,
                Parameter = validation.Echo,
                Data = outcome.Data,
                Summary = outcome.Summary,
            };
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            var reason = cancellationToken.IsCancellationRequested
                ? "The action was cancelled."
                : $"The action did not finish within {limit.TotalSeconds:0} s.";
            return Failed(WebexFailureMessage.Cancelled(definition.FailureMessagePrefix, reason, definition.UncertainOutcomeNote));
        }
#pragma warning disable CA1031 // One failed entry must not take the others (or the output document) down with it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            logger.ActionFailed(e, definition.Identifier, index);
            return Failed(WebexFailureMessage.For(definition.FailureMessagePrefix, e, definition.UncertainOutcomeNote, definition.RequiredScopes));
        }

        ActionResult Failed(string message) => new() { Succeeded = false, Message = message, Parameter = validation.Echo };
    }

    /// <summary>The overall bound of one action result: ten request timeouts plus the retry budget (a wait for a person does not count).</summary>
    internal static TimeSpan ActionTimeLimit(AssetConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return (config.Timeout * 10) + RetryBudget.PerAction;
    }

    private IHost BuildHost(Asset asset)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        // Polly reports every handled retry as a warning with a stack trace; the connector logs its own line instead.
        builder.Logging.AddFilter("Polly", LogLevel.None);
        options.ConfigureLogging?.Invoke(builder.Logging);
        builder.Services.AddSingleton(options.TimeProvider);
        builder.Services.AddWebexAsset(asset.Config, asset.Id, options);
        options.ConfigureServices?.Invoke(builder.Services);
        return builder.Build();
    }
}
