using System.Text.Json.Nodes;
using WebexConnector.Actions;

namespace WebexConnector.Tests.TestSupport;

/// <summary>
/// A parameter entry any action accepts, built from its definition: each required parameter and the first of each
/// required choice, with a value that keeps the parameter's rules. The catalogue-driven contract tests of both test
/// projects use it (this file is linked into the end-to-end project).
/// </summary>
internal static class SampleParameters
{
    public const string SampleId = "Y2lzY29zcGFyazovL3VzL0NPTlRSQUNUL3NhbXBsZQ";

    /// <param name="action">The action.</param>
    /// <param name="known">A value of the test's own for a parameter (e.g. the id of a room its fake server holds), or null.</param>
    public static JsonObject For(ActionDefinition action, Func<ParameterDefinition, JsonNode?>? known = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        var names = action.Parameters.Where(p => p.Required).Select(p => p.Name)
            .Concat(action.Choices.Where(c => c.Required).Select(c => c.Names[0]))
            .ToHashSet(StringComparer.Ordinal);
        var entry = new JsonObject();
        foreach (var parameter in action.Parameters.Where(p => names.Contains(p.Name)))
        {
            entry[parameter.Name] = known?.Invoke(parameter) ?? Value(parameter);
        }

        return entry;
    }

    /// <summary>Every required parameter, and every choice of which exactly one must be given, as (action, names).</summary>
    public static IEnumerable<(ActionDefinition Action, string[] Names)> Required() =>
        ActionCatalog.All.SelectMany(action =>
            action.Parameters.Where(p => p.Required).Select(p => new[] { p.Name })
                .Concat(action.Choices.Where(c => c.Required).Select(c => c.Names.ToArray()))
                .Select(names => (action, names)));

    private static JsonNode Value(ParameterDefinition parameter) => parameter switch
    {
        { AllowedValues: [var first, ..] } => first,
        { Type: ParameterType.Boolean } => true,
        { Type: ParameterType.Numeric } => parameter.Minimum ?? 1,
        { Format: ParameterFormat.EmailAddress } => "alice@example.com",
        { Format: ParameterFormat.Timestamp } => "2026-01-01T00:00:00Z",
        { Format: ParameterFormat.HttpUrl } => "https://example.com/evidence.png",
        { Format: ParameterFormat.JsonObject } => "{}",
        _ when parameter.Contains.Contains("email") && !parameter.Contains.Any(c => c.EndsWith(" id", StringComparison.Ordinal)) => "alice@example.com",
        _ => SampleId,
    };
}
