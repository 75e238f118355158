namespace WebexConnector;

/// <summary>
/// Refit, HttpClient and Polly wrap what a handler threw (the token source's "authorize again", a timeout);
/// decisions and messages are about the cause, found here.
/// </summary>
internal static class ExceptionCauses
{
    public static IEnumerable<Exception> Of(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    public static T? Find<T>(Exception exception)
        where T : Exception => Of(exception).OfType<T>().FirstOrDefault();
}
