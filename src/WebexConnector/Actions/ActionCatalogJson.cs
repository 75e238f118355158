using System.Text.Json;
using WebexConnector.Results;

namespace WebexConnector.Actions;

/// <summary>
/// Writes the <c>actions</c> catalogue, <c>{"actions": [...]}</c>, in the shape of a SOAR app manifest's
/// <c>actions</c>. Generated from the same <see cref="ActionDefinition"/>s the dispatcher and validation use.
/// </summary>
internal static class ActionCatalogJson
{
    public static string Write(IEnumerable<ActionDefinition> actions) => OutputJson.Write(writer =>
    {
        writer.WriteStartObject();
        WriteActions(writer, actions);
        writer.WriteEndObject();
    });

    /// <summary>Writes the <c>actions</c> property: the same list in the catalogue and in the SOAR app manifest.</summary>
    internal static void WriteActions(Utf8JsonWriter writer, IEnumerable<ActionDefinition> actions)
    {
        writer.WriteStartArray("actions");
        foreach (var action in actions)
        {
            WriteAction(writer, action);
        }

        writer.WriteEndArray();
    }

    private static void WriteAction(Utf8JsonWriter writer, ActionDefinition action)
    {
        writer.WriteStartObject();
        writer.WriteString("action", action.Name);
        writer.WriteString("identifier", action.Identifier);
        writer.WriteString("description", action.Description);
        writer.WriteString("type", action.Type.ToString().ToLowerInvariant());
        writer.WriteBoolean("read_only", action.ReadOnly);
        WriteStrings(writer, "required_scopes", action.RequiredScopes);
        writer.WriteStartObject("parameters");
        var order = 0;
        foreach (var (name, parameter) in action.Parameters.SelectMany(p => p.Names.Select(name => (name, p))))
        {
            // An alias is listed as a parameter of its own, so a 3.x playbook's parameter shows in SOAR's editor.
            var alias = name != parameter.Name;
            writer.WriteStartObject(name);
            writer.WriteString("description", alias ? $"Same as {parameter.Name} (the name Splunk's SOAR app 3.x used)" : parameter.Description);
            writer.WriteString("data_type", parameter.DataType);
            writer.WriteBoolean("required", parameter.Required && !alias);
            if (parameter.AllowedValues is { } values)
            {
                WriteStrings(writer, "value_list", values);
            }

            if (parameter.Contains.Count > 0)
            {
                WriteStrings(writer, "contains", parameter.Contains);
            }

            writer.WriteNumber("order", order++);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteStartArray("output");
        foreach (var output in action.AllOutput)
        {
            writer.WriteStartObject();
            writer.WriteString("data_path", output.DataPath);
            writer.WriteString("data_type", output.DataType);
            if (output.Contains.Count > 0)
            {
                WriteStrings(writer, "contains", output.Contains);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteString("versions", "EQ(*)");
        writer.WriteEndObject();
    }

    internal static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
