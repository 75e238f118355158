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
        var timestamps = 0;
        foreach (var parameter in action.Parameters.Where(p => names.Contains(p.Name)))
        {
            // Timestamps an hour apart in declaration order, so a range (start before end) is valid.
            entry[parameter.Name] = known?.Invoke(parameter)
                ?? (parameter.Format == ParameterFormat.Timestamp && parameter.AllowedValues is null ? Timestamp(timestamps++) : Value(parameter));
        }

        return entry;
    }

    /// <summary>Every required parameter, and every choice of which exactly one must be given, as (action, names).</summary>
    public static IEnumerable<(ActionDefinition Action, string[] Names)> Required() =>
        ActionCatalog.All.SelectMany(action =>
            action.Parameters.Where(p => p.Required).Select(p => new[] { p.Name })
                .Concat(action.Choices.Where(c => c.Required).Select(c => c.Names.ToArray()))
                .Select(names => (action, names)));

    private static string Timestamp(int index) =>
        new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(index).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A value that keeps <paramref name="parameter"/>'s rules.</summary>
    public static JsonNode Value(ParameterDefinition parameter) => parameter switch
    {
        { AllowedValues: [var first, ..] } => first,
        { Type: ParameterType.Boolean } => true,
        { Type: ParameterType.Numeric } => parameter.Minimum ?? 1,
        { Format: ParameterFormat.EmailAddress } => "alice@example.com",
        { Format: ParameterFormat.HttpUrl } => "https://example.com/evidence.png",
        { Format: ParameterFormat.JsonObject } => "{}",
        _ when parameter.Contains.Contains("email") && !parameter.Contains.Any(c => c.EndsWith(" id", StringComparison.Ordinal)) => "alice@example.com",
        _ => SampleId,
    };
}
