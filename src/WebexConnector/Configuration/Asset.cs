using System.Text.Json;
using WebexConnector.Security;

namespace WebexConnector.Configuration;

/// <summary>A validated asset: its id (safe for a file name) and its config.</summary>
internal sealed record Asset(string Id, AssetConfig Config)
{
    /// <summary>
    /// Validates an asset id and raw config, or throws <see cref="ConnectorInvocationException"/>. The config's
    /// secrets reach <paramref name="redactor"/> first, so not even a validation message can show them.
    /// </summary>
    /// <param name="assetId">The asset's name, not yet validated.</param>
    /// <param name="rawConfig">The config object, not yet validated.</param>
    /// <param name="redactor">Learns the config's secrets before anything else happens.</param>
    /// <param name="unknownKeys">What keys that are not asset settings mean.</param>
    public static async Task<Asset> LoadAsync(
        string assetId, JsonElement rawConfig, SecretRedactor redactor, UnknownKeyPolicy unknownKeys = UnknownKeyPolicy.Refuse)
    {
        ArgumentNullException.ThrowIfNull(redactor);
        redactor.AddRange(await AssetConfigLoader.SecretValuesAsync(rawConfig).ConfigureAwait(false));
        var id = AssetIdRules.Validate(assetId);
        return new Asset(id, await AssetConfigLoader.LoadAsync(rawConfig, unknownKeys).ConfigureAwait(false));
    }
}
