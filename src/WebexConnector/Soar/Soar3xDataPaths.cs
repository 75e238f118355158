using System.Text.Json;
using WebexConnector.Actions;

namespace WebexConnector.Soar;

/// <summary>
/// The <c>action_result.data</c> paths Splunk's SOAR Cisco Webex app 3.0.1 listed for each action (its manifest,
/// <c>ciscowebex.json</c>): fields of the Webex objects this connector passes through unchanged, so they resolve here
/// too. Left out: ai_meeting_summary's (3.x made up its own object) and update_room's (3.x nested a whole action result);
/// the README's "Coming from the SOAR app 3.x" says what changes there.
/// </summary>
internal static class Soar3xDataPaths
{
    private static readonly Lazy<Dictionary<string, OutputDataPath[]>> ByIdentifier = new(Load);

    public static IReadOnlyList<OutputDataPath> For(string identifier) =>
        ByIdentifier.Value.TryGetValue(identifier, out var paths) ? paths : [];

    private static Dictionary<string, OutputDataPath[]> Load()
    {
        using var stream = typeof(Soar3xDataPaths).Assembly.GetManifestResourceStream("soar/soar3x-data-paths.json")
            ?? throw new InvalidOperationException("The embedded soar3x-data-paths.json is missing.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateObject().ToDictionary(
            action => action.Name,
            action => action.Value.EnumerateArray()
                .Select(path => new OutputDataPath(path.GetProperty("data_path").GetString()!, path.GetProperty("data_type").GetString()!))
                .ToArray(),
            StringComparer.Ordinal);
    }
}
