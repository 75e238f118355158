using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WebexConnector.Runs;

namespace WebexConnector.Hosting;

/// <summary>Adds the connector to a .NET host: one <see cref="ConnectorRunner"/> that runs actions for any asset.</summary>
public static class WebexConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ConnectorRunner"/> as a singleton. Each run builds its own services for the asset it names
    /// (Webex clients, authentication, resilience), so one runner serves any number of assets.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="options">The state folder, clock, status writer and logging of every run (default: <see cref="ConnectorRunnerOptions"/>'s).</param>
    public static IServiceCollection AddWebexConnector(this IServiceCollection services, ConnectorRunnerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(options ?? new ConnectorRunnerOptions());
        services.TryAddSingleton<ConnectorRunner>();
        return services;
    }
}
