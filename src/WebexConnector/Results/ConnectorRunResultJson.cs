using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebexConnector.Results;

/// <summary>Writes a <see cref="ConnectorRunResult"/> with exactly the keys of a SOAR connector run (README "Output").</summary>
public static class ConnectorRunResultJson
{
    public static string Write(ConnectorRunResult result) => OutputJson.Write(writer => Write(writer, result));

    /// <summary>Streams the document to <paramref name="output"/> (10,000 rooms are never held twice).</summary>
    public static void Write(Stream output, ConnectorRunResult result) => OutputJson.Write(output, writer => Write(writer, result));

    public static void Write(Utf8JsonWriter writer, ConnectorRunResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("identifier", result.Identifier);
        writer.WriteString("action", result.Action);
        writer.WriteString("asset_id", result.AssetId);
        writer.WriteString("status", result.Status);
        writer.WriteString("message", result.Message);
        writer.WriteStartObject("result_summary");
        writer.WriteNumber("total_objects", result.Results.Count);
        writer.WriteNumber("total_objects_successful", result.SuccessfulCount);
        writer.WriteEndObject();
        writer.WriteStartArray("result_data");
        foreach (var actionResult in result.Results)
        {
            WriteActionResult(writer, actionResult);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteActionResult(Utf8JsonWriter writer, ActionResult result)
    {
        writer.WriteStartObject();
        writer.WriteString("status", result.Status);
        writer.WriteString("message", result.Message);
        WriteObject(writer, "parameter", result.Parameter);
        writer.WriteStartArray("data");
        foreach (var item in result.Data)
        {
            item.WriteTo(writer);
            if (writer.BytesPending > OutputJson.FlushThreshold)
            {
                writer.Flush();
            }
        }

        writer.WriteEndArray();
        WriteObject(writer, "summary", result.Summary);
        writer.WriteEndObject();
    }

    private static void WriteObject(Utf8JsonWriter writer, string name, JsonObject value)
    {
        writer.WritePropertyName(name);
        value.WriteTo(writer);
    }
}
