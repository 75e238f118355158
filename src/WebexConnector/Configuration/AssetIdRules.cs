using System.Text.RegularExpressions;
using WebexConnector.Security;

namespace WebexConnector.Configuration;

/// <summary>
/// The name of an asset, and so of its state file. Checked before any path is built from it, so
/// <c>../x</c> or <c>/</c> can never escape the state folder.
/// </summary>
internal static partial class AssetIdRules
{
    public const string Default = "default";

    public static bool IsValid(string? value) => value is not null && Pattern().IsMatch(value);

    /// <summary>Returns <paramref name="value"/> when valid, else throws <see cref="ConnectorInvocationException"/>.</summary>
    public static string Validate(string? value) =>
        IsValid(value)
            ? value!
            : throw new ConnectorInvocationException(
                $"Invalid asset_id '{TextSanitizer.Echo(value ?? "")}': use 1 to 128 characters from A-Z, a-z, 0-9, '_', '.' and '-'.");

    // \z, not $: "$" would also accept a trailing newline, which would end up in a file name.
    [GeneratedRegex(@"^[A-Za-z0-9_.-]{1,128}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
