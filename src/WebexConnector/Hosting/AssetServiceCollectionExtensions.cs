using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Refit;
using WebexConnector.Auth;
using WebexConnector.Configuration;
using WebexConnector.Runs;
using WebexConnector.Webex;
using WebexConnector.Webex.Resilience;

namespace WebexConnector.Hosting;

/// <summary>Registers the Webex API clients, authentication and everything an action needs for one asset (one run's host).</summary>
internal static class AssetServiceCollectionExtensions
{
    public static IServiceCollection AddWebexAsset(
        this IServiceCollection services, AssetConfig config, string assetId, ConnectorRunnerOptions options)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(config);
        services.AddSingleton(options.Redactor);
        services.AddTransient<BearerTokenHandler>();
        AddAuthentication(services, config, assetId, options);

        AddWebexApi<IRoomsApi>(services, config).AddHttpMessageHandler<BearerTokenHandler>();
        AddWebexApi<IPeopleApi>(services, config).AddHttpMessageHandler<BearerTokenHandler>();
        AddWebexApi<IMessagesApi>(services, config).AddHttpMessageHandler<BearerTokenHandler>();
        AddWebexApi<IEventsApi>(services, config).AddHttpMessageHandler<BearerTokenHandler>();
        AddWebexApi<IMembershipsApi>(services, config).AddHttpMessageHandler<BearerTokenHandler>();
        AddWebexApi<IMeetingsApi>(services, config).AddHttpMessageHandler<BearerTokenHandler>();
        AddWebexApi<IMeetingParticipantsApi>(services, config).AddHttpMessageHandler<BearerTokenHandler>();
        AddWebexApi<IRecordingsApi>(services, config).AddHttpMessageHandler<BearerTokenHandler>();
        AddWebexApi<IMeetingSummariesApi>(services, config).AddHttpMessageHandler<BearerTokenHandler>();
        AddWebexApi<IMeetingTranscriptsApi>(services, config).AddHttpMessageHandler<BearerTokenHandler>();
        return services;
    }

    // A PAT always wins: then no state file is read or written and no token endpoint is called.
    private static void AddAuthentication(IServiceCollection services, AssetConfig config, string assetId, ConnectorRunnerOptions options)
    {
        if (config.AuthMode == AuthMode.PersonalAccessToken)
        {
            services.AddSingleton<IAccessTokenSource>(new PersonalAccessTokenSource(config.AuthorizationKey!));
            services.AddSingleton<IConnectivityAuthorizer, PersonalAccessTokenAuthorizer>();
            return;
        }

        services.AddSingleton(new TokenStateStore(StateDirectory.Resolve(options.StateDirectory), assetId));
        services.AddSingleton(new AuthorizationPrompt(options.StatusWriter));
        services.AddSingleton<OAuthTokenClient>();
        services.AddSingleton<OAuthTokenSource>();
        services.AddSingleton<IAccessTokenSource>(provider => provider.GetRequiredService<OAuthTokenSource>());
        if (config.OAuthFlow == OAuthFlow.Device)
        {
            services.AddSingleton<DeviceGrantClient>();
            services.AddSingleton<IConnectivityAuthorizer, DeviceAuthorizationFlow>();
        }
        else
        {
            services.AddSingleton<IConnectivityAuthorizer, BrowserAuthorizationFlow>();
        }

        AddWebexApi<IOAuthApi>(services, config);
    }

    // Generated clients: no reflection at start-up, and JSON only through the source-generated context.
    private static IHttpClientBuilder AddWebexApi<TApi>(IServiceCollection services, AssetConfig config)
        where TApi : class =>
        services.AddRefitGeneratedClient<TApi>(WebexJsonContext.Default)
            .ConfigureHttpClient(client =>
            {
                client.BaseAddress = config.BaseUrl;

                // Each attempt is bounded by the resilience pipeline; the whole action by the dispatcher.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddWebexResilience(config.Timeout);
}
