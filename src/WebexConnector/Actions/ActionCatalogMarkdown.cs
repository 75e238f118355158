using System.Text;

namespace WebexConnector.Actions;

/// <summary>
/// The README's action and parameter tables, generated from the same <see cref="ActionDefinition"/>s the
/// dispatcher uses; a test keeps the README's copy equal to this.
/// </summary>
internal static class ActionCatalogMarkdown
{
    public const string BeginMarker = "<!-- actions:begin (generated from the action definitions; see ReadmeTests) -->";
    public const string EndMarker = "<!-- actions:end -->";

    public static string Write(IEnumerable<ActionDefinition> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        var list = actions.ToList();
        var text = new StringBuilder();
        text.AppendLine("| identifier | type | Webex call | required scopes | description |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var action in list)
        {
            text.AppendLine($"| `{action.Identifier}` | {Type(action)} | `{action.WebexCall}` | {Codes(action.RequiredScopes)} | {Cell(action.Description)} |");
        }

        text.AppendLine();
        text.AppendLine("| action | parameter | required | rule |");
        text.AppendLine("|---|---|---|---|");
        foreach (var action in list)
        {
            foreach (var parameter in action.Parameters)
            {
                text.AppendLine($"| {action.Identifier} | `{parameter.Name}` | {(parameter.Required ? "yes" : "no")} | {Cell(Rule(parameter))} |");
            }

            foreach (var choice in action.Choices)
            {
                text.AppendLine($"| {action.Identifier} | {Codes(choice.Names)} | {(choice.Required ? "one" : "at most one")} | {Cell(choice.Describe())} |");
            }
        }

        return text.ToString();
    }

    private static string Type(ActionDefinition action) =>
        action.Type.ToString().ToLowerInvariant() + (action.ReadOnly ? "" : " (changes Webex)");

    private static string Rule(ParameterDefinition parameter)
    {
        var rule = new StringBuilder(parameter.Description);
        if (parameter.AllowedValues is { } values)
        {
            rule.Append("; one of ").Append(Codes(values));
        }

        if (parameter.Type == ParameterType.Numeric && parameter.Minimum is { } minimum)
        {
            rule.Append("; a whole number ≥ ").Append(minimum);
            if (parameter.Maximum is { } maximum)
            {
                rule.Append(" and ≤ ").Append(maximum.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        else if (parameter.Type == ParameterType.Boolean)
        {
            rule.Append("; `true` or `false`");
        }

        rule.Append(parameter.Format switch
        {
            ParameterFormat.EmailAddress => "; an e-mail address",
            ParameterFormat.Timestamp => "; ISO 8601 with an offset, e.g. `2026-01-31T08:00:00Z`",
            ParameterFormat.JsonObject => "; a JSON object",
            ParameterFormat.HttpUrl => "; an http(s) URL",
            ParameterFormat.PathSegment => "; a Webex id (not `.` or `..`)",
            _ => "",
        });
        if (parameter.MaxUtf8Bytes is { } bytes)
        {
            rule.Append("; at most ").Append(bytes).Append(" bytes (UTF-8)");
        }

        return rule.ToString();
    }

    private static string Codes(IEnumerable<string> values)
    {
        var codes = string.Join(", ", values.Select(v => $"`{v}`"));
        return codes.Length == 0 ? "—" : codes;
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
