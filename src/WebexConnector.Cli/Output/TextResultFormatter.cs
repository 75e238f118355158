using System.Text;
using System.Text.Json;
using WebexConnector.Actions;
using WebexConnector.Results;
using WebexConnector.Security;

namespace WebexConnector.Cli.Output;

/// <summary><c>--output text</c>: one line per result, then a table of the data with the definition's text columns.</summary>
internal static class TextResultFormatter
{
    private const string DataPathPrefix = "action_result.data.*.";
    private const int MaxCellWidth = 60;

    /// <summary>Longer than any Webex id; only a hostile server's value is cut.</summary>
    private const int MaxIdentifierWidth = 400;

    public static string Format(ConnectorRunResult result)
    {
        var text = new StringBuilder();
        text.AppendLine($"{Line(result.Action ?? result.Identifier ?? "")}: {result.Status} - {Line(result.Message)}");
        var columns = (result.Identifier is { } id ? ActionCatalog.Find(id) : null)?.Output
            .Where(o => o.IsTextColumn && o.DataPath.StartsWith(DataPathPrefix, StringComparison.Ordinal))
            .Select(o => new Column(o.DataPath[DataPathPrefix.Length..], IsIdentifier(o)))
            .ToArray() ?? [];
        for (var i = 0; i < result.Results.Count; i++)
        {
            var actionResult = result.Results[i];
            text.AppendLine();
            text.AppendLine($"[{i + 1}] {actionResult.Status}: {Line(actionResult.Message)}");
            foreach (var (key, value) in actionResult.Summary)
            {
                text.AppendLine($"    {key}: {value?.ToJsonString()}");
            }

            if (actionResult.Data.Count > 0 && columns.Length > 0)
            {
                AppendTable(text, columns, actionResult.Data);
            }
        }

        return text.ToString();
    }

    private static void AppendTable(StringBuilder text, Column[] columns, IReadOnlyList<JsonElement> rows)
    {
        var cells = rows.Select(row => columns.Select(column => Cell(row, column)).ToArray()).ToArray();
        var widths = columns.Select((column, c) => Math.Max(column.Name.Length, cells.Max(row => row[c].Length))).ToArray();
        text.AppendLine();
        text.AppendLine("    " + string.Join("  ", columns.Select((column, c) => column.Name.PadRight(widths[c]))).TrimEnd());
        text.AppendLine("    " + string.Join("  ", widths.Select(width => new string('-', width))));
        foreach (var row in cells)
        {
            text.AppendLine("    " + string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }

    // Every line a terminal shows is cleaned: a message may quote what a caller or Webex sent.
    private static string Line(string text) => TextSanitizer.Excerpt(text, ResultPrinter.MaxMessageLength);

    // Ids are what an operator copies into the next command: shown whole (Webex ids are about 80 characters).
    private static bool IsIdentifier(OutputDataPath path) =>
        path.Contains.Any(type => type.EndsWith(" id", StringComparison.Ordinal));

    private static string Cell(JsonElement row, Column column)
    {
        if (row.ValueKind != JsonValueKind.Object || !row.TryGetProperty(column.Name, out var value))
        {
            return string.Empty;
        }

        var raw = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
            _ => value.GetRawText(),
        };
        return TextSanitizer.Excerpt(raw, column.IsIdentifier ? MaxIdentifierWidth : MaxCellWidth);
    }

    private sealed record Column(string Name, bool IsIdentifier);
}
