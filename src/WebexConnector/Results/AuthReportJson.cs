using WebexConnector.Auth;

namespace WebexConnector.Results;

/// <summary>
/// Writes <c>auth status</c> / <c>auth reset</c>: <c>status</c>, <c>message</c> and <c>data</c> with one object. The status
/// is <c>failed</c> when the stored state is unusable; the exit code stays 0 (the command itself worked).
/// </summary>
internal static class AuthReportJson
{
    public static string Write(string identifier, string assetId, AuthReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return OutputJson.Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("identifier", identifier);
            writer.WriteString("asset_id", assetId);
            writer.WriteString("status", report.Healthy ? ResultStatus.Success : ResultStatus.Failed);
            writer.WriteString("message", report.Message);
            writer.WriteStartArray("data");
            report.Data.WriteTo(writer);
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }
}
