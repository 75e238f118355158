using System.CommandLine;
using System.Text.Json;
using WebexConnector.Security;

namespace WebexConnector.Cli.Commands;

/// <summary><c>--asset FILE</c> (the config object alone) and <c>--asset-id</c> (default: the file name without extension).</summary>
internal sealed class AssetOptions
{
    private const int MaxConfigBytes = 1024 * 1024;

    public Option<string> Asset { get; } = new("--asset")
    {
        Description = "Asset config file: a JSON object as described by asset.schema.json",
        Required = true,
    };

    public Option<string?> AssetId { get; } = new("--asset-id")
    {
        Description = "Asset id, which names the state file (default: the asset file's name without extension)",
    };

    public void AddTo(Command command)
    {
        command.Add(Asset);
        command.Add(AssetId);
    }

    /// <summary>Reads the asset file, or throws <see cref="ConnectorInvocationException"/>.</summary>
    public (JsonElement Config, string AssetId) Read(ParseResult parseResult, CliExecutionContext context)
    {
        var path = parseResult.GetRequiredValue(Asset);
        var bytes = InputFiles.Read(context, path, MaxConfigBytes, "asset config");
        try
        {
            using var document = JsonDocument.Parse(Runs.Utf8Input.Check(bytes, $"asset config '{path}'"));
            Runs.JsonUnicode.Check(document.RootElement, "asset config");
            var assetId = parseResult.GetValue(AssetId) ?? Path.GetFileNameWithoutExtension(path);
            return (document.RootElement.Clone(), assetId);
        }
        catch (JsonException e)
        {
            throw new ConnectorInvocationException($"The asset config '{TextSanitizer.Echo(path)}' is not valid JSON: {Runs.JsonSyntaxError.Describe(e)}.");
        }
    }
}
