using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Refit;
using WebexConnector.Auth;
using WebexConnector.Configuration;
using WebexConnector.Security;
using WebexConnector.Webex;

namespace WebexConnector.Hosting;

/// <summary>Registers the Webex API clients, authentication and everything an action needs for one asset.</summary>
public static class WebexConnectorServiceCollectionExtensions
{
    public static IServiceCollection AddWebexConnector(this IServiceCollection services, AssetConfig config, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(config);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(config);
        services.AddSingleton(redactor);
        services.AddSingleton<IAccessTokenSource>(_ => config.AuthMode == AuthMode.PersonalAccessToken
            ? new PersonalAccessTokenSource(config.AuthorizationKey!)
            : throw new NotSupportedException("OAuth is not available yet."));
        services.AddTransient<BearerTokenHandler>();

        AddWebexApi<IRoomsApi>(services, config);
        AddWebexApi<IPeopleApi>(services, config);
        AddWebexApi<IMessagesApi>(services, config);
        return services;
    }

    // Generated clients: no reflection at start-up, and JSON only through the source-generated context.
    private static void AddWebexApi<TApi>(IServiceCollection services, AssetConfig config)
        where TApi : class =>
        services.AddRefitGeneratedClient<TApi>(WebexJsonContext.Default)
            .ConfigureHttpClient(client =>
            {
                client.BaseAddress = config.BaseUrl;
                client.Timeout = config.Timeout;
            })
            .AddHttpMessageHandler<BearerTokenHandler>();
}
