using WebexConnector.Security;
namespace WebexConnector;

/// <summary>
/// A file-system failure in an operator's words: .NET says "Access to the path '/tmp' is denied" for a folder opened
/// as a file, and names paths the message already names.
/// </summary>
internal static class IoFailure
{
    /// <summary>e.g. <c>it is a folder, not a file</c>, <c>no such file</c>, <c>permission denied</c>.</summary>
    public static string Describe(Exception exception, string? path = null)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            _ when path is not null && Directory.Exists(path) => "it is a folder, not a file",
            FileNotFoundException or DirectoryNotFoundException => "no such file",
            UnauthorizedAccessException => "permission denied",
            _ => TextSanitizer.Excerpt(exception.Message, 80).TrimEnd('.'),
        };
    }
}
