namespace WebexConnector.Cli.Commands;

/// <summary>Reads a file, or stdin for <c>-</c>, with a size bound; every failure is a <see cref="ConnectorInvocationException"/>.</summary>
internal static class InputFiles
{
    public static byte[] Read(string path, int maxBytes, string what)
    {
        try
        {
            using var stream = path == "-" ? Console.OpenStandardInput() : File.OpenRead(path);
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
            var source = path == "-" ? "stdin" : $"'{Webex.TextSanitizer.Echo(path)}'";
            throw new ConnectorInvocationException($"Cannot read the {what} from {source}: {IoFailure.Describe(e, path == "-" ? null : path)}.");
        }
    }
}
