using WebexConnector.Security;
namespace WebexConnector.Cli.Commands;

/// <summary>Reads a file, or stdin for <c>-</c>, with a size bound; every failure is a <see cref="ConnectorInvocationException"/>.</summary>
internal static class InputFiles
{
    public static byte[] Read(CliExecutionContext context, string path, int maxBytes, string what)
    {
        try
        {
            // stdin belongs to the invocation: read, never closed here.
            using var file = path == "-" ? null : File.OpenRead(context.FullPath(path));
            var stream = file ?? context.StandardInput;
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                {
                    throw new ConnectorInvocationException($"The {what} is larger than {maxBytes} bytes.");
                }
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var source = path == "-" ? "stdin" : $"'{TextSanitizer.Echo(path)}'";
            throw new ConnectorInvocationException($"Cannot read the {what} from {source}: {IoFailure.Describe(e, path == "-" ? null : path)}.");
        }
    }
}
