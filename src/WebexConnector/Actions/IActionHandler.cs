namespace WebexConnector.Actions;

/// <summary>The code that performs one action with already-validated parameters.</summary>
internal interface IActionHandler
{
    /// <summary>
    /// Performs the action. Webex failures are thrown (<see cref="Webex.WebexApiException"/>,
    /// <see cref="HttpRequestException"/>) and turned into the failure message in one place by the dispatcher.
    /// </summary>
    Task<HandlerResult> ExecuteAsync(ActionParameters parameters, CancellationToken cancellationToken);
}
