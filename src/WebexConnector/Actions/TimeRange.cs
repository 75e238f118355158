using System.Globalization;

namespace WebexConnector.Actions;

/// <summary>
/// The order of two timestamp parameters (start/end, from/to), checked before sending: Webex refuses a range that ends
/// before it starts, and a message naming both parameters is clearer than its 400.
/// </summary>
internal static class TimeRange
{
    /// <summary>A message naming both parameters when <paramref name="end"/> is before (or, unless allowed, at) <paramref name="start"/>; otherwise null.</summary>
    /// <param name="startParameter">The parameter of the start.</param>
    /// <param name="start">Its value, already a valid timestamp (<see cref="ParameterFormat.Timestamp"/>), or null.</param>
    /// <param name="endParameter">The parameter of the end.</param>
    /// <param name="end">Its value, already a valid timestamp, or null.</param>
    /// <param name="allowEqual">Whether the end may equal the start.</param>
    public static string? Check(ParameterDefinition startParameter, string? start, ParameterDefinition endParameter, string? end, bool allowEqual)
    {
        ArgumentNullException.ThrowIfNull(startParameter);
        ArgumentNullException.ThrowIfNull(endParameter);
        if (start is null || end is null)
        {
            return null;
        }

        var order = Parse(end).CompareTo(Parse(start));
        return order > 0 || (allowEqual && order == 0)
            ? null
            : $"Parameter '{endParameter.Name}' must be {(allowEqual ? "at or after" : "after")} '{startParameter.Name}'; got {startParameter.Name} {start} and {endParameter.Name} {end}.";
    }

    public static DateTimeOffset Parse(string timestamp) =>
        DateTimeOffset.Parse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.None);
}
